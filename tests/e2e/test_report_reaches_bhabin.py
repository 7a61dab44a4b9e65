"""Scenario 1: a citizen writes the Kapolres line about a stolen motorbike in a named
village; he gets a receipt with a reference; the village's Bhabin gets a notification with
buttons; the case shows in the API for that Bhabin, his Kapolsek and the Kapolres, and not
for another village's Bhabin."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.conftest import SignedInOfficers
from tests.e2e.people import KAPOLRES_LINE, citizen_phone, officer
from tests.e2e.whatsapp import Outbox

VILLAGE = "35.22.01.2001"  # Luwihaji, kec. Ngraho
BHABIN = "bhabin-35.22.01-01"
KAPOLSEK = "kapolsek-35.22.01"
KAPOLRES = "kapolres-35.22"
OTHER_BHABIN = "bhabin-35.22.01-02"  # Jumok and Sumberagung, same district


async def test_stolen_motorbike_reaches_the_village_bhabin_and_the_right_api_readers(
    sandbox: SandboxClient, outbox: Outbox, officers: SignedInOfficers
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "Selamat pagi pak, motor saya dicuri semalam di desa Luwihaji kec. Ngraho",
        line=KAPOLRES_LINE, profile_name="Siti Aminah",
    )
    assert sent["status_code"] == 200, sent

    receipt = await outbox.wait_kind(phone, "receipt")
    case_id, reference = receipt.case_id, receipt.reference
    assert case_id and reference, receipt.describe()
    assert "Luwihaji" in receipt.text, receipt.text

    bhabin = officer(BHABIN)
    alert = await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    assert reference in alert.text, alert.describe()
    assert f"ack:{case_id}" in alert.reply_ids, alert.describe()

    for reader in (BHABIN, KAPOLSEK, KAPOLRES):
        api = await officers(reader)
        case = await api.wait_case(
            case_id,
            lambda c: c["village_code"] == VILLAGE and c["tier"] == "bhabin"
            and (c.get("assignee") or {}).get("officer_id") == BHABIN,
            "assigned to the village's Bhabin",
        )
        assert case["reference"] == reference
        assert case["category"] == "vehicle_theft"
        assert case_id in await api.listed_ids(), reader

    stranger = await officers(OTHER_BHABIN)
    assert (await stranger.case(case_id)).status_code == 404
    assert case_id not in await stranger.listed_ids()

    # Nobody else was told about it.
    for other in (OTHER_BHABIN, KAPOLSEK, KAPOLRES):
        about = await outbox.about(officer(other).wa_id, case_id)
        assert about == [], [s.describe() for s in about]
