"""Failures the sandbox was told to inject into the next matching sends."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class FailureRule:
    code: int
    remaining: int
    phone_number_id: str | None = None
    to: str | None = None  # wa_id digits or BSUID
    is_async: bool = False  # accept with 200 + wamid, then a `failed` status webhook
    details: str | None = None

    def matches(self, phone_number_id: str, to: str | None) -> bool:
        return (
            self.remaining > 0
            and (self.phone_number_id is None or self.phone_number_id == phone_number_id)
            and (self.to is None or self.to == to)
        )

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["async"] = out.pop("is_async")
        return out


class FailurePlan:
    """Rules are consumed first-in first-out: a send takes one count from the oldest
    matching rule, and a rule disappears when its count reaches zero."""

    def __init__(self) -> None:
        self._rules: list[FailureRule] = []
        self._lock = threading.Lock()

    def add(self, rule: FailureRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def take(self, phone_number_id: str, to: str | None) -> FailureRule | None:
        """The rule this send must fail with (its count already taken), or None."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(phone_number_id, to):
                    rule.remaining -= 1
                    taken = FailureRule(**{**asdict(rule), "remaining": rule.remaining})
                    if rule.remaining == 0:
                        self._rules.remove(rule)
                    return taken
        return None

    def rules(self) -> list[FailureRule]:
        with self._lock:
            return [FailureRule(**asdict(r)) for r in self._rules]

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()
