"""The Kapolres's daily summary in the catalogue: what it says free-form and as the
`matur_ringkasan_harian` template (WhatsApp's limits: test_catalogue.py, every kind)."""

from __future__ import annotations

from typing import Any

from contracts.notifications import NotificationKind
from services.notifier.catalogue import TemplateNames, render
from tests.notifier.catalogue_requests import request


def summary(**params: Any) -> Any:
    base = {"date": "2026-12-01", "reports": 12, "emergencies": 1, "open": 30, "overdue": 4,
            "districts": [{"name": "Dander", "open": 10, "overdue": 3},
                          {"name": "Bojonegoro", "open": 6, "overdue": 1}]}
    return request(NotificationKind.DAILY_SUMMARY, case_id=None, reference=None,
                   params={**base, **params})


def test_the_free_form_summary_names_the_day_the_counts_and_the_worst_districts() -> None:
    text = render(summary(), use_template=False)["text"]["body"]
    assert text.splitlines() == [
        "*Ringkasan harian Matur* - Selasa, 01/12/2026",
        "Laporan masuk: 12 (darurat: 1)",
        "Masih terbuka saat ini: 30, lewat batas waktu: 4",
        "Kecamatan dengan laporan terlambat dan terbuka terbanyak:",
        "1. Kec. Dander: 3 terlambat, 10 terbuka",
        "2. Kec. Bojonegoro: 1 terlambat, 6 terbuka",
        "Rincian ada di konsol Matur. Matur - Polres Bojonegoro",
    ]


def test_the_template_carries_each_figure_as_a_named_parameter() -> None:
    body = render(summary(), use_template=True, names=TemplateNames())
    template = body["template"]
    assert template["name"] == "matur_ringkasan_harian"
    [component] = template["components"]
    values = {p["parameter_name"]: p["text"] for p in component["parameters"]}
    assert values == {
        "tanggal": "Selasa, 01/12/2026", "laporan": "12", "darurat": "1", "terbuka": "30",
        "terlambat": "4",
        "kecamatan": "Kec. Dander (3 terlambat, 10 terbuka); Kec. Bojonegoro (1 terlambat, "
                     "6 terbuka)",
    }
    assert body["biz_opaque_callback_data"] == summary().message_id


def test_a_quiet_day_says_zero_and_no_district_never_an_empty_parameter() -> None:
    req = summary(reports=0, emergencies=0, open=0, overdue=0, districts=[])
    text = render(req, use_template=False)["text"]["body"]
    assert "Laporan masuk: 0 (darurat: 0)" in text
    assert "Kecamatan: tidak ada laporan terbuka." in text
    body = render(req, use_template=True, names=TemplateNames(daily_summary="ringkas"))
    params = body["template"]["components"][0]["parameters"]
    assert body["template"]["name"] == "ringkas"
    assert all(p["text"].strip() for p in params)
    assert params[-1]["text"] == "tidak ada laporan terbuka"
