"""aiokafka producers and consumers with the settings Matur relies on.

aiokafka's producer defaults (acks=1, no idempotence) are weaker than the Java client's:
every Matur producer waits for all in-sync replicas and is idempotent.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


def durable_producer(
    bootstrap_servers: str, client_id: str, request_timeout_ms: int = 10_000
) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=2,
        request_timeout_ms=request_timeout_ms,
        metadata_max_age_ms=30_000,
    )


def unmanaged_consumer(bootstrap_servers: str, client_id: str = "matur") -> AIOKafkaConsumer:
    """A consumer without a group: the caller assigns partitions and seeks itself (it
    reads a whole log, e.g. the directory or a projection rebuild), nothing is committed."""
    return AIOKafkaConsumer(
        bootstrap_servers=bootstrap_servers,
        client_id=client_id,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )


def committed_consumer(
    bootstrap_servers: str, group_id: str, *topics: str, client_id: str | None = None
) -> AIOKafkaConsumer:
    """A consumer that commits only what the caller says it has handled."""
    return AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap_servers,
        group_id=group_id,
        client_id=client_id or group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
