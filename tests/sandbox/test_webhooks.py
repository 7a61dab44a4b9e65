"""The sandbox delivers signed webhooks over real HTTP, as Meta would."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import httpx

from services.sandbox.client import SandboxClient
from tests.sandbox.servers import APP_SECRET, Received, WebhookReceiver

LINE = "103522000000000"
PHONE = "6281234567890"


def signed_by_app_secret(received: Received) -> bool:
    expected = hmac.new(APP_SECRET.encode(), received.raw, hashlib.sha256).hexdigest()
    return received.headers["x-hub-signature-256"] == f"sha256={expected}"


def statuses_of(wamid: str) -> Any:
    def match(received: Received) -> bool:
        return any(s["id"] == wamid for s in received.value.get("statuses", []))
    return match


async def send_text(graph: httpx.AsyncClient, version: str = "v25.0",
                    **extra: Any) -> str:
    response = await graph.post(f"/{version}/{LINE}/messages", json={
        "messaging_product": "whatsapp", "to": f"+{PHONE}", "type": "text",
        "text": {"body": "Laporan Anda kami terima."}, **extra})
    assert response.status_code == 200, response.text
    wamid: str = response.json()["messages"][0]["id"]
    return wamid


async def test_inbound_text_arrives_signed_over_the_raw_bytes_with_emoji_intact(
    client: SandboxClient, receiver: WebhookReceiver
) -> None:
    result = await client.send_inbound_text(PHONE, "Pak, motor saya dicuri 🙏 di jl. A/B",
                                            profile_name="Siti Aminah")

    assert result["status_code"] == 200 and result["attempts"] == 1 and result["delivered"]
    [received] = await receiver.wait_for(lambda r: "messages" in r.value)
    assert signed_by_app_secret(received)
    assert received.headers["content-type"] == "application/json"
    # Meta's serialisation: ASCII only, \uXXXX escapes (lowercase hex) and escaped slashes.
    assert received.raw.isascii()
    assert b"\\ud83d\\ude4f" in received.raw and b"A\\/B" in received.raw
    assert b": " not in received.raw

    body = received.json
    assert body["object"] == "whatsapp_business_account"
    change = body["entry"][0]["changes"][0]
    assert change["field"] == "messages"
    value = change["value"]
    assert value["messaging_product"] == "whatsapp"
    assert value["metadata"] == {"display_phone_number": "6285335220000",
                                 "phone_number_id": LINE}
    [contact] = value["contacts"]
    assert contact["profile"] == {"name": "Siti Aminah"}
    assert contact["wa_id"] == PHONE and contact["user_id"].startswith("ID.")
    [message] = value["messages"]
    assert message["from"] == PHONE
    assert message["id"] == result["wamid"] and message["id"].startswith("wamid.")
    assert isinstance(message["timestamp"], str) and message["timestamp"].isdigit()
    assert message["type"] == "text"
    assert message["text"] == {"body": "Pak, motor saya dicuri 🙏 di jl. A/B"}


async def test_the_same_phone_keeps_its_bsuid_and_a_given_one_is_used(
    client: SandboxClient, receiver: WebhookReceiver
) -> None:
    first = await client.send_inbound_text(PHONE, "satu")
    second = await client.send_inbound_text(PHONE, "dua")
    given = await client.send_inbound_text("6281111111111", "tiga", user_id="ID.42")
    username = await client.send_inbound_text("6282222222222", "empat", hide_phone=True)

    assert first["user_id"] == second["user_id"]
    assert given["webhook"]["entry"][0]["changes"][0]["value"]["contacts"][0]["user_id"] == \
        "ID.42"
    hidden = username["webhook"]["entry"][0]["changes"][0]["value"]
    assert "wa_id" not in hidden["contacts"][0] and "from" not in hidden["messages"][0]
    assert hidden["messages"][0]["from_user_id"] == username["user_id"]


async def test_non_200_answers_are_retried_with_the_same_bytes(
    client: SandboxClient, receiver: WebhookReceiver
) -> None:
    receiver.fail_next = 2

    result = await client.send_inbound_location(PHONE, -7.1502, 111.8817, name="Pasar Kota")

    assert result["status_code"] == 200 and result["attempts"] == 3
    posts = [r for r in receiver.snapshot() if "messages" in r.value]
    assert [p.status_answered for p in posts] == [500, 500, 200]
    assert len({p.raw for p in posts}) == 1
    location = posts[-1].value["messages"][0]
    assert location["type"] == "location"
    assert location["location"] == {"latitude": -7.1502, "longitude": 111.8817,
                                    "name": "Pasar Kota"}


async def test_a_receiver_that_never_answers_200_is_given_up_on(
    client: SandboxClient, receiver: WebhookReceiver
) -> None:
    receiver.fail_next = 100
    result = await client.send_inbound_text(PHONE, "halo", attempts=2)
    assert result == {**result, "status_code": 500, "attempts": 2, "delivered": False}


async def test_choices_reply_to_the_message_that_offered_them(
    client: SandboxClient, receiver: WebhookReceiver, graph: httpx.AsyncClient
) -> None:
    offered = await send_text(graph)

    listed = await client.send_inbound_choice(PHONE, "village:35.22.07.2001", "Sukorejo")
    button = await client.send_inbound_choice(PHONE, "ack:case-1", "Terima",
                                              kind="button_reply")
    quick = await client.send_inbound_choice(PHONE, "rate:case-1:5", "5", kind="button")

    def message(result: dict[str, Any]) -> dict[str, Any]:
        item: dict[str, Any] = result["webhook"]["entry"][0]["changes"][0]["value"][
            "messages"][0]
        return item

    for result in (listed, button, quick):
        assert result["delivered"]
        assert message(result)["context"] == {"from": "6285335220000", "id": offered}
    assert message(listed)["interactive"] == {
        "type": "list_reply", "list_reply": {"id": "village:35.22.07.2001", "title": "Sukorejo"}}
    assert message(button)["interactive"] == {
        "type": "button_reply", "button_reply": {"id": "ack:case-1", "title": "Terima"}}
    assert message(quick)["type"] == "button"
    assert message(quick)["button"] == {"payload": "rate:case-1:5", "text": "5"}


async def test_a_send_is_followed_by_signed_sent_then_delivered_statuses(
    client: SandboxClient, receiver: WebhookReceiver, graph: httpx.AsyncClient
) -> None:
    await client.send_inbound_text(PHONE, "halo", profile_name="Siti")
    wamid = await send_text(graph, biz_opaque_callback_data="notif-1")

    posts = await receiver.wait_for(statuses_of(wamid), count=2)

    assert all(signed_by_app_secret(p) for p in posts)
    statuses = [p.value["statuses"][0] for p in posts]
    assert [s["status"] for s in statuses] == ["sent", "delivered"]
    for status in statuses:
        assert status["recipient_id"] == PHONE
        assert status["recipient_user_id"].startswith("ID.")
        assert status["timestamp"].isdigit()
        assert status["biz_opaque_callback_data"] == "notif-1"
        assert status["pricing"] == {"billable": False, "pricing_model": "PMP",
                                     "category": "service", "type": "free_customer_service"}
        assert "conversation" not in status  # omitted from v24.0 on
    assert posts[0].value["contacts"] == [
        {"profile": {"name": "Siti"}, "wa_id": PHONE, "user_id": statuses[0]["recipient_user_id"]}]
    assert posts[0].value["metadata"]["phone_number_id"] == LINE


async def test_older_api_versions_still_get_a_conversation(
    client: SandboxClient, receiver: WebhookReceiver, graph: httpx.AsyncClient
) -> None:
    wamid = await send_text(graph, version="v23.0")
    posts = await receiver.wait_for(statuses_of(wamid), count=2)
    sent = posts[0].value["statuses"][0]
    assert sent["conversation"]["origin"] == {"type": "service"}
    assert sent["conversation"]["expiration_timestamp"].isdigit()


async def test_an_asynchronous_failure_is_accepted_then_reported_as_failed(
    client: SandboxClient, receiver: WebhookReceiver, graph: httpx.AsyncClient
) -> None:
    await client.inject_failure(131026, count=1, is_async=True)

    wamid = await send_text(graph)
    [post] = await receiver.wait_for(statuses_of(wamid))
    later = await send_text(graph)
    await receiver.wait_for(statuses_of(later), count=2)

    status = post.value["statuses"][0]
    assert status["status"] == "failed"
    assert "contacts" not in post.value
    assert status["errors"] == [{
        "code": 131026,
        "title": "Message Undeliverable",
        "message": "Message Undeliverable",
        "error_data": {"details": "Message Undeliverable."},
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }]
    assert [p.value["statuses"][0]["status"] for p in receiver.snapshot()
            if statuses_of(wamid)(p)] == ["failed"]


async def test_raw_sample_bodies_can_be_delivered_signed(
    client: SandboxClient, receiver: WebhookReceiver
) -> None:
    sample = {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [
        {"field": "messages", "value": {"messaging_product": "whatsapp", "messages": [
            {"type": "reaction", "reaction": {"emoji": "\U0001f44d\U0001f3fd"}}]}}]}]}
    result = await client.deliver_raw(sample)

    assert result["delivered"]
    [post] = await receiver.wait_for(lambda r: r.json == sample)
    assert signed_by_app_secret(post)
    assert b"\\ud83d\\udc4d\\ud83c\\udffd" in post.raw
    assert json.loads(post.raw) == sample
