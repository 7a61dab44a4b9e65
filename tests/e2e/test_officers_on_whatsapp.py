"""Issue 18 through the real ingest, router and notifier: the right emergency number for
the danger, officers told of handovers, officers' commands as they type them."""

from __future__ import annotations

from services.sandbox.client import SandboxClient
from tests.e2e.people import citizen_phone
from tests.e2e.whatsapp import Outbox


async def test_a_fire_reports_citizen_is_told_113(sandbox: SandboxClient, outbox: Outbox) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "tolong ada kebakaran rumah sekarang api besar di desa Drajat kec Baureno"
    )
    assert sent["status_code"] == 200, sent
    advice = await outbox.wait_kind(phone, "emergency_advice")
    assert "*113*" in advice.text and "*112*" in advice.text, advice.text
    assert "*110*" not in advice.text, advice.text
