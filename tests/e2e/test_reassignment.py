"""Scenario 6 (issue 11): an admin moves a village to another Bhabin through the API
while every service runs; the next report from that village reaches the new Bhabin, and
nothing of it the old one. No service is restarted: each follows the officer directory
(`directory.officers`) live."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from devstack.stack_runner import Stack
from services.sandbox.client import SandboxClient
from tests.e2e.api_session import admin_session
from tests.e2e.people import KAPOLRES_LINE, citizen_phone, officer
from tests.e2e.whatsapp import Outbox

VILLAGE = "35.22.05.2003"  # Clebung, kec. Bubulan (no other scenario uses the district)
OLD_BHABIN = "bhabin-35.22.05-01"  # Bubulan, Cancung, Clebung
NEW_BHABIN = "bhabin-35.22.05-02"  # Sumberbendo, Ngorogunung
REPORT = "Pak, sapi saya dicuri tadi malam di desa Clebung kec. Bubulan"


@pytest.fixture
async def admin(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    client = await admin_session(stack.url("api"), dict(stack.env))
    yield client
    await client.aclose()


async def report(sandbox: SandboxClient, outbox: Outbox) -> str:
    """A citizen reports a theft in the village; the case id of his receipt."""
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(phone, REPORT, line=KAPOLRES_LINE)
    assert sent["status_code"] == 200, sent
    receipt = await outbox.wait_kind(phone, "receipt")
    assert receipt.case_id and "Clebung" in receipt.text, receipt.describe()
    return receipt.case_id


async def move_village(admin: httpx.AsyncClient, officer_id: str, areas: list[str]) -> None:
    who = officer(officer_id)
    body = {"name": who.name, "rank": who.rank, "tier": who.tier.value, "wa_id": who.wa_id,
            "area_codes": areas, "active": True}
    answer = await admin.put(f"/directory/officers/{officer_id}", json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json()["area_codes"] == areas


async def test_a_village_moved_to_another_bhabin_reaches_him_without_a_restart(
    stack: Stack, sandbox: SandboxClient, outbox: Outbox, admin: httpx.AsyncClient
) -> None:
    old, new = officer(OLD_BHABIN), officer(NEW_BHABIN)
    before = await report(sandbox, outbox)
    await outbox.wait_kind(old.wa_id, "officer_new_case", before)

    # The admin moves Clebung from the old Bhabin to the new one (both officers' areas).
    await move_village(admin, OLD_BHABIN, ["35.22.05.2001", "35.22.05.2002"])
    await move_village(admin, NEW_BHABIN, ["35.22.05.2004", "35.22.05.2005", VILLAGE])
    listed = {o["officer_id"]: o["area_codes"]
              for o in (await admin.get("/directory/officers")).json()}
    assert VILLAGE in listed[NEW_BHABIN] and VILLAGE not in listed[OLD_BHABIN]

    after = await report(sandbox, outbox)
    alert = await outbox.wait_kind(new.wa_id, "officer_new_case", after)
    assert f"ack:{after}" in alert.reply_ids, alert.describe()
    assert await outbox.about(old.wa_id, after) == []
    assert await outbox.about(new.wa_id, before) == []

    assert stack.dead() == []
    assert {p.name: p.starts for p in stack.processes.values()} == {
        name: 1 for name in stack.processes}, "a service was restarted"
