"""The webhook over real HTTP, into the real Kafka, deduplicated in the real PostgreSQL."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from contracts.lines import citizen_key
from services.ingest.signature import sign
from tests.ingest.conftest import Spawn
from tests.ingest.expectations import (
    EXPECTED,
    first_item,
    mismatches,
    sample_files,
    unique_wamids,
)
from tests.ingest.ingest_process import (
    APP_SECRET,
    VERIFY_TOKEN,
    IngestProcess,
    post_signed,
)
from tests.ingest.kafka_collector import KafkaCollector
from tests.ingest.webhooks import (
    LINE_ID,
    POLSEK_LINE_ID,
    change,
    contact,
    encode,
    single_text,
    status,
    text_message,
    webhook,
)

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(ingest: IngestProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with ingest.client() as c:
        yield c


def run_id() -> str:
    return uuid.uuid4().hex[:10]


async def barrier(client: httpx.AsyncClient, collector: KafkaCollector, wa_id: str) -> None:
    """Publish one more message from `wa_id` and wait for it: same key, same partition, so
    every event published for that sender before it has been read by then."""
    wamid = f"wamid.barrier-{run_id()}"
    response = await post_signed(client, encode(single_text(wamid, wa_id=wa_id)))
    assert response.status_code == 200
    await collector.one(f"in:{wamid}")


# --- verification handshake ------------------------------------------------------------------


async def test_verification_echoes_the_challenge_as_plain_text(client: httpx.AsyncClient) -> None:
    for challenge in ("1158201444", "random-String_0987"):
        response = await client.get("/webhook", params={
            "hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": challenge})
        assert response.status_code == 200
        assert response.text == challenge
        assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("params", [
    {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
    {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.challenge": "1"},
    {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN},
])
async def test_verification_refused(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    response = await client.get("/webhook", params=params)
    assert response.status_code == 403
    assert "1" != response.text


# --- signatures --------------------------------------------------------------------------


async def test_refused_signatures_publish_nothing(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    wa_id = "6281300000001"
    run = run_id()
    bodies = {name: encode(single_text(f"wamid.{run}-{name}", wa_id=wa_id))
              for name in ("missing", "forged", "stale", "changed")}
    headers = {"Content-Type": "application/json"}
    missing = await client.post("/webhook", content=bodies["missing"], headers=headers)
    assert missing.status_code == 401 and "missing" in missing.json()["error"]
    forged = await client.post("/webhook", content=bodies["forged"], headers={
        **headers, "X-Hub-Signature-256": "sha256=" + "ab" * 32})
    assert forged.status_code == 403
    stale = await post_signed(client, bodies["stale"], secret="test-app-secret-retired")
    assert stale.status_code == 403
    signature = sign(bodies["changed"], APP_SECRET)
    one_byte_changed = bodies["changed"].replace(b"motor", b"Motor")
    changed = await client.post("/webhook", content=one_byte_changed, headers={
        **headers, "X-Hub-Signature-256": signature})
    assert changed.status_code == 403
    await barrier(client, collector, wa_id)
    assert collector.matching(lambda r: run in r.value.get("message_id", "")) == []


async def test_previous_app_secrets_are_accepted_during_rotation(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = run_id()
    for n, secret in enumerate(("test-app-secret-old-1b7e", "test-app-secret-older-55aa")):
        body = encode(single_text(f"wamid.{run}-{n}"))
        assert (await post_signed(client, body, secret=secret)).status_code == 200
        await collector.one(f"in:wamid.{run}-{n}")


async def test_raw_bytes_with_emoji_and_escaped_slashes_are_accepted(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    wamid = f"wamid.{run_id()}"
    # Meta's escaping: \uXXXX (here a surrogate pair) and \/; plus literal UTF-8 bytes.
    raw = (
        '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",'
        '"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6285335220000",'
        f'"phone_number_id":"{LINE_ID}"}},"contacts":[{{"profile":{{"name":"Bu Sri"}},'
        '"wa_id":"6281300000002"}],"messages":[{"from":"6281300000002",'
        f'"id":"{wamid}","timestamp":"1764460800","type":"text","text":{{"body":'
        '"Tolong \\ud83d\\ude4f motor hilang di jl. Veteran 12\\/3 — 🚨"}}]}}]}]}'
    ).encode()
    assert json.loads(raw)  # valid JSON, signed over these exact bytes
    response = await post_signed(client, raw)
    assert response.status_code == 200, response.text
    record = await collector.one(f"in:{wamid}")
    assert record.value["text"] == "Tolong 🙏 motor hilang di jl. Veteran 12/3 — 🚨"


# --- content of every sample -------------------------------------------------------------


async def test_every_sample_file_is_published_with_its_content(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    for n, path in enumerate(sample_files()):
        run = f"{run_id()}{n}"  # several samples share a wamid: one run each
        topic, expected = EXPECTED[path.name]
        body = unique_wamids(path.read_bytes(), run) if topic != "whatsapp.deadletter" else (
            path.read_bytes().replace(b"{", b'{"_run": "' + run.encode() + b'", ', 1))
        response = await post_signed(client, body)
        assert response.status_code == 200, (path.name, response.text)
        if topic == "whatsapp.deadletter":
            records = await collector.dead_letter_of(body)
            assert records[0].key is None
            continue
        item = first_item(body)
        prefix = "in:" if topic == "whatsapp.inbound" else "st:"
        suffix = "" if topic == "whatsapp.inbound" else f":{item['status']}"
        record = await collector.one(f"{prefix}{item['id']}{suffix}")
        assert record.topic == topic, path.name
        assert mismatches(record.value, expected, run) == [], path.name
        assert record.value["raw"] == item, path.name
        if topic == "whatsapp.inbound":
            assert record.key == record.value["sender"]["key"]
        else:
            assert record.key == item["id"]  # statuses are keyed by our message's wamid


# --- batches -----------------------------------------------------------------------------


async def test_batch_of_entries_changes_messages_statuses_and_errors(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = run_id()
    error = {"code": 130429, "title": "Rate limit hit", "message": "Rate limit hit",
             "error_data": {"details": f"throughput reached {run}"}}
    body = webhook(
        [change(messages=[text_message(f"wamid.{run}-a", wa_id="6281300000003"),
                          text_message(f"wamid.{run}-b", wa_id=None, user_id=f"ID.{run}")],
                contacts=[contact("6281300000003"), contact(None, f"ID.{run}")]),
         change(statuses=[status(f"wamid.{run}-out", "sent"),
                          status(f"wamid.{run}-out", "read")])],
        [change(messages=[text_message(f"wamid.{run}-c", wa_id="6281300000004")],
                errors=[error], line_id=POLSEK_LINE_ID)],
    )
    response = await post_signed(client, encode(body))
    assert response.status_code == 200
    assert response.json()["published"] == 6
    a = await collector.one(f"in:wamid.{run}-a")
    b = await collector.one(f"in:wamid.{run}-b")
    c = await collector.one(f"in:wamid.{run}-c")
    sent = await collector.one(f"st:wamid.{run}-out:sent")
    read = await collector.one(f"st:wamid.{run}-out:read")
    (err,) = await collector.wait_for(
        lambda r: r.topic == "whatsapp.errors" and run in json.dumps(r.value))
    assert a.key == citizen_key(None, "6281300000003") and a.value["line"]["tier"] == "kapolres"
    assert b.key == citizen_key(f"ID.{run}", None) and b.value["sender"]["wa_id"] is None
    assert c.key == citizen_key(None, "6281300000004") and c.value["line"]["tier"] == "kapolsek"
    assert c.value["line"]["area_codes"] == ["35.22.07"]
    assert sent.topic == read.topic == "whatsapp.statuses"
    assert sent.key == read.key == f"wamid.{run}-out"
    assert err.key == POLSEK_LINE_ID and err.value["errors"][0]["code"] == 130429


async def test_thousand_updates_in_one_post_yield_thousand_events(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = run_id()
    messages = [text_message(f"wamid.{run}-m{i}", wa_id=f"62813{i:08d}") for i in range(600)]
    statuses = [status(f"wamid.{run}-s{i}", "delivered") for i in range(400)]
    body = webhook([change(messages=messages[:300]), change(messages=messages[300:])],
                   [change(statuses=statuses)])
    response = await post_signed(client, encode(body))
    assert response.status_code == 200 and response.json()["published"] == 1000
    records = await collector.wait_for(lambda r: f"wamid.{run}-" in r.value["message_id"], 1000)
    assert len({r.value["message_id"] for r in records}) == 1000


# --- duplicates --------------------------------------------------------------------------


async def test_same_body_twice_yields_one_event(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    wa_id, wamid = "6281300000005", f"wamid.{run_id()}"
    body = encode(single_text(wamid, wa_id=wa_id))
    first = await post_signed(client, body)
    second = await post_signed(client, body)
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json() == {"status": "ok", "published": 0, "duplicates": 1}
    await barrier(client, collector, wa_id)
    assert len(collector.by_message_id(f"in:{wamid}")) == 1


async def test_concurrent_duplicates_yield_one_event(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    wa_id, wamid = "6281300000006", f"wamid.{run_id()}"
    body = encode(webhook([change(messages=[text_message(wamid, wa_id=wa_id)],
                                  statuses=[status(f"{wamid}-out", "read")])]))
    responses = await asyncio.gather(*(post_signed(client, body) for _ in range(6)))
    assert [r.status_code for r in responses] == [200] * 6
    assert sum(r.json()["published"] for r in responses) == 2
    await barrier(client, collector, wa_id)
    assert len(collector.by_message_id(f"in:{wamid}")) == 1
    await collector.one(f"st:{wamid}-out:read")
    assert len(collector.by_message_id(f"st:{wamid}-out:read")) == 1


async def test_duplicate_after_an_ingest_restart_yields_one_event(
    spawn: Spawn, collector: KafkaCollector
) -> None:
    wa_id, wamid = "6281300000007", f"wamid.{run_id()}"
    body = encode(single_text(wamid, wa_id=wa_id))
    first = spawn("restart-1")
    await first.wait_serving()
    async with first.client() as c:
        assert (await post_signed(c, body)).status_code == 200
    await collector.one(f"in:{wamid}")
    first.stop()
    second = spawn("restart-2")
    await second.wait_serving()
    async with second.client() as c:
        again = await post_signed(c, body)
        assert again.status_code == 200 and again.json()["duplicates"] == 1
        await barrier(c, collector, wa_id)
    assert len(collector.by_message_id(f"in:{wamid}")) == 1


# --- bodies we cannot understand, limits ---------------------------------------------------


async def test_malformed_authentic_bodies_go_to_the_dead_letter_with_200(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = run_id()
    not_json = f"<html>{run}</html>".encode()
    wrong_shape = json.dumps({"object": "whatsapp_business_account", "entries": run}).encode()
    for body, reason in ((not_json, "not JSON"), (wrong_shape, "not a WhatsApp webhook")):
        response = await post_signed(client, body)
        assert response.status_code == 200
        (record,) = await collector.dead_letter_of(body)
        assert reason in record.value["reason"]
        assert record.value["message_id"].startswith("dl:")


async def test_large_malformed_body_is_kept_cut_to_fit_a_kafka_record(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    body = f"not json {run_id()} ".encode() + b"x" * 2_000_000  # twice Kafka's record limit
    response = await post_signed(client, body)
    assert response.status_code == 200
    sha = hashlib.sha256(body).hexdigest()
    (record,) = await collector.wait_for(
        lambda r: r.topic == "whatsapp.deadletter" and r.value.get("body_sha256") == sha)
    assert record.value["body_truncated"] is True
    assert body.decode().startswith(record.value["body"])


async def test_legacy_sha1_signature_alone_counts_as_missing(client: httpx.AsyncClient) -> None:
    body = encode(single_text(f"wamid.{run_id()}"))
    legacy = "sha1=" + hmac.new(APP_SECRET.encode(), body, hashlib.sha1).hexdigest()
    response = await client.post("/webhook", content=body, headers={
        "Content-Type": "application/json", "X-Hub-Signature": legacy})
    assert response.status_code == 401


async def test_one_bad_item_is_dead_lettered_and_the_rest_published(
    client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = run_id()
    body = webhook([change(messages=[text_message(f"wamid.{run}"),
                                     {"type": "text", "text": {"body": run}}])])
    assert (await post_signed(client, encode(body))).status_code == 200
    await collector.one(f"in:wamid.{run}")
    (dead,) = await collector.wait_for(
        lambda r: r.topic == "whatsapp.deadletter" and run in r.value["body"])
    assert dead.value["rejected"][0]["path"] == "entry[0].changes[0].value.messages[1]"
    assert dead.value["rejected"][0]["item"] == {"type": "text", "text": {"body": run}}


async def test_oversize_body_is_refused_with_413(client: httpx.AsyncClient) -> None:
    body = b'{"object":"whatsapp_business_account","entry":[],"pad":"' + b"x" * 3_200_000 + b'"}'
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body, APP_SECRET)}
    declared = await client.post("/webhook", content=body, headers=headers)
    assert declared.status_code == 413
    assert "error" in declared.json() and "Traceback" not in declared.text

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted while streamed
        for i in range(0, len(body), 65536):
            yield body[i : i + 65536]

    streamed = await client.post("/webhook", content=chunks(), headers=headers)
    assert streamed.status_code == 413 and "error" in streamed.json()

    just_under = b'{"object":"whatsapp_business_account","entry":[],"pad":"' + (
        b"x" * (3 * 1024 * 1024 - 100)) + b'"}'
    accepted = await post_signed(client, just_under)  # Meta sends up to 3 MB
    assert accepted.status_code == 200


async def test_wrong_content_type_is_refused_with_415(client: httpx.AsyncClient) -> None:
    body = encode(single_text(f"wamid.{run_id()}"))
    for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
        headers = {"X-Hub-Signature-256": sign(body, APP_SECRET)}
        if content_type:
            headers["Content-Type"] = content_type
        response = await client.post("/webhook", content=body, headers=headers)
        assert response.status_code == 415
        assert "application/json" in response.json()["error"]


# --- operations --------------------------------------------------------------------------


async def test_health_readiness_and_metrics(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json()["status"] == "ok"
    ready = (await client.get("/readyz")).json()
    assert ready["ready"] is True
    assert ready["checks"] == {"kafka": True, "postgres": True, "directory": True}
    metrics = (await client.get("/metrics")).text

    def value(pattern: str) -> float:
        found = re.search(pattern + r" ([0-9.e+]+)", metrics)
        assert found, pattern
        return float(found.group(1))

    assert value(r'matur_ingest_webhook_requests_total\{method="POST",outcome="accepted"\}') > 0
    assert value(r'matur_ingest_events_published_total\{type="inbound"\}') > 0
    assert value(r'matur_ingest_duplicates_skipped_total\{type="inbound"\}') > 0
    assert value(r'matur_ingest_signature_failures_total\{reason="mismatch"\}') > 0
    assert value(r"matur_ingest_produce_latency_seconds_count") > 0


async def test_logs_carry_no_secret_and_no_phone_number(ingest: IngestProcess) -> None:
    """Runs after the tests above (file order) against the same process's log."""
    logs = ingest.logs()
    assert "webhook signature refused" in logs  # the log does cover those requests
    for secret in (APP_SECRET, "test-app-secret-old-1b7e", "test-app-secret-older-55aa",
                   VERIFY_TOKEN):
        assert secret not in logs
    assert not re.search(r"628\d{9,}", logs), "a full phone number reached the logs"
    for phone in ("972987654321", "491234567890", "333333333333"):  # samples' numbers: not
        assert phone not in logs  # Indonesian, so only our own discipline keeps them out
    for line in logs.splitlines():
        assert line.startswith("{"), line  # every line is one JSON record, no stack trace
