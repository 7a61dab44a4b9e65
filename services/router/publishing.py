"""Where the router's outputs go, and how they are sent: every output becomes an
`OutboxItem` (topic with MATUR_TOPIC_PREFIX, key, value), and a group of them is sent
and awaited until Kafka has them all (acks=all)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import Any, Protocol

from contracts.base import Message
from contracts.topics import (
    CASES_COMMANDS,
    CASES_EVENTS,
    CASES_REFERENCES,
    NOTIFICATIONS_REQUESTS,
    ROUTER_DEADLETTER,
    TIER_TOPICS,
)
from services.router.cases.outputs import Outputs
from services.router.cases.state import OutboxItem


class Producer(Protocol):
    """Sends one record; the awaitable it returns completes when Kafka has it."""

    async def send(
        self, topic: str, key: bytes, value: bytes, partition: int | None = None
    ) -> Awaitable[Any]: ...


async def send_all(producer: Producer, items: Iterable[OutboxItem]) -> None:
    """Send every item, then wait until Kafka has them all; raises if any failed."""
    futures = [
        await producer.send(item.topic, item.key.encode(), item.value.encode())
        for item in items
    ]
    if futures:
        await asyncio.gather(*futures)


class OutputTopics:
    """The topic and key of each kind of output."""

    def __init__(self, prefix: str) -> None:
        self.events = CASES_EVENTS.full_name(prefix)
        self.notifications = NOTIFICATIONS_REQUESTS.full_name(prefix)
        self.commands = CASES_COMMANDS.full_name(prefix)
        self.references = CASES_REFERENCES.full_name(prefix)
        self.dead_letters = ROUTER_DEADLETTER.full_name(prefix)
        self.tiers = {tier: topic.full_name(prefix) for tier, topic in TIER_TOPICS.items()}

    def items(self, out: Outputs) -> list[OutboxItem]:
        return [
            OutboxItem(topic=topic, key=key, value=message.to_bytes().decode())
            for topic, key, message in self._addressed(out)
        ]

    def _addressed(self, out: Outputs) -> Iterable[tuple[str, str, Message]]:
        for event in out.events:
            yield self.events, event.case.case_id, event
        for notice in out.notices:
            yield self.tiers[notice.tier], notice.case_id, notice
        for note in out.notifications:
            yield self.notifications, note.recipient.key, note
        for command in out.commands:
            yield self.commands, command.citizen_key, command
        for ref in out.references:
            yield self.references, ref.reference, ref
