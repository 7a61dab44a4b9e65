"""Scenario 2: nobody acts; the case escalates to the Kapolsek, then to the Kapolres, each
notified and the citizen told; the Bhabin acknowledges late and the ladder stops."""

from __future__ import annotations

import asyncio
import time

from services.sandbox.client import SandboxClient
from tests.e2e.conftest import SignedInOfficers
from tests.e2e.people import citizen_phone, officer
from tests.e2e.stack_settings import TIER_WINDOW_S
from tests.e2e.whatsapp import Outbox

BHABIN = "bhabin-35.22.04-05"  # Dukohkidul and Wadang, kec. Ngasem
KAPOLSEK = "kapolsek-35.22.04"
KAPOLRES = "kapolres-35.22"
WAIT = TIER_WINDOW_S * 3


async def test_unanswered_case_climbs_the_ladder_until_the_bhabin_acknowledges(
    sandbox: SandboxClient, outbox: Outbox, officers: SignedInOfficers
) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "Pak, tiap malam ada judi sabung ayam di desa Wadang kec. Ngasem, warga resah"
    )
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    case_id = receipt.case_id
    assert case_id
    bhabin, kapolsek, kapolres = officer(BHABIN), officer(KAPOLSEK), officer(KAPOLRES)
    await outbox.wait_kind(bhabin.wa_id, "officer_new_case", case_id)

    # Nobody acts: the Kapolsek gets it, then the Kapolres; the citizen hears of each.
    at_kapolsek = await outbox.wait_kind(kapolsek.wa_id, "officer_escalated_case", case_id,
                                         within=WAIT)
    assert f"ack:{case_id}" in at_kapolsek.reply_ids, at_kapolsek.describe()
    at_kapolres = await outbox.wait_kind(kapolres.wa_id, "officer_escalated_case", case_id,
                                         within=WAIT)
    told = await outbox.wait_for(
        phone, lambda s: s.kind == "escalated" and s.case_id == case_id
        and "Kapolres" in s.text, "citizen told of the Kapolres", within=WAIT)
    escalations = [s for s in await outbox.about(phone, case_id) if s.kind == "escalated"]
    assert len(escalations) == 2, [s.describe() for s in escalations]
    assert at_kapolres.time <= told.time + TIER_WINDOW_S

    # The Bhabin finally taps "Terima" on the notification he got first.
    ack = await sandbox.send_inbound_choice(bhabin.wa_id, f"ack:{case_id}", "Terima",
                                            kind="button")
    assert ack["status_code"] == 200, ack
    api = await officers(KAPOLRES)
    case = await api.wait_case(case_id, lambda c: c["status"] == "acknowledged",
                               "acknowledged", within=WAIT)
    assert case["escalations"] == 2
    assert case["due_at"] is None, case
    acknowledged_at = time.time()

    # The ladder has stopped: one more window passes without any reminder or escalation.
    await asyncio.sleep(TIER_WINDOW_S * 1.5)
    for who in (kapolsek, kapolres):
        later = [s for s in await outbox.about(who.wa_id, case_id) if s.time > acknowledged_at]
        assert later == [], [s.describe() for s in later]
    escalated = [s for s in await outbox.about(phone, case_id) if s.kind == "escalated"]
    assert len(escalated) == 2, [s.describe() for s in escalated]
    final = (await api.case(case_id)).json()
    assert final["status"] == "acknowledged" and final["escalations"] == 2, final
    kinds = [e["kind"] for e in final["timeline"]]
    assert kinds.count("escalated") == 2, kinds
