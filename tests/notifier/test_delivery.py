"""The notifier end to end: requests on Kafka, real HTTP to the sandbox Graph API, the
sends table in PostgreSQL, events and dead letters back on Kafka."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import httpx

from contracts.notifications import NotificationKind
from contracts.topics import NOTIFICATIONS_DEADLETTER, NOTIFICATIONS_EVENTS, WHATSAPP_INBOUND
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


async def row_of(pg: asyncpg.Connection, notification_id: str) -> asyncpg.Record | None:
    return await pg.fetchrow(
        "SELECT * FROM notifier_sends WHERE notification_id = $1", notification_id
    )


async def open_window(sandbox: SandboxClient, kafka: Kafka, phone: str) -> None:
    """The citizen writes to the line: Meta (the sandbox) and the notifier (through ingest's
    topic) both see the message."""
    await sandbox.send_inbound_text(phone, "Pak, motor saya hilang", line=LINE)
    await kafka.inbound(inbound_from(phone))


def text_of(body: dict[str, Any]) -> str:
    if body["type"] == "text":
        return str(body["text"]["body"])
    if body["type"] == "interactive":
        return str(body["interactive"]["body"]["text"])
    return " ".join(
        p.get("text", "") for c in body["template"]["components"] for p in c.get("parameters", [])
    )


async def test_receipt_reaches_the_citizen_with_the_reference(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    phone = unique_phone()
    await open_window(sandbox, kafka, phone)
    req = receipt(phone, "BJN-RCP01")
    # the window must be known before the request is handled: wait for the inbound record
    citizen = inbound_from(phone).sender.key
    await poll(
        lambda: pg.fetchval("SELECT count(*) FROM notifier_windows WHERE identity = $1", citizen)
    )
    await kafka.request(req)

    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    assert len(messages) == 1
    body = messages[0]["body"]
    assert body["to"] == f"+{phone}"
    assert body["type"] == "text"  # inside the window: free-form
    assert "BJN-RCP01" in body["text"]["body"]
    assert body["biz_opaque_callback_data"] == req.message_id

    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert events[0]["status"] == "sent"
    assert events[0]["wamid"] == messages[0]["wamid"]
    assert events[0]["used_template"] is False
    row = await row_of(pg, req.message_id)
    assert row is not None and row["state"] == "sent" and row["wamid"] == messages[0]["wamid"]


async def test_outside_the_window_the_template_is_sent(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    phone = unique_phone()  # never wrote to us
    req = receipt(phone, "BJN-TPL01")
    await kafka.request(req)

    messages = await sandbox.wait_for_messages(phone, count=1, within=20, accepted=None)
    assert [m["accepted"] for m in messages] == [True]
    template = messages[0]["body"]["template"]
    assert template["name"] == "matur_update"
    assert template["language"] == {"code": "id"}
    params = {p["parameter_name"]: p["text"] for p in template["components"][0]["parameters"]}
    assert params["nomor"] == "BJN-TPL01"
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert events[0]["used_template"] is True


async def test_officer_outside_the_window_gets_the_case_template_with_buttons(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    phone = unique_phone()
    req = request(
        NotificationKind.OFFICER_NEW_CASE,
        phone,
        {"reference": "BJN-OFF01", "case_id": "case-off01", "category": "theft",
         "urgency": "high", "village": "Kadipaten", "district": "Bojonegoro",
         "summary": "Motor dicuri di depan pasar.", "due_at": "2026-11-30T03:00:00+00:00"},
        case_id="case-off01",
        officer=True,
    )
    await kafka.request(req)
    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    template = messages[0]["body"]["template"]
    assert template["name"] == "matur_kasus_baru"
    payloads = [
        c["parameters"][0]["payload"] for c in template["components"] if c["type"] == "button"
    ]
    assert payloads == ["ack:case-off01", "esc:case-off01"]
    assert "dirahasiakan" in text_of(messages[0]["body"])


async def test_refused_outside_the_window_switches_to_the_template(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """The notifier believes the window is open, WhatsApp says 131047: one retry as template."""
    phone = unique_phone()
    await kafka.inbound(inbound_from(phone))  # the notifier sees it, Meta does not
    citizen = inbound_from(phone).sender.key
    await poll(
        lambda: pg.fetchval(
            "SELECT count(*) FROM notifier_windows WHERE identity = $1", citizen
        )
    )
    req = receipt(phone, "BJN-FBK01")
    await kafka.request(req)

    messages = await sandbox.wait_for_messages(phone, count=2, within=20, accepted=None)
    assert [(m["type"], m["accepted"]) for m in messages] == [
        ("text", False),
        ("template", True),
    ]
    assert messages[0]["response"]["error"]["code"] == 131047
    row = await poll(lambda: row_of(pg, req.message_id))
    assert row["used_template"] is True and row["wamid"] == messages[1]["wamid"]


async def test_rate_limit_burst_is_retried_and_delivered_once(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    phone = unique_phone()
    await sandbox.inject_failure(130429, count=3, to=phone)
    req = receipt(phone)
    await kafka.request(req)

    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert events and events[0]["status"] == "sent"
    calls = await sandbox.list_messages(to=phone)
    assert [c["accepted"] for c in calls] == [False, False, False, True]
    assert {c["response"]["error"]["code"] for c in calls[:3]} == {130429}
    row = await row_of(pg, req.message_id)
    assert row is not None and row["attempts"] == 4 and row["state"] == "sent"


async def test_undeliverable_goes_to_the_dead_letter_topic_without_retry(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    phone = unique_phone()
    await sandbox.inject_failure(131026, count=5, to=phone)
    req = receipt(phone)
    await kafka.request(req)

    letters = await kafka.wait_for(
        NOTIFICATIONS_DEADLETTER, lambda d: d["request"]["message_id"] == req.message_id
    )
    assert len(letters) == 1
    assert letters[0]["error_code"] == 131026
    assert "131026" in letters[0]["reason"] and letters[0]["attempts"] == 1
    events = await kafka.wait_for(
        NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == req.message_id
    )
    assert [(e["status"], e["error_code"]) for e in events] == [("dead_lettered", 131026)]
    calls = await sandbox.list_messages(to=phone)
    assert len(calls) == 1  # never retried
    failures = await sandbox.list_failures()
    assert [f["remaining"] for f in failures if f.get("to") == phone] == [4]
    row = await row_of(pg, req.message_id)
    assert row is not None and row["state"] == "dead_lettered"


async def test_token_error_is_alerted_and_dead_lettered(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    phone = unique_phone()
    await sandbox.inject_failure(190, count=1, to=phone)
    req = receipt(phone)
    await kafka.request(req)
    letters = await kafka.wait_for(
        NOTIFICATIONS_DEADLETTER, lambda d: d["request"]["message_id"] == req.message_id
    )
    assert letters[0]["error_code"] == 190
    async with httpx.AsyncClient(base_url=notifier.url) as http:
        metrics = (await http.get("/metrics")).text
    assert 'notifier_alerts_total{code="190"}' in metrics
    assert 'notifier_dead_lettered_total{code="190"}' in metrics
    logs = notifier.logs()
    assert '"alert": true' in logs
    assert "notifier-test-token" not in logs  # the access token never reaches the logs


async def test_pacing_one_recipient_does_not_hold_up_another(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    """Two messages for Alice then one for Bob, on one partition: Bob's goes while Alice
    waits out her 6 s pause (Meta's pair limit), long enough for a busy machine."""
    alice, bob = unique_phone(), unique_phone()
    first, second = receipt(alice), request(NotificationKind.HELP, alice)
    for_bob = receipt(bob)
    for req in (first, second, for_bob):
        await kafka.request(req, partition=0)

    to_alice = await sandbox.wait_for_messages(alice, count=2, within=20)
    to_bob = await sandbox.wait_for_messages(bob, count=1, within=20)
    assert [m["body"]["biz_opaque_callback_data"] for m in to_alice] == [
        first.message_id,
        second.message_id,
    ]
    # Bob is not held behind Alice's pause (he may even go before her first message:
    # recipients have queues of their own)
    assert to_bob[0]["seq"] < to_alice[1]["seq"]
    assert to_alice[1]["time"] - to_alice[0]["time"] >= 5.9  # Alice's pause was kept


async def test_a_replayed_request_is_not_sent_again(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    phone = unique_phone()
    req = receipt(phone)
    await kafka.request(req)
    await sandbox.wait_for_messages(phone, count=1, within=20)
    await kafka.request(req)  # the router replays it
    marker = request(NotificationKind.HELP, phone)  # same recipient: handled after the replay
    await kafka.request(marker)
    messages = await sandbox.wait_for_messages(phone, count=2, within=20)
    await kafka.wait_for(NOTIFICATIONS_EVENTS, lambda e: e["notification_id"] == marker.message_id)
    assert [m["body"]["biz_opaque_callback_data"] for m in messages] == [
        req.message_id,
        marker.message_id,
    ]


async def test_bodies_inside_the_window_are_metas_shapes(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """Text (with mark-as-read of the message it answers), interactive list and reply
    buttons, each accepted by the sandbox's validation of Meta's formats and limits."""
    citizen, officer = unique_phone(), unique_phone()
    inbound = await sandbox.send_inbound_text(citizen, "bantuan", line=LINE)
    await kafka.inbound(inbound_from(citizen))
    await sandbox.send_inbound_text(officer, "terima BJN-SHP01", line=LINE)
    await kafka.inbound(inbound_from(officer))
    help_req = request(NotificationKind.HELP, citizen).model_copy(
        update={"reply_to_wamid": inbound["wamid"]}
    )
    villages = request(
        NotificationKind.CHOOSE_VILLAGE, citizen,
        {"reference": "BJN-SHP01", "options": [
            {"id": "village:35.22.07.2001", "title": "Kadipaten", "description": "Bojonegoro"},
            {"id": "village:35.22.16.2003", "title": "Sukorejo", "description": "Bojonegoro"},
        ]},
    )
    case = request(
        NotificationKind.OFFICER_NEW_CASE, officer,
        {"reference": "BJN-SHP01", "case_id": "case-shp01", "category": "theft",
         "summary": "Motor hilang.", "reporter_name": "Budi"},
        case_id="case-shp01", officer=True,
    )
    keys = [inbound_from(citizen).sender.key, inbound_from(officer).sender.key]
    await poll(  # the notifier has seen both windows open
        lambda: pg.fetchval(
            "SELECT count(*) = 2 FROM notifier_windows WHERE identity = ANY($1)", keys
        )
    )
    for req in (help_req, villages, case):
        await kafka.request(req)

    to_citizen = await sandbox.wait_for_messages(citizen, count=2, within=20, accepted=None)
    to_officer = await sandbox.wait_for_messages(officer, count=1, within=20, accepted=None)
    assert all(m["accepted"] for m in to_citizen + to_officer)
    assert to_citizen[0]["body"] == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": f"+{citizen}",
        "type": "text",
        "text": {"preview_url": False, "body": to_citizen[0]["body"]["text"]["body"]},
        "context": {"message_id": inbound["wamid"]},
        "biz_opaque_callback_data": help_req.message_id,
    }
    listed = to_citizen[1]["body"]["interactive"]
    assert listed["type"] == "list"
    assert [r["id"] for r in listed["action"]["sections"][0]["rows"]] == [
        "village:35.22.07.2001", "village:35.22.16.2003",
    ]
    buttons = to_officer[0]["body"]["interactive"]
    assert buttons["type"] == "button"
    assert [b["reply"] for b in buttons["action"]["buttons"]] == [
        {"id": "ack:case-shp01", "title": "Terima"},
        {"id": "esc:case-shp01", "title": "Naikkan"},
    ]
    reads = [
        m for m in await sandbox.list_messages()
        if m["type"] == "read" and m["body"].get("message_id") == inbound["wamid"]
    ]
    assert [m["body"] for m in reads] == [
        {"messaging_product": "whatsapp", "status": "read", "message_id": inbound["wamid"]}
    ]
    assert reads[0]["accepted"] and reads[0]["seq"] < to_citizen[0]["seq"]


async def test_a_request_without_any_address_is_dead_lettered_not_retried_forever(
    notifier: ServiceProcess, kafka: Kafka
) -> None:
    req = receipt(unique_phone())
    req = req.model_copy(
        update={"recipient": req.recipient.model_copy(update={"wa_id": None})}
    )
    await kafka.request(req)
    letters = await kafka.wait_for(
        NOTIFICATIONS_DEADLETTER, lambda d: d["request"]["message_id"] == req.message_id
    )
    assert letters and "cannot render" in letters[0]["reason"]
    assert letters[0]["attempts"] == 0


async def test_a_claim_abandoned_between_attempts_is_picked_up_again(
    notifier: ServiceProcess, sandbox: SandboxClient, pg: asyncpg.Connection
) -> None:
    """A notifier died while waiting to retry (row `pending`, lease run out, offset already
    gone elsewhere): the sweeper resumes it from the sends table."""
    phone = unique_phone()
    req = receipt(phone)
    await pg.execute(
        """INSERT INTO notifier_sends (notification_id, kind, case_id, recipient_kind,
               line_phone_number_id, state, attempts, owner, lease_until, last_error_code,
               request)
           VALUES ($1, 'receipt', $2, 'citizen', $3, 'pending', 1, 'dead-instance',
                   now() - interval '1 second', 130429, $4::jsonb)""",
        req.message_id, req.case_id, LINE, req.model_dump_json(),
    )
    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    assert [m["body"]["biz_opaque_callback_data"] for m in messages] == [req.message_id]
    row = await poll(
        lambda: pg.fetchrow(
            "SELECT * FROM notifier_sends WHERE notification_id = $1 AND state = 'sent'",
            req.message_id,
        )
    )
    assert row["attempts"] == 2 and row["wamid"] == messages[0]["wamid"]


async def test_a_receipt_right_behind_a_busy_inbound_stream_is_still_a_free_reply(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka
) -> None:
    """The citizen's message and the router's receipt reach the notifier on different
    topics. With the inbound loop behind (a burst of other citizens' messages), the receipt
    must wait for the citizen's message to be recorded rather than go out as a paid template."""
    inbound_topic = WHATSAPP_INBOUND.full_name(kafka.prefix)
    burst = [inbound_from(unique_phone()) for _ in range(3000)]
    futures = [
        await kafka.producer.send(inbound_topic, m.to_bytes(), key=m.sender.key.encode())
        for m in burst
    ]
    phone = unique_phone()
    await sandbox.send_inbound_text(phone, "Pak, motor saya hilang", line=LINE)
    await kafka.inbound(inbound_from(phone))
    req = receipt(phone)  # made after the citizen's message, as the router does
    await kafka.request(req)
    await asyncio.gather(*futures)

    messages = await sandbox.wait_for_messages(phone, count=1, within=30)
    assert [m["body"]["type"] for m in messages] == ["text"], "the window was missed"
