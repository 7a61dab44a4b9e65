"""Scenario 7 (issue 12): how citizens really answer, through the real ingest, router and notifier.

- A typed answer to the village list picks among the offered villages only: by number, by
  the district's name, by the village's name; an emergency's typed answer locates it;
  an answer naming a village outside the list is asked again.
- "Kenalan": who the Bhabin of a village is, answered with his rank, name and the Bhabin
  line (never his own number), and no case.
- "Matur nuwun pak" opens no case; a complaint about police is confirmed as going to the
  Kapolres in confidence.
"""

from __future__ import annotations

import asyncio

from services.sandbox.client import SandboxClient
from tests.e2e.people import citizen_phone, officer, officer_for_village
from tests.e2e.whatsapp import Outbox, Sent

SUKOREJO_MALO = "35.22.17.2015"
BHABIN_LINE = "103522010010000"  # Luwihaji, Sugihwaras, Nganti (kec. Ngraho), one Bhabin
SUGIHWARAS = "35.22.01.2002"
DRAJAT = "35.22.10.2001"  # kec. Baureno
DRAJAT_BHABIN_LINE_NUMBER = "6285335221001"


async def _asked(sandbox: SandboxClient, outbox: Outbox, phone: str, text: str,
                 line: str | None = None) -> Sent:
    extra = {"line": line} if line else {}
    sent = await sandbox.send_inbound_text(phone, text, **extra)
    assert sent["status_code"] == 200, sent
    question = await outbox.wait_kind(phone, "choose_village")
    assert question.case_id and len(question.reply_ids) == 3, question.describe()
    return question


async def _questions(outbox: Outbox, phone: str, case_id: str) -> list[Sent]:
    return [s for s in await outbox.about(phone, case_id) if s.kind == "choose_village"]


async def test_a_typed_number_picks_that_row_of_the_list(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    question = await _asked(sandbox, outbox, phone, "Pak motor saya hilang dicuri di desa Sukorejo")
    third = question.reply_ids[2].removeprefix("village:")
    await sandbox.send_inbound_text(phone, "nomor 3")
    receipt = await outbox.wait_kind(phone, "receipt", question.case_id)
    assert "Sukorejo" in receipt.text, receipt.text
    alert = await outbox.wait_kind(officer_for_village(third).wa_id, "officer_new_case",
                                   question.case_id)
    assert f"ack:{question.case_id}" in alert.reply_ids


async def test_a_village_outside_the_list_is_asked_again_then_the_district_picks(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    question = await _asked(sandbox, outbox, phone,
                            "kemarin ayam saya dicuri orang di desa Sukorejo")
    case_id = question.case_id
    assert case_id
    # Ngujung lies in kec. Malo, like one of the three Sukorejo, but was not offered.
    await sandbox.send_inbound_text(phone, "bukan pak, desa Ngujung kec. Malo")
    again = await outbox.wait_for(
        phone, lambda s: s.kind == "choose_village" and s.case_id == case_id and s != question,
        "the village list again")
    assert again.reply_ids == question.reply_ids
    assert len(await _questions(outbox, phone, case_id)) == 2
    assert "receipt" not in [s.kind for s in await outbox.about(phone, case_id)]

    await sandbox.send_inbound_text(phone, "yang di Malo")
    receipt = await outbox.wait_kind(phone, "receipt", case_id)
    assert "Sukorejo" in receipt.text and "Malo" in receipt.text, receipt.text
    await outbox.wait_kind(officer_for_village(SUKOREJO_MALO).wa_id, "officer_new_case", case_id)


async def test_a_typed_village_name_picks_it_on_a_bhabin_line(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    question = await _asked(sandbox, outbox, phone, "ada tawuran pemuda tiap malam minggu",
                            line=BHABIN_LINE)
    await sandbox.send_inbound_text(phone, "di sugihwras pak", line=BHABIN_LINE)  # a typo
    receipt = await outbox.wait_kind(phone, "receipt", question.case_id)
    assert "Sugihwaras" in receipt.text, receipt.text
    await outbox.wait_kind(officer_for_village(SUGIHWARAS).wa_id, "officer_new_case",
                           question.case_id)


async def test_an_emergencys_typed_answer_alerts_the_villages_bhabin(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    question = await _asked(
        sandbox, outbox, phone, "tolong pak ada begal bawa celurit sekarang di desa Sukorejo")
    case_id = question.case_id
    assert case_id
    await outbox.wait_kind(phone, "emergency_advice", case_id)
    bhabin = officer_for_village(SUKOREJO_MALO)
    assert await outbox.about(bhabin.wa_id, case_id) == []
    await sandbox.send_inbound_text(phone, "Sukorejo yg Malo")
    alert = await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    assert f"ack:{case_id}" in alert.reply_ids


async def test_kenalan_names_the_bhabin_and_his_line_and_opens_no_case(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    bhabin = officer_for_village(DRAJAT)
    await sandbox.send_inbound_text(phone, "nyuwun pirsa Bhabinkamtibmas desa Drajat kec Baureno")
    answer = await outbox.wait_kind(phone, "bhabin_contact")
    assert answer.case_id is None
    assert f"{bhabin.rank} {bhabin.name}" in answer.text, answer.text
    assert DRAJAT_BHABIN_LINE_NUMBER in answer.text, answer.text
    assert bhabin.wa_id not in answer.text, answer.text
    await _sentinel_help(sandbox, outbox, phone)
    assert [s.kind for s in await outbox.to(phone)] == ["bhabin_contact", "help"]


async def test_thanks_opens_no_case(sandbox: SandboxClient, outbox: Outbox) -> None:
    phone = citizen_phone()
    await sandbox.send_inbound_text(phone, "matur nuwun pak")
    await _sentinel_help(sandbox, outbox, phone)
    assert [s.kind for s in await outbox.to(phone)] == ["help"]


async def test_a_complaint_about_police_is_confirmed_as_confidential_to_the_kapolres(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    await sandbox.send_inbound_text(
        phone, "mau lapor oknum polisi minta uang damai waktu razia di desa Drajat kec. Baureno")
    receipt = await outbox.wait_kind(phone, "receipt")
    assert "langsung kepada Kapolres Bojonegoro" in receipt.text, receipt.text
    assert "rahasia" in receipt.text and "Petugas yang Anda adukan" in receipt.text
    kapolres = officer("kapolres-35.22")
    await outbox.wait_kind(kapolres.wa_id, "officer_new_case", receipt.case_id)


async def _sentinel_help(sandbox: SandboxClient, outbox: Outbox, phone: str) -> None:
    """A greeting after the message under test: the router handles one reporter's messages
    in order, so once its help arrives the earlier message was handled too."""
    await asyncio.sleep(0.5)
    await sandbox.send_inbound_text(phone, "halo")
    await outbox.wait_kind(phone, "help")
    await asyncio.sleep(1.0)  # anything the earlier message caused would be sent by now
