"""Scenario 4: the officer resolves from WhatsApp with a note; the citizen gets the
resolution and the satisfaction question; the rating lands in the statistics."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.conftest import SignedInOfficers
from tests.e2e.people import citizen_phone, officer
from tests.e2e.whatsapp import Outbox

BHABIN = "bhabin-35.22.06-01"  # Ngunut, Dander, Growok
NOTE = "Pelaku sudah diamankan dan ayam dikembalikan"


async def test_officer_resolves_by_whatsapp_and_the_citizens_rating_reaches_the_stats(
    sandbox: SandboxClient, outbox: Outbox, officers: SignedInOfficers
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "Kemarin sore ayam saya dicuri orang di desa Growok kec. Dander")
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    case_id, reference = receipt.case_id, receipt.reference
    assert case_id and reference
    bhabin = officer(BHABIN)
    await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)

    kapolres = await officers("kapolres-35.22")
    before = (await kapolres.stats())["ratings"]

    done = await sandbox.send_inbound_text(bhabin.wa_id, f"selesai {reference} {NOTE}")
    assert done["status_code"] == 200, done
    resolved = await outbox.wait_kind(phone, "resolved", case_id)
    assert NOTE in resolved.text and reference in resolved.text, resolved.text
    question = await outbox.wait_kind(phone, "rating_question", case_id)
    assert f"rate:{case_id}:4" in question.reply_ids, question.describe()

    rated = await sandbox.send_inbound_choice(phone, f"rate:{case_id}:4", "4 - Baik")
    assert rated["status_code"] == 200, rated
    await outbox.wait_kind(phone, "rating_thanks", case_id)

    case = await kapolres.wait_case(case_id, lambda c: c["rating"] == 4, "rated 4")
    assert case["status"] == "resolved" and case["resolution_note"] == NOTE
    after = (await kapolres.stats())["ratings"]
    assert after["count"] == before["count"] + 1, (before, after)
    assert after["distribution"].get("4", 0) == before["distribution"].get("4", 0) + 1
    mine = await officers(BHABIN)
    assert (await mine.case(case_id)).json()["rating"] == 4
