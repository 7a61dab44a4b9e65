"""Times as the console shows them: Western Indonesian Time (WIB, UTC+7, no daylight
saving, so a fixed offset needs no time-zone database)."""

from __future__ import annotations

from datetime import datetime

from services.api.cases.export_rows import WIB


def in_wib(moment: datetime | None) -> datetime | None:
    return moment.astimezone(WIB) if moment is not None else None


def wib_text(moment: datetime | None) -> str:
    """`02-12-2026 15:04 WIB`; `-` when there is no time."""
    local = in_wib(moment)
    return local.strftime("%d-%m-%Y %H:%M WIB") if local else "-"


def duration_text(seconds: float | None) -> str:
    """`2 hr 3 j`, `3 j 4 mnt`, `12 mnt`, `45 dtk` (hari, jam, menit, detik); `-` when unknown."""
    if seconds is None:
        return "-"
    whole = round(seconds)
    days, rest = divmod(whole, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days} hr {hours} j"
    if hours:
        return f"{hours} j {minutes} mnt"
    if minutes:
        return f"{minutes} mnt"
    return f"{secs} dtk"


def countdown_text(due: datetime | None, now: datetime) -> str:
    """`Sisa 01:23:45` before the deadline, `Lewat 00:05:12` after it. The board's script
    writes the same every second (static/board.js, `countdown`)."""
    if due is None:
        return "Tanpa batas waktu"
    left = int((due - now).total_seconds())
    word = "Sisa" if left >= 0 else "Lewat"
    hours, rest = divmod(abs(left), 3_600)
    minutes, secs = divmod(rest, 60)
    return f"{word} {hours:02d}:{minutes:02d}:{secs:02d}"
