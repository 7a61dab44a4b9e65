"""Base classes for every message on a topic."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError


def utcnow() -> datetime:
    return datetime.now(UTC)


class ContractModel(BaseModel):
    """A value inside a message: frozen, unknown fields ignored (forward compatible)."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes | str) -> Self:
        return cls.model_validate_json(data)


class Message(ContractModel):
    """A whole message on a topic.

    `message_id` is deterministic wherever the producer can make it so (a wamid, a case id
    and version, a notification id): consumers use it as the idempotency key.
    """

    schema_version: int = 1
    message_id: str = Field(description="Idempotency key of this message")
    occurred_at: datetime = Field(default_factory=utcnow)


def validation_problems(exc: ValidationError) -> list[str]:
    """`where: what` for each error, never the offending value (it may be a phone number)."""
    return [
        f"{'.'.join(str(part) for part in error['loc']) or 'value'}: {error['msg']}"
        for error in exc.errors(include_url=False, include_input=False, include_context=False)
    ]
