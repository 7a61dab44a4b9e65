"""What the catalogue's messages say, in Bahasa Indonesia."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.notifications import NotificationKind, OfficerUpdate
from services.notifier.catalogue import render
from tests.notifier.catalogue_requests import CASE_ID, request


def test_receipt_tells_the_reference_and_what_happens_next() -> None:
    text = render(request(NotificationKind.RECEIPT), use_template=False)["text"]["body"]
    assert "BJN-7K3Q9" in text
    assert "Pencurian" in text and "Desa Kadipaten, Kec. Bojonegoro" in text
    assert "Bhabinkamtibmas" in text
    assert "status" in text and "110" in text


def test_officer_is_told_how_to_resolve_by_text() -> None:
    text = render(request(NotificationKind.OFFICER_NEW_CASE), use_template=False)[
        "interactive"
    ]["body"]["text"]
    assert "selesai BJN-7K3Q9" in text


def test_reporter_is_masked_when_the_router_leaves_him_out() -> None:
    text = render(request(NotificationKind.OFFICER_ESCALATED_CASE), use_template=False)[
        "interactive"
    ]["body"]["text"]
    assert "Pelapor: dirahasiakan" in text
    assert "dinaikkan kepada Anda dari Bhabinkamtibmas" in text
    template = render(request(NotificationKind.OFFICER_ESCALATED_CASE), use_template=True)
    params = {p["parameter_name"]: p["text"] for p in template["template"]["components"][0][
        "parameters"]}
    assert params["pelapor"] == "dirahasiakan"


def test_resolution_carries_the_officers_note() -> None:
    text = render(request(NotificationKind.RESOLVED), use_template=False)["text"]["body"]
    assert "Pelaku sudah diamankan." in text and "Aiptu Sugeng" in text
    template = render(request(NotificationKind.RESOLVED), use_template=True)["template"]
    assert template["name"] == "matur_update"
    params = {p["parameter_name"]: p["text"] for p in template["components"][0]["parameters"]}
    assert params["nomor"] == "BJN-7K3Q9"
    assert "Pelaku sudah diamankan." in params["pesan"]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("acknowledge", "sudah Anda terima"),
        ("resolve", "sudah Anda nyatakan selesai"),
        ("escalate", "dinaikkan ke atasan"),
        ("unknown_command", "perintah tidak dikenali"),
        ("not_found", "tidak ditemukan"),
        ("not_allowed", "tidak dapat Anda tindak lanjuti"),
        ("deadline_reached", "dicatat"),
    ],
)
def test_officer_action_answers(action: str, expected: str) -> None:
    req = request(NotificationKind.OFFICER_ACTION_DONE)
    req = req.model_copy(update={"params": {"reference": "BJN-7K3Q9", "action": action}})
    text = render(req, use_template=False)["text"]["body"]
    assert expected in text and action not in text


def test_empty_status_answer_is_polite() -> None:
    req = request(NotificationKind.STATUS_ANSWER, params={"cases": []})
    assert "tidak ada laporan aktif" in render(req, use_template=False)["text"]["body"]


def officer_update(params: dict[str, Any]) -> str:
    req = request(
        NotificationKind.OFFICER_CASE_UPDATE,
        params={"reference": "BJN-7K3Q9", "case_id": CASE_ID, **params},
    )
    text = str(render(req, use_template=False)["text"]["body"])
    template = render(req, use_template=True)["template"]
    pesan = {p["parameter_name"]: p["text"] for p in template["components"][0]["parameters"]}
    assert pesan["pesan"] and "\n" not in pesan["pesan"]
    return text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"text": "Pelapor mengirim foto baru."},
         "Laporan *BJN-7K3Q9*: Pelapor mengirim foto baru."),
        ({"update": "citizen_message", "text": "pelakunya dua orang"},
         "Laporan *BJN-7K3Q9*: pelakunya dua orang"),
        ({"update": "citizen_message", "latitude": -7.15, "longitude": 111.88},
         "Laporan *BJN-7K3Q9*: Lokasi: -7.15, 111.88"),
        ({"update": "citizen_message", "attachment": "image"},
         "Laporan *BJN-7K3Q9*: Lampiran: foto"),
        ({"update": "citizen_message", "message_type": "contacts"},
         "Laporan *BJN-7K3Q9*: Pesan (contacts)"),
        ({"update": "closed", "status": "cancelled"}, "Laporan *BJN-7K3Q9* ditutup (dibatalkan)."),
        ({"update": "closed", "status": "resolved"}, "Laporan *BJN-7K3Q9* ditutup (selesai)."),
        ({"update": "reminder", "reminder": 2},
         "Pengingat ke-2: laporan *BJN-7K3Q9* belum ditangani."),
        ({}, "Laporan *BJN-7K3Q9*: ada perkembangan baru."),
    ],
)
def test_officer_updates_are_written_from_data(params: dict[str, Any], expected: str) -> None:
    assert officer_update(params) == expected


def test_officer_update_kinds_are_the_contracts() -> None:
    assert {u.value for u in OfficerUpdate} == {
        "citizen_message", "closed", "reminder", "escalated", "reassigned"
    }
