"""What the stack sent through the sandbox WhatsApp API, read the way a person reads their
phone: by recipient, by kind (from the notification id the notifier puts in
`biz_opaque_callback_data`), by case, with the text and the reply ids a person can tap."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from services.sandbox.client import SandboxClient

REFERENCE = re.compile(r"\bBJN-[0-9A-Z]{6}\b")
_SKIP_KEYS = {"biz_opaque_callback_data", "messaging_product", "recipient_type", "to",
              "recipient", "type", "language", "sub_type", "index", "parameter_name"}


def _strings(value: Any, key: str = "") -> Iterator[str]:
    if isinstance(value, str):
        if key not in _SKIP_KEYS:
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)


@dataclass(frozen=True)
class Sent:
    """One `/messages` call the sandbox recorded."""

    seq: int
    time: float
    to: str
    type: str
    accepted: bool
    body: dict[str, Any]

    @classmethod
    def of(cls, record: dict[str, Any]) -> Sent:
        return cls(
            seq=int(record.get("seq") or 0),
            time=float(record.get("time") or 0),
            to=str(record.get("to") or ""),
            type=str(record.get("type") or ""),
            accepted=bool(record.get("accepted")),
            body=record.get("body") or {},
        )

    @property
    def notification_id(self) -> str:
        return str(self.body.get("biz_opaque_callback_data") or "")

    def _parts(self) -> list[str]:
        return self.notification_id.split(":")

    @property
    def case_id(self) -> str | None:
        """`<case_id>:<version>:<kind>:<recipient>` names its case; other ids do not."""
        parts = self._parts()
        return parts[0] if len(parts) >= 4 and parts[1].isdigit() else None

    @property
    def kind(self) -> str:
        parts = self._parts()
        if len(parts) >= 4 and parts[1].isdigit():
            return parts[2]
        return parts[0]  # otp:..., help:<wamid>:..., status_answer:...

    @property
    def text(self) -> str:
        return "\n".join(_strings(self.body))

    @property
    def reference(self) -> str | None:
        match = REFERENCE.search(self.text)
        return match.group(0) if match else None

    @property
    def reply_ids(self) -> list[str]:
        """Every id a person can tap: reply buttons, list rows, template quick replies."""
        ids: list[str] = []
        interactive = self.body.get("interactive") or {}
        action = interactive.get("action") or {}
        ids += [b["reply"]["id"] for b in action.get("buttons") or [] if "reply" in b]
        for section in action.get("sections") or []:
            ids += [row["id"] for row in section.get("rows") or []]
        for component in (self.body.get("template") or {}).get("components") or []:
            if component.get("type") == "button":
                ids += [p["payload"] for p in component.get("parameters") or []
                        if p.get("type") == "payload"]
        return ids

    def describe(self) -> str:
        flat = " ".join(self.text.split())
        return (f"#{self.seq} {self.kind} case={self.case_id} accepted={self.accepted} "
                f"ids={self.reply_ids} {flat[:160]!r}")


Match = Callable[[Sent], bool]


class Outbox:
    """Polls the sandbox's record of sends."""

    def __init__(self, sandbox: SandboxClient) -> None:
        self.sandbox = sandbox

    async def to(self, phone: str, *, accepted: bool | None = True) -> list[Sent]:
        return [Sent.of(r) for r in await self.sandbox.list_messages(to=phone,
                                                                      accepted=accepted)]

    async def all(self, *, accepted: bool | None = True) -> list[Sent]:
        return [Sent.of(r) for r in await self.sandbox.list_messages(accepted=accepted)]

    async def wait_for(self, phone: str, match: Match, what: str,
                       within: float = 30.0) -> Sent:
        """The first message to `phone` that `match`es; fails listing what did arrive."""
        deadline = time.monotonic() + within
        while True:
            got = await self.to(phone)
            for sent in got:
                if match(sent):
                    return sent
            if time.monotonic() > deadline:
                seen = "\n  ".join(s.describe() for s in got) or "(nothing)"
                raise AssertionError(
                    f"{what}: no such message to {phone} within {within:.0f}s. "
                    f"It received:\n  {seen}"
                )
            await asyncio.sleep(0.2)

    async def wait_kind(self, phone: str, kind: str, case_id: str | None = None,
                        within: float = 30.0) -> Sent:
        return await self.wait_for(
            phone,
            lambda s: s.kind == kind and (case_id is None or s.case_id == case_id),
            f"{kind} for case {case_id}",
            within,
        )

    async def about(self, phone: str, case_id: str) -> list[Sent]:
        return [s for s in await self.to(phone) if s.case_id == case_id]
