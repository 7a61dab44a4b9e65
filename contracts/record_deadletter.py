"""A Kafka record a consumer could not handle: `router.deadletter` (the router) and
`api.deadletter` (the API's projection).

The consumer writes it (and waits until Kafka has it) before it counts the record as
handled, then goes on with the next record: nothing it reads is dropped unseen and no
record stops it. The record is kept whole, so it can be replayed onto its topic after a fix.
"""

from __future__ import annotations

import base64

from pydantic import Field

from contracts.base import Message


def dead_letter_position(source_topic: str, partition: int, offset: int) -> str:
    """Key and message_id of the dead letter of the record at this position."""
    return f"dl:{source_topic}:{partition}:{offset}"


class RecordDeadLetter(Message):
    """Key and message_id: `dl:<source topic>:<partition>:<offset>` (the same on a
    replay of the record, so consumers drop the duplicate)."""

    source_topic: str = Field(
        description="Topic the record was read from, as named in Kafka (with any prefix)"
    )
    source_partition: int
    source_offset: int
    key_base64: str | None = Field(
        default=None, description="The record's raw key bytes, base64; None without a key"
    )
    value_base64: str | None = Field(
        default=None, description="The record's raw value bytes, base64; None without a value"
    )
    error_type: str = Field(description="Class name of the exception, e.g. ValidationError")
    reason: str = Field(
        description="The exception's type and message, digit runs that could be phone "
        "numbers masked; never the record's content"
    )

    def raw_key(self) -> bytes | None:
        return None if self.key_base64 is None else base64.b64decode(self.key_base64)

    def raw_value(self) -> bytes | None:
        return None if self.value_base64 is None else base64.b64decode(self.value_base64)
