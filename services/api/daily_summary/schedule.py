"""When a daily summary is due (pure): local time is WIB (UTC+7, no daylight saving, so a
fixed offset needs no time-zone database)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from services.api.cases.export_rows import WIB


def due_day(now: datetime, hour: int) -> date | None:
    """The day whose summary is due at `now`: yesterday (local), once today's `hour` has
    come; None before it."""
    local = now.astimezone(WIB)
    if local.hour < hour:
        return None
    return local.date() - timedelta(days=1)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a local day, as aware datetimes."""
    start = datetime.combine(day, time(0), tzinfo=WIB)
    return start, start + timedelta(days=1)
