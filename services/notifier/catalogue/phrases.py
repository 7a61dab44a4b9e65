"""Pieces of Bahasa Indonesia that several messages share: times, places, list headers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from contracts.notifications import NotificationRequest
from services.notifier.catalogue.params import param, reference
from services.notifier.catalogue.words import RATING_LABELS

WIB = timezone(timedelta(hours=7), "WIB")
Text = Callable[[NotificationRequest], str]
"""What renders the text of one kind."""


def format_time(value: str) -> str:
    """An ISO timestamp as `30/11/2026 14.05 WIB`; other text is shown as given."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # noqa: UP017
    return moment.astimezone(WIB).strftime("%d/%m/%Y %H.%M WIB")


def place(req: NotificationRequest) -> str:
    """`Desa Kadipaten, Kec. Bojonegoro` from the `village` and `district` parameters."""
    village, district = param(req, "village"), param(req, "district")
    if village and district:
        return f"Desa {village}, {district_line(district)}"
    if village:
        return f"Desa {village}"
    if district:
        return district_line(district)
    return ""


def district_line(district: str) -> str:
    """A district name as people write it (`Kec. Bojonegoro`)."""
    return f"Kec. {district}"


def village_list_header(req: NotificationRequest) -> str:
    return f"Laporan {reference(req)}"


def rating_row_title(rating: int) -> str:
    """`5 - Sangat baik`."""
    return f"{rating} - {RATING_LABELS[rating - 1]}"


VILLAGE_QUESTION = "Di desa mana kejadiannya?"
TYPE_VILLAGE = "Mohon balas dengan nama desa dan kecamatannya."
PICK_VILLAGE = "Silakan pilih dari daftar, atau balas dengan nama desanya."
