"""Fetch the official Kafka jars from Maven Central, format KRaft storage once, start the
broker with the machine's Java, and wait until it answers."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

from devstack import processes
from devstack.paths import DEPLOY, KAFKA_DATA, KAFKA_LIBS, LOCAL
from devstack.ports import port_open

NAME = "kafka"
POM = DEPLOY / "kafka" / "pom.xml"
PROPERTIES = DEPLOY / "kafka" / "server.properties"
LOG4J = DEPLOY / "kafka" / "log4j2.properties"


def say(msg: str) -> None:
    print(f"[kafka] {msg}", flush=True)


def jars_present() -> bool:
    return KAFKA_LIBS.is_dir() and any(KAFKA_LIBS.glob("kafka_2.13-*.jar"))


def fetch_jars() -> None:
    """Resolve kafka_2.13 and its runtime dependencies with Maven (cached in ~/.m2)."""
    if jars_present():
        return
    if shutil.which("mvn") is None:
        sys.exit("Maven (mvn) is needed to fetch the Kafka jars: apt-get install maven")
    say("downloading Apache Kafka jars from Maven Central (once; cached afterwards)...")
    KAFKA_LIBS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mvn", "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
         "-DincludeScope=runtime", f"-DoutputDirectory={KAFKA_LIBS}"],
        check=True,
    )
    say(f"{len(list(KAFKA_LIBS.glob('*.jar')))} jars in {KAFKA_LIBS}")


def java() -> str:
    found = shutil.which("java")
    if found is None:
        sys.exit("Java 17+ is needed to run Kafka: apt-get install openjdk-17-jre-headless")
    return found


def _classpath() -> str:
    return f"{KAFKA_LIBS}/*"


def _overrides(port: int, controller_port: int) -> list[str]:
    return [
        f"log.dirs={KAFKA_DATA}",
        f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}",
        f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}",
        f"controller.quorum.voters=1@127.0.0.1:{controller_port}",
    ]


def _effective_properties(port: int, controller_port: int) -> str:
    """StorageTool reads a file, not overrides: write the effective properties."""
    lines = PROPERTIES.read_text().splitlines()
    overrides = dict(o.split("=", 1) for o in _overrides(port, controller_port))
    out = [ln for ln in lines if ln.split("=", 1)[0].strip() not in overrides]
    out += [f"{k}={v}" for k, v in overrides.items()]
    path = LOCAL / "kafka" / "server.effective.properties"
    path.write_text("\n".join(out) + "\n")
    return str(path)


def format_storage(props: str) -> None:
    if (KAFKA_DATA / "meta.properties").exists():
        return
    KAFKA_DATA.mkdir(parents=True, exist_ok=True)
    cluster_id = subprocess.run(
        [java(), "-cp", _classpath(), "kafka.tools.StorageTool", "random-uuid"],
        check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1]
    subprocess.run(
        [java(), "-cp", _classpath(), f"-Dlog4j2.configurationFile={LOG4J}",
         "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", props,
         "--ignore-formatted"],
        check=True, capture_output=True, text=True,
    )
    say(f"storage formatted (cluster {cluster_id})")


def start(port: int = 9092, controller_port: int = 9093, timeout_s: float = 90) -> bool:
    """Start the broker unless something already answers on `port`. True if we started it."""
    if port_open("127.0.0.1", port):
        say(f"already answering on 127.0.0.1:{port}; using it")
        return False
    fetch_jars()
    props = _effective_properties(port, controller_port)
    format_storage(props)
    argv = [
        java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
        f"-Dlog4j2.configurationFile={LOG4J}", "-cp", _classpath(), "kafka.Kafka", props,
    ]
    processes.start(NAME, argv)
    say(f"starting on 127.0.0.1:{port} (log: {processes.log_file(NAME)})")
    wait_ready(port, timeout_s)
    return True


def wait_ready(port: int, timeout_s: float) -> None:
    """Wait until the broker serves metadata (an open port alone is not enough)."""
    import asyncio

    from aiokafka.admin import AIOKafkaAdminClient

    async def probe() -> bool:
        admin = AIOKafkaAdminClient(bootstrap_servers=f"127.0.0.1:{port}",
                                    request_timeout_ms=3000)
        try:
            await admin.start()
            await admin.list_topics()
            return True
        except Exception:
            return False
        finally:
            await admin.close()

    deadline = time.monotonic() + timeout_s
    dots = 0
    while time.monotonic() < deadline:
        if processes.running_pid(NAME) is None and not port_open("127.0.0.1", port):
            tail = processes.log_file(NAME).read_text(errors="replace")[-3000:]
            raise RuntimeError(f"Kafka exited during start-up:\n{tail}")
        if port_open("127.0.0.1", port) and asyncio.run(probe()):
            say("ready")
            return
        dots += 1
        if dots % 10 == 0:
            say("still waiting for the broker...")
        time.sleep(0.5)
    raise TimeoutError(f"Kafka did not become ready within {timeout_s:.0f}s")


def stop() -> None:
    if processes.stop(NAME, timeout_s=30):
        say("stopped")
