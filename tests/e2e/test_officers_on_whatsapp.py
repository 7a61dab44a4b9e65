"""Issue 18 through the real ingest, router and notifier: the right emergency number for
the danger, officers told of handovers, officers' commands as they type them.

Villages of kec. Ngambon (35.22.03), which no other scenario uses."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.people import citizen_phone, officer
from tests.e2e.stack_settings import TIER_WINDOW_S
from tests.e2e.whatsapp import Outbox

SENGON_BHABIN = "bhabin-35.22.03-02"  # Sengon and Bondol
KAPOLSEK = "kapolsek-35.22.03"


async def test_a_fire_reports_citizen_is_told_113(sandbox: SandboxClient, outbox: Outbox) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "tolong ada kebakaran rumah sekarang api besar di desa Nglampin kec Ngambon"
    )
    assert sent["status_code"] == 200, sent
    advice = await outbox.wait_kind(phone, "emergency_advice")
    assert "*113*" in advice.text and "*112*" in advice.text, advice.text
    assert "*110*" not in advice.text, advice.text


async def test_an_escalation_tells_the_bhabin_it_went_up(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "Pak, tiap malam ada judi sabung ayam di desa Sengon kec. Ngambon, warga resah"
    )
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    case_id = receipt.case_id
    assert case_id
    bhabin, kapolsek = officer(SENGON_BHABIN), officer(KAPOLSEK)
    await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    await outbox.wait_kind(kapolsek.wa_id, "officer_escalated_case", case_id,
                           within=TIER_WINDOW_S * 3)
    told = await outbox.wait_for(
        bhabin.wa_id, lambda s: s.kind == "officer_case_update" and s.case_id == case_id
        and "dinaikkan kepada Kapolsek" in s.text, "the Bhabin told it went up",
        within=TIER_WINDOW_S * 3)
    assert f"terima {receipt.reference}" in told.text, told.text
    assert phone not in told.text
