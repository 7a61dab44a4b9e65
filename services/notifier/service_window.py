"""WhatsApp's 24-hour customer service window: free-form messages only while it is open.

A user's message to a line opens (or renews) the window between that user and that line
for 24 hours; outside it only approved templates may be sent [M-send]. We keep the last
inbound time per (line, identity), where the identity is the user's phone number or
business-scoped user id, each hashed as `citizen_key` does.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import asyncpg

from contracts.base import utcnow
from contracts.lines import citizen_key
from contracts.notifications import NotificationRequest, Recipient, RecipientKind
from services.notifier.addressing import to_e164

WINDOW = timedelta(hours=24)


def identities(user_id: str | None, wa_id: str | None) -> list[str]:
    """Every key a user may be known by: the phone number's and the BSUID's."""
    keys = []
    if wa_id:
        try:
            keys.append(citizen_key(None, to_e164(wa_id).lstrip("+")))
        except ValueError:
            pass  # not a phone number: rendering will refuse it
    if user_id:
        keys.append(citizen_key(user_id, None))
    return keys


def recipient_identities(recipient: Recipient) -> list[str]:
    return identities(recipient.user_id, recipient.wa_id)


def is_open(last_inbound: datetime | None, now: datetime, margin: timedelta) -> bool:
    """Open when the last inbound message is less than 24 h old, keeping `margin` spare so
    that a message does not reach Meta just after the window closed."""
    return last_inbound is not None and now - last_inbound < WINDOW - margin


class WindowStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def record_inbound(
        self, items: list[tuple[str, str, datetime]]
    ) -> None:
        """(line phone_number_id, identity, sent_at) of inbound messages; keeps the latest."""
        if not items:
            return
        async with self._pool.acquire() as conn:
            await conn.executemany(
                """INSERT INTO notifier_windows (line_phone_number_id, identity, last_inbound_at)
                   VALUES ($1, $2, $3)
                   ON CONFLICT (line_phone_number_id, identity) DO UPDATE
                   SET last_inbound_at = greatest(notifier_windows.last_inbound_at,
                                                  EXCLUDED.last_inbound_at)""",
                items,
            )

    async def last_inbound(self, line: str, keys: list[str]) -> datetime | None:
        if not keys:
            return None
        async with self._pool.acquire() as conn:
            value: datetime | None = await conn.fetchval(
                """SELECT max(last_inbound_at) FROM notifier_windows
                   WHERE line_phone_number_id = $1 AND identity = ANY($2::text[])""",
                line,
                keys,
            )
            return value


async def wait_for_window(
    windows: WindowStore, req: NotificationRequest, line: str, margin: timedelta,
    catch_up_s: float,
) -> bool:
    """Whether the recipient's window with `line` is open. The citizen's message and the
    router's answer to it reach the notifier on two topics read by two loops: a fresh
    request may be ahead of the record of the message it answers, so a citizen's window
    that looks closed is looked at again for up to `catch_up_s` (from the request's time)
    before the caller sends a paid template instead."""
    keys = recipient_identities(req.recipient)
    last = await windows.last_inbound(line, keys)
    if is_open(last, utcnow(), margin):
        return True
    if req.recipient.kind == RecipientKind.CITIZEN:
        loop = asyncio.get_running_loop()
        wait_until = loop.time() + catch_up_s - (utcnow() - req.occurred_at).total_seconds()
        while loop.time() < wait_until and not is_open(last, utcnow(), margin):
            await asyncio.sleep(0.1)
            last = await windows.last_inbound(line, keys)
    return is_open(last, utcnow(), margin)
