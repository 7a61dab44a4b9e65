"""Scenario 3: the village named is ambiguous (Bojonegoro has three Sukorejo); the citizen
gets the list, picks one, and the case routes to that village's Bhabin."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.conftest import SignedInOfficers
from tests.e2e.people import citizen_phone, officer, officer_for_village
from tests.e2e.whatsapp import Outbox

SUKOREJO = {"35.22.02.2009": "Tambakrejo", "35.22.15.2003": "Bojonegoro",
            "35.22.17.2015": "Malo"}
PICKED = "35.22.17.2015"


async def test_ambiguous_village_is_asked_with_a_list_and_the_pick_routes_the_case(
    sandbox: SandboxClient, outbox: Outbox, officers: SignedInOfficers
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(phone, "Pak motor saya hilang dicuri di desa Sukorejo")
    assert sent["status_code"] == 200, sent

    question = await outbox.wait_kind(phone, "choose_village")
    case_id = question.case_id
    assert case_id, question.describe()
    assert question.type == "interactive" and question.body["interactive"]["type"] == "list"
    assert set(question.reply_ids) == {f"village:{code}" for code in SUKOREJO}
    for district in SUKOREJO.values():
        assert district in question.text, question.text
    assert await outbox.about(phone, case_id) == [question]  # no receipt before the answer

    picked = await sandbox.send_inbound_choice(phone, f"village:{PICKED}", "Sukorejo")
    assert picked["status_code"] == 200, picked

    receipt = await outbox.wait_kind(phone, "receipt", case_id)
    assert "Sukorejo" in receipt.text and "Malo" in receipt.text, receipt.text
    bhabin = officer_for_village(PICKED)
    alert = await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    assert f"ack:{case_id}" in alert.reply_ids

    api = await officers("kapolres-35.22")
    case = await api.wait_case(
        case_id, lambda c: c["village_code"] == PICKED and c["tier"] == "bhabin",
        "routed to the picked Sukorejo")
    assert case["district_name"] == "Malo"
    assert (case.get("assignee") or {}).get("officer_id") == bhabin.officer_id
    # The other Sukorejo's first tiers (a Bhabin, or the Kapolsek where there is none)
    # heard nothing of it.
    for code in SUKOREJO.keys() - {PICKED}:
        try:
            other = officer_for_village(code)
        except KeyError:
            other = officer(f"kapolsek-{code.rsplit('.', 1)[0]}")
        assert await outbox.about(other.wa_id, case_id) == [], other.officer_id
