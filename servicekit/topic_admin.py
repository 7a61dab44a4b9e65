"""Create Matur's topics idempotently from `contracts.topics`."""

from __future__ import annotations

import asyncio
import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from contracts.topics import ALL_TOPICS, Topic

log = logging.getLogger(__name__)


async def ensure_topics(
    bootstrap_servers: str,
    prefix: str = "",
    replication_factor: int = 1,
    min_insync_replicas: int = 1,
    topics: tuple[Topic, ...] = ALL_TOPICS,
    timeout_s: float = 60.0,
) -> list[str]:
    """Create whichever declared topics do not exist yet; return the names created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, client_id="matur-admin")
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        try:
            await admin.start()
            break
        except Exception:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.5)
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(
                name=t.full_name(prefix),
                num_partitions=t.partitions,
                replication_factor=replication_factor,
                topic_configs=t.configs(min_insync_replicas),
            )
            for t in topics
            if t.full_name(prefix) not in existing
        ]
        if wanted:
            resp = await admin.create_topics(wanted)
            for name, code, *_ in getattr(resp, "topic_errors", []):
                if code not in (0, 36):  # 36: TOPIC_ALREADY_EXISTS, raced with another starter
                    raise RuntimeError(f"could not create topic {name}: error code {code}")
            log.info("topics created", extra={"topics": [t.name for t in wanted]})
        return [t.name for t in wanted]
    finally:
        await admin.close()
