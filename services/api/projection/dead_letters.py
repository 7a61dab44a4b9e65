"""Records the projection cannot apply go to `api.deadletter`; the projection goes on.

A record is poison when reading or applying it fails because of what it holds: it does not
parse (`ValidationError`), PostgreSQL refuses a value (a NUL in text or jsonb, a number out
of range, a constraint: `DataError`, `IntegrityConstraintViolationError`,
`ProgramLimitExceededError`) or Python cannot encode it (`ValueError`, e.g. a lone
surrogate). Retrying such a record fails forever, so it is dead-lettered whole (key and
value bytes, its position, the reason) and counted. Anything else (the database or Kafka
unreachable) is no poison: the batch fails and is retried.
"""

from __future__ import annotations

import base64
import logging
import re

import asyncpg
from aiokafka import AIOKafkaProducer
from aiokafka.structs import ConsumerRecord
from prometheus_client import Counter
from pydantic import ValidationError

from contracts.base import validation_problems
from contracts.record_deadletter import RecordDeadLetter, dead_letter_position

log = logging.getLogger(__name__)

POISON: tuple[type[Exception], ...] = (
    ValueError,  # pydantic's ValidationError, UnicodeEncodeError of a lone surrogate
    asyncpg.DataError,
    asyncpg.IntegrityConstraintViolationError,
    asyncpg.ProgramLimitExceededError,
)

DEAD_LETTERS = Counter(
    "matur_api_projection_dead_letters_total",
    "Records the projection could not apply, put on api.deadletter, by source topic",
    ["topic"],
)

_DIGIT_RUN = re.compile(r"\d{6,}")  # could be a phone number: never in a reason


def reason_of(exc: Exception) -> str:
    """Type and message of the failure, never the record's content: pydantic's errors
    without their input, long digit runs masked."""
    if isinstance(exc, ValidationError):
        text = "; ".join(validation_problems(exc))
    else:
        text = str(exc)
    return _DIGIT_RUN.sub("<digits>", f"{type(exc).__name__}: {text}")[:1000]


def _base64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode()


def dead_letter_of(record: ConsumerRecord[bytes, bytes], exc: Exception) -> RecordDeadLetter:
    log.warning(
        "projection record not applicable: dead-lettered",
        extra={
            "topic": record.topic,
            "partition": record.partition,
            "offset": record.offset,
            "error": type(exc).__name__,
        },
    )
    return RecordDeadLetter(
        message_id=dead_letter_position(record.topic, record.partition, record.offset),
        source_topic=record.topic,
        source_partition=record.partition,
        source_offset=record.offset,
        key_base64=_base64(record.key),
        value_base64=_base64(record.value),
        error_type=type(exc).__name__,
        reason=reason_of(exc),
    )


class DeadLetterSink:
    """Writes dead letters to `api.deadletter` and waits until Kafka has each (before the
    batch commits and its offsets are committed)."""

    def __init__(self, producer: AIOKafkaProducer, topic: str) -> None:
        self.producer = producer
        self.topic = topic

    async def send(self, letters: list[RecordDeadLetter]) -> None:
        for letter in letters:
            await self.producer.send_and_wait(
                self.topic, letter.to_bytes(), key=letter.message_id.encode()
            )
            DEAD_LETTERS.labels(letter.source_topic).inc()
