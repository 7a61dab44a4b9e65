"""Runs inside a private network namespace (`unshare -n`): `python -m services.ingest` whose
only ways out are Unix sockets the test controls.

    python -m tests.ingest.netns_child DIR KAFKA_HOST:PORT PG_HOST:PORT INGEST_PORT

Inside, KAFKA_HOST:PORT (also the broker's advertised address, so every broker connection
goes this way) and PG_HOST:PORT forward to DIR/kafka.sock and DIR/pg.sock; DIR/http.sock
forwards to the ingest's HTTP port.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys

from tests.ingest.socket_bridge import Bridge


async def main(directory: str, kafka: str, pg: str, ingest_port: str) -> int:
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    bridges = [
        Bridge(f"tcp:{kafka}", f"unix:{directory}/kafka.sock"),
        Bridge(f"tcp:{pg}", f"unix:{directory}/pg.sock"),
        Bridge(f"unix:{directory}/http.sock", f"tcp:127.0.0.1:{ingest_port}"),
    ]
    for bridge in bridges:
        await bridge.start()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "services.ingest")
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, proc.terminate)
    code = await proc.wait()
    for bridge in bridges:
        await bridge.stop()
    return code


if __name__ == "__main__":
    sys.exit(asyncio.run(main(*sys.argv[1:5])))
