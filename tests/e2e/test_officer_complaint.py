"""Scenario 5: a complaint about a police officer reaches the Kapolres only, and the
reporter is not shown to the officer concerned."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.conftest import SignedInOfficers
from tests.e2e.people import citizen_phone, officer
from tests.e2e.whatsapp import Outbox

BHABIN = "bhabin-35.22.10-01"  # Drajat, kec. Baureno: the officer the complaint is about
KAPOLSEK = "kapolsek-35.22.10"
KAPOLRES = "kapolres-35.22"
NAME = "Wahyuni Lestari"


async def test_complaint_about_an_officer_goes_to_the_kapolres_only_reporter_hidden(
    sandbox: SandboxClient, outbox: Outbox, officers: SignedInOfficers
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone,
        "Saya mau mengadu, oknum polisi Bhabinkamtibmas desa Drajat kec. Baureno minta uang "
        "damai 500 ribu waktu saya lapor kehilangan",
        profile_name=NAME,
    )
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    case_id = receipt.case_id
    assert case_id

    kapolres = officer(KAPOLRES)
    alert = await outbox.wait_kind(kapolres.wa_id, "officer_new_case", case_id)
    assert phone not in alert.text and phone[2:] not in alert.text, alert.text
    assert NAME not in alert.text, alert.text

    kapolres_api = await officers(KAPOLRES)
    case = await kapolres_api.wait_case(
        case_id, lambda c: c["tier"] == "kapolres", "at the Kapolres")
    # (The router does not name the officer concerned yet, so `about_officer` stays false:
    # the confidential flag is what hides the reporter from every officer.)
    assert case["category"] == "officer_conduct", case
    assert (case.get("assignee") or {}).get("officer_id") == KAPOLRES

    # The officer concerned and his Kapolsek heard nothing of it ...
    for who in (BHABIN, KAPOLSEK):
        about = await outbox.about(officer(who).wa_id, case_id)
        assert about == [], [s.describe() for s in about]
    # ... and the API never shows the officer concerned who made it.
    concerned = await officers(BHABIN)
    response = await concerned.case(case_id)
    if response.status_code == 200:
        seen = response.json()
        assert seen["reporter"] is None and seen["reporter_hidden"] is True, seen
        assert phone not in response.text and NAME not in response.text
    else:
        assert response.status_code == 404, response.text
