"""Issue 18 through the real ingest, router and notifier: the right emergency number for
the danger, officers told of handovers, officers' commands as they type them.

Villages of kec. Ngambon (35.22.03), which no other scenario uses."""

from __future__ import annotations

import asyncio

from services.sandbox.client import SandboxClient
from tests.e2e.people import citizen_phone, officer
from tests.e2e.stack_settings import TIER_WINDOW_S
from tests.e2e.whatsapp import Outbox

SENGON_BHABIN = "bhabin-35.22.03-02"  # Sengon and Bondol
KAPOLSEK = "kapolsek-35.22.03"


async def _reported(sandbox: SandboxClient, outbox: Outbox, text: str) -> tuple[str, str]:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(phone, text)
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    assert receipt.case_id
    return phone, receipt.case_id


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
    phone, case_id = await _reported(
        sandbox, outbox, "Pak, tiap malam ada judi sabung ayam di desa Sengon kec. Ngambon")
    bhabin, kapolsek = officer(SENGON_BHABIN), officer(KAPOLSEK)
    await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    await outbox.wait_kind(kapolsek.wa_id, "officer_escalated_case", case_id,
                           within=TIER_WINDOW_S * 3)
    told = await outbox.wait_for(
        bhabin.wa_id, lambda s: s.kind == "officer_case_update" and s.case_id == case_id
        and "dinaikkan kepada Kapolsek" in s.text, "the Bhabin told it went up",
        within=TIER_WINDOW_S * 3)
    assert "terima BJN-" in told.text, told.text
    assert phone not in told.text


KARANGMANGU_BHABIN = "bhabin-35.22.03-01"  # Nglampin, Karangmangu, Ngambon


async def test_a_reply_to_the_notification_acts_on_its_case(
    sandbox: SandboxClient, outbox: Outbox
) -> None:
    bhabin = officer(KARANGMANGU_BHABIN)
    phone, case_id = await _reported(
        sandbox, outbox, "kemarin ayam saya dicuri orang di desa Karangmangu kec. Ngambon")
    other_phone, other_id = await _reported(
        sandbox, outbox, "tadi pagi ada yang mencuri pompa air di desa Ngambon kec. Ngambon")
    alert = await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)
    await outbox.wait_kind(bhabin.wa_id, "officer_new_case", other_id)
    [record] = [r for r in await sandbox.list_messages(to=bhabin.wa_id) if r["seq"] == alert.seq]
    await asyncio.sleep(3)  # the notifier's `sent` event reaches the router's directory

    # "ok siap" quoting the first alert: that case is taken, not the other.
    answer = await sandbox.send_inbound_text(bhabin.wa_id, "ok siap", context_id=record["wamid"])
    assert answer["status_code"] == 200, answer
    told = await outbox.wait_kind(phone, "assigned", case_id)
    assert bhabin.name in told.text, told.text
    done = await outbox.wait_kind(bhabin.wa_id, "officer_action_done", case_id)
    assert alert.reference and alert.reference in done.text, done.text
    await asyncio.sleep(2)
    assert [s for s in await outbox.about(other_phone, other_id) if s.kind == "assigned"] == []
