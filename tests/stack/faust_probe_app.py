"""A minimal Faust app (one agent, one table) used to prove Faust runs on our broker.

It counts messages per key in a table and publishes each new count to an output topic.
Run as `python -m tests.stack.faust_probe_app worker` with PROBE_* environment variables.
"""

from __future__ import annotations

import os

import faust

PREFIX = os.environ["PROBE_PREFIX"]
app = faust.App(
    f"{PREFIX}probe",
    broker=f"kafka://{os.environ['KAFKA_BOOTSTRAP_SERVERS']}",
    store="memory://",
    topic_partitions=2,
    topic_replication_factor=1,
    processing_guarantee="at_least_once",
    web_enabled=False,
    datadir=os.environ["PROBE_DATADIR"],
    broker_session_timeout=10,
    consumer_auto_offset_reset="earliest",
)
source = app.topic(f"{PREFIX}probe.in", key_serializer="raw", value_serializer="raw",
                   partitions=2)
sink = app.topic(f"{PREFIX}probe.out", key_serializer="raw", value_serializer="raw",
                 partitions=2)
counts = app.Table("counts", default=int, partitions=2)


@app.agent(source, concurrency=1)
async def count(stream):  # type: ignore[no-untyped-def]
    async for event in stream.events():
        key = event.key.decode()
        counts[key] += 1
        await sink.send(key=event.key, value=f"{key}={counts[key]}".encode())


if __name__ == "__main__":
    app.main()
