"""The Kapolres's daily summary (`daily_summary`) in Bahasa Indonesia: the free-form text
and the values of its template's parameters, from the request's data (`date`, `reports`,
`emergencies`, `open`, `overdue`, `districts`: see `contracts.notifications`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from contracts.notifications import NotificationRequest
from services.notifier.catalogue.params import param
from services.notifier.catalogue.phrases import district_line
from services.notifier.catalogue.words import DAY_NAMES, OFFICER_FOOTER

NO_DISTRICT = "tidak ada laporan terbuka"


def day_text(req: NotificationRequest) -> str:
    """`Senin, 01/12/2026` (the `date` parameter; other text as given)."""
    value = param(req, "date", "-")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{DAY_NAMES[day.weekday()]}, {day:%d/%m/%Y}"


def _count(req: NotificationRequest, key: str) -> str:
    return param(req, key, "0")


def _districts(req: NotificationRequest) -> list[dict[str, Any]]:
    found = req.params.get("districts") or []
    return [d for d in found if isinstance(d, dict) and d.get("name")]


def _district_counts(district: dict[str, Any]) -> str:
    return f"{district.get('overdue', 0)} terlambat, {district.get('open', 0)} terbuka"


def districts_line(req: NotificationRequest) -> str:
    """`Kec. Dander (3 terlambat, 10 terbuka); Kec. Malo (...)`, for the template."""
    parts = [f"{district_line(str(d['name']))} ({_district_counts(d)})" for d in _districts(req)]
    return "; ".join(parts) or NO_DISTRICT


def daily_summary(req: NotificationRequest) -> str:
    lines = [
        f"*Ringkasan harian Matur* - {day_text(req)}",
        f"Laporan masuk: {_count(req, 'reports')} (darurat: {_count(req, 'emergencies')})",
        f"Masih terbuka saat ini: {_count(req, 'open')}, "
        f"lewat batas waktu: {_count(req, 'overdue')}",
    ]
    districts = _districts(req)
    if districts:
        lines.append("Kecamatan dengan laporan terlambat dan terbuka terbanyak:")
        lines += [f"{n}. {district_line(str(d['name']))}: {_district_counts(d)}"
                  for n, d in enumerate(districts, 1)]
    else:
        lines.append(f"Kecamatan: {NO_DISTRICT}.")
    lines.append(f"Rincian ada di konsol Matur. {OFFICER_FOOTER}")
    return "\n".join(lines)


def summary_fields(req: NotificationRequest) -> list[tuple[str, str]]:
    """(parameter name, value) of the `matur_ringkasan_harian` template, in body order."""
    return [
        ("tanggal", day_text(req)),
        ("laporan", _count(req, "reports")),
        ("darurat", _count(req, "emergencies")),
        ("terbuka", _count(req, "open")),
        ("terlambat", _count(req, "overdue")),
        ("kecamatan", districts_line(req)),
    ]
