"""What the catalogue tells a citizen about a complaint about police, and who his Bhabin
is ("kenalan")."""

from __future__ import annotations

from contracts.notifications import NotificationKind
from services.notifier.catalogue import render
from tests.notifier.catalogue_requests import PARAMS, request


def text_of(kind: NotificationKind, **params: object) -> str:
    req = request(kind, params={**PARAMS[kind], **params}) if params else request(kind)
    return str(render(req, use_template=False)["text"]["body"])


def test_a_complaint_about_police_is_confirmed_as_going_to_the_kapolres_in_confidence() -> None:
    text = text_of(NotificationKind.RECEIPT, category="officer_conduct", handler_tier="kapolres")
    assert "pengaduan Anda sudah kami terima" in text
    assert "langsung kepada Kapolres Bojonegoro" in text and "rahasia" in text
    assert "Petugas yang Anda adukan tidak menerima pengaduan ini" in text
    assert "BJN-7K3Q9" in text and "status" in text


def test_other_receipts_do_not_speak_of_confidence() -> None:
    text = text_of(NotificationKind.RECEIPT)
    assert "rahasia" not in text and "Bhabinkamtibmas" in text


def test_kenalan_names_the_bhabin_and_the_line_to_write_to() -> None:
    text = text_of(NotificationKind.BHABIN_CONTACT)
    assert "Bhabinkamtibmas Desa Luwihaji, Kec. Ngraho" in text
    assert "*Bripka Cahyo Firmansyah*" in text
    assert "Nomor WhatsApp Bhabinkamtibmas: +6285335220101 (wa.me/6285335220101)" in text
    assert "110" in text


def test_kenalan_for_a_village_without_bhabin_names_who_serves_it() -> None:
    text = text_of(
        NotificationKind.BHABIN_CONTACT, tier="kapolsek", officer_rank="AKP",
        officer_name="Bambang Saputro", line="6285335220100", line_tier="kapolsek",
    )
    assert "belum memiliki Bhabinkamtibmas" in text and "Kapolsek" in text
    assert "*AKP Bambang Saputro*" in text and "Nomor WhatsApp Polsek: +6285335220100" in text


def test_kenalan_without_officer_or_line_still_answers() -> None:
    req = request(NotificationKind.BHABIN_CONTACT, params={"village": "Ngasem"})
    text = str(render(req, use_template=False)["text"]["body"])
    assert "Petugas untuk Desa Ngasem belum terdaftar" in text
    assert "melalui nomor ini" in text


def test_which_village_lists_the_candidates_and_shows_how_to_ask() -> None:
    text = text_of(NotificationKind.ASK_BHABIN_VILLAGE)
    assert "Sukorejo (Kec. Tambakrejo), Sukorejo (Kec. Malo)" in text
    assert "*siapa bhabin desa Sukorejo Kec. Tambakrejo*" in text
    bare = text_of(NotificationKind.ASK_BHABIN_VILLAGE, options=[])
    assert "Bhabinkamtibmas desa mana" in bare and "beberapa desa" not in bare


def test_help_tells_how_to_get_to_know_the_bhabin() -> None:
    assert "siapa bhabin desa" in text_of(NotificationKind.HELP)
