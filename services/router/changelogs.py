"""Create the Faust tables' changelog topics before the worker starts.

Faust creates them itself at start, but subscribes right after: when the new topics are
not yet in the cluster metadata, it ignores them ("Ignoring missing topic"), assigns no
changelog partitions and every table write fails with PartitionsMismatch until the next
rebalance. Created beforehand (compacted, never time-retention: faust#597), and visible
in the metadata, they are simply found.
"""

from __future__ import annotations

import asyncio

from contracts.base import Message
from contracts.topics import CASES_REFERENCES, WHATSAPP_INBOUND, Topic
from servicekit.topic_admin import ensure_topics
from services.router.settings import RouterSettings

TABLES = {"reporters": WHATSAPP_INBOUND.partitions, "references": CASES_REFERENCES.partitions}


def changelog_topics(settings: RouterSettings) -> tuple[Topic, ...]:
    return tuple(
        Topic(
            f"{settings.faust_app_id}-{table}-changelog",
            Message,
            "table key",
            partitions,
            -1,
            cleanup_policy="compact",
            description=f"Changelog of the router's {table} table",
        )
        for table, partitions in TABLES.items()
    )


async def ensure_changelogs(settings: RouterSettings, within: float = 60.0) -> None:
    topics = changelog_topics(settings)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while True:
        created = await ensure_topics(
            settings.kafka_bootstrap_servers,
            replication_factor=settings.replication_factor,
            min_insync_replicas=settings.min_insync_replicas,
            topics=topics,
        )
        if not created:  # every changelog is listed in the metadata
            return
        if loop.time() > deadline:
            raise TimeoutError("changelog topics not visible in the cluster metadata")
        await asyncio.sleep(0.2)
