"""Who receives the daily summary and the request that carries it (pure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from contracts.areas import within
from contracts.hierarchy import Tier
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from contracts.roster import Officer
from services.api.daily_summary.summary import DailySummary


def kapolres_of(officers: Iterable[Officer], regency: str) -> list[Officer]:
    """The active officers of tier Kapolres who serve the regency (directory order)."""
    return [
        o for o in officers
        if o.tier == Tier.KAPOLRES and o.active and within(regency, o.area_codes)
    ]  # fmt: skip


def notification_id(regency: str, day: date, officer_id: str) -> str:
    """The same for every process and every attempt: the notifier sends it once."""
    return f"{NotificationKind.DAILY_SUMMARY.value}:{regency}:{day.isoformat()}:{officer_id}"


def summary_request(
    summary: DailySummary, officer: Officer, regency: str, line_id: str
) -> NotificationRequest:
    return NotificationRequest(
        message_id=notification_id(regency, summary.day, officer.officer_id),
        kind=NotificationKind.DAILY_SUMMARY,
        recipient=Recipient(
            kind=RecipientKind.OFFICER,
            key=officer.officer_id,
            wa_id=officer.wa_id,
            officer_id=officer.officer_id,
        ),
        line_phone_number_id=line_id,
        params=summary.params(),
    )
