"""Delivery statuses (what ingest publishes from Meta's webhooks) joined to notifications."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg

from contracts.base import utcnow
from contracts.lines import Line
from contracts.notifications import NotificationKind
from contracts.topics import NOTIFICATIONS_EVENTS, WHATSAPP_STATUSES
from contracts.whatsapp_events import DeliveryStatus, ErrorDetail
from services.sandbox.client import SandboxClient
from tests.notifier.harness import (
    LINE,
    Kafka,
    ServiceProcess,
    inbound_from,
    poll,
    receipt,
    request,
    unique_phone,
)


def status(
    wamid: str, state: str, callback: str | None = None, error_code: int | None = None
) -> DeliveryStatus:
    return DeliveryStatus(
        message_id=f"st:{wamid}:{state}",
        wamid=wamid,
        status=state,
        status_at=utcnow(),
        line=Line(phone_number_id=LINE),
        biz_opaque_callback_data=callback,
        errors=[ErrorDetail(code=error_code, title="refused")] if error_code else [],
        raw={},
    )


async def sent_wamid(sandbox: SandboxClient, kafka: Kafka, phone: str, notification_id: str) -> str:
    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    await kafka.wait_for(NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == notification_id)
    return str(messages[0]["wamid"])


async def test_delivered_and_read_are_published_and_never_downgraded(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    phone, other = unique_phone(), unique_phone()
    req, marker = receipt(phone), receipt(other)
    await kafka.request(req)
    await kafka.request(marker)
    wamid = await sent_wamid(sandbox, kafka, phone, req.message_id)
    marker_wamid = await sent_wamid(sandbox, kafka, other, marker.message_id)

    # Meta's webhooks arrive out of order: read first, then the late delivered
    for item in (status(wamid, "read"), status(wamid, "delivered"),
                 status(marker_wamid, "delivered")):
        await kafka.publish(WHATSAPP_STATUSES, item, item.wamid, partition=2)

    # the marker's status comes after the late `delivered` on the same partition
    await kafka.wait_for(
        NOTIFICATIONS_EVENTS,
        lambda e: e["notification_id"] == marker.message_id and e["status"] == "delivered",
    )
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id, count=3,
        within=3,
    )
    assert [e["status"] for e in events] == ["sent", "read"]
    assert events[1]["wamid"] == wamid and events[1]["message_id"] == f"{req.message_id}:read"
    state = await poll(
        lambda: pg.fetchval(
            "SELECT state FROM notifier_sends WHERE notification_id = $1 AND state = 'read'",
            req.message_id,
        )
    )
    assert state == "read"


async def test_failed_after_sent_is_published_with_the_error(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    phone = unique_phone()
    req = receipt(phone)
    await kafka.request(req)
    wamid = await sent_wamid(sandbox, kafka, phone, req.message_id)
    await kafka.publish(WHATSAPP_STATUSES, status(wamid, "failed", error_code=131026), wamid)
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id, count=2
    )
    assert [(e["status"], e["error_code"]) for e in events] == [
        ("sent", None),
        ("failed", 131026),
    ]


async def test_a_status_proves_a_send_whose_answer_was_never_recorded(
    notifier: ServiceProcess, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """A notifier died between the API's answer and writing the wamid: the row says
    `unknown`. The status webhook carries our notification id back and settles it."""
    req = receipt(unique_phone())
    await pg.execute(
        """INSERT INTO notifier_sends (notification_id, kind, case_id, recipient_kind,
               line_phone_number_id, state, attempts, request)
           VALUES ($1, 'receipt', $2, 'citizen', $3, 'unknown', 1, $4::jsonb)""",
        req.message_id, req.case_id, LINE, req.model_dump_json(),
    )
    wamid = f"wamid.{uuid.uuid4().hex}"
    await kafka.publish(
        WHATSAPP_STATUSES, status(wamid, "delivered", callback=req.message_id), wamid
    )
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert [(e["status"], e["wamid"]) for e in events] == [("delivered", wamid)]
    row = await poll(  # the event goes out first, the row follows
        lambda: pg.fetchrow(
            "SELECT state, wamid FROM notifier_sends WHERE notification_id = $1"
            " AND state = 'delivered'",
            req.message_id,
        )
    )
    assert row is not None and row["wamid"] == wamid


async def test_an_unknown_outcome_no_status_settles_is_sent_again_once(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """A notifier died during the API call (two hours ago) and no status webhook ever came
    for it while the status consumer read every partition past that time: the call never
    reached WhatsApp, so it is sent, once."""
    phone = unique_phone()
    req = receipt(phone)
    await pg.execute(
        """INSERT INTO notifier_sends (notification_id, kind, case_id, recipient_kind,
               line_phone_number_id, state, attempts, request, call_started_at)
           VALUES ($1, 'receipt', $2, 'citizen', $3, 'unknown', 1, $4::jsonb,
                   now() - interval '2 hours')""",
        req.message_id, req.case_id, LINE, req.model_dump_json(),
    )
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert [e["status"] for e in events] == ["sent"]
    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    await asyncio.sleep(5)  # two more sweeps (every NOTIFIER_LEASE_S = 2 s) resend nothing
    again = await sandbox.wait_for_messages(phone, count=1, within=1)
    assert [m["body"]["biz_opaque_callback_data"] for m in again] == [req.message_id]
    assert len(messages) == 1


async def test_reengagement_reported_by_status_resends_once_as_template(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """Meta usually reports 131047 as a `failed` status after accepting the message."""
    phone = unique_phone()
    await sandbox.send_inbound_text(phone, "Halo", line=LINE)
    await kafka.inbound(inbound_from(phone))
    citizen = inbound_from(phone).sender.key
    await poll(
        lambda: pg.fetchval("SELECT count(*) FROM notifier_windows WHERE identity = $1", citizen)
    )
    req = request(NotificationKind.RESOLVED, phone,
                  {"reference": "BJN-RSV01", "note": "Motor sudah ditemukan.",
                   "officer_name": "Aiptu Sugeng"})
    await kafka.request(req)
    first = await sent_wamid(sandbox, kafka, phone, req.message_id)
    await kafka.publish(
        WHATSAPP_STATUSES, status(first, "failed", req.message_id, error_code=131047), first
    )
    messages = await sandbox.wait_for_messages(phone, count=2, within=20)
    assert [m["type"] for m in messages] == ["text", "template"]
    assert "Motor sudah ditemukan." in str(messages[1]["body"]["template"])
    row = await poll(
        lambda: pg.fetchrow(
            "SELECT * FROM notifier_sends WHERE notification_id = $1 AND wamid = $2",
            req.message_id, messages[1]["wamid"],
        )
    )
    assert row["used_template"] and row["state"] == "sent"
    assert row["superseded_wamid"] == first
    # the same 131047 status again (Meta duplicates webhooks) changes nothing
    second = str(messages[1]["wamid"])
    await kafka.publish(
        WHATSAPP_STATUSES, status(first, "failed", req.message_id, error_code=131047), first,
        partition=3,
    )
    await kafka.publish(WHATSAPP_STATUSES, status(second, "delivered"), second, partition=3)
    await kafka.wait_for(
        NOTIFICATIONS_EVENTS,
        lambda e: e["notification_id"] == req.message_id and e["status"] == "delivered",
    )
    assert len(await sandbox.list_messages(to=phone)) == 2
