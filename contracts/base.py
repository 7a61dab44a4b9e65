"""Base classes for every message on a topic."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field


def utcnow() -> datetime:
    return datetime.now(UTC)


class ContractModel(BaseModel):
    """A value inside a message: frozen, unknown fields ignored (forward compatible)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)


class Message(ContractModel):
    """A whole message on a topic.

    `message_id` is deterministic wherever the producer can make it so (a wamid, a case id
    and version, a notification id): consumers use it as the idempotency key.
    """

    schema_version: int = 1
    message_id: str = Field(description="Idempotency key of this message")
    occurred_at: datetime = Field(default_factory=utcnow)

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes | str) -> Message:
        return cls.model_validate_json(data)
