"""Poison items over real HTTP into the real Kafka and PostgreSQL (issue 13): each POST
answers 200 once Kafka has its events, the good message of the same body is published, a
retry by Meta is a duplicate (no 503 forever), and what cannot be carried is on
`whatsapp.deadletter` with the raw body and the reason."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.ingest.ingest_process import IngestProcess, post_signed
from tests.ingest.kafka_collector import KafkaCollector
from tests.ingest.poison import DEAD_LETTERED, POISONS, body_with_poison

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(ingest: IngestProcess) -> AsyncIterator[httpx.AsyncClient]:
    async with ingest.client() as c:
        yield c


@pytest.mark.parametrize("name", sorted(POISONS))
async def test_poison_item_answers_200_and_its_neighbour_is_published(
    name: str, client: httpx.AsyncClient, collector: KafkaCollector
) -> None:
    run = uuid.uuid4().hex[:10]
    field, raw = POISONS[name]
    body = body_with_poison(run, field, raw)
    response = await post_signed(client, body)
    assert response.status_code == 200, response.text
    await collector.one(f"in:wamid.{run}-good")
    if name in DEAD_LETTERED:
        sha = hashlib.sha256(body).hexdigest()
        (dead,) = await collector.wait_for(
            lambda r: r.topic == "whatsapp.deadletter" and r.value["body_sha256"] == sha)
        assert dead.value["body"] == body.decode()
        assert "nested deeper than" in dead.value["rejected"][0]["reason"]
    else:
        (event,) = await collector.wait_for(
            lambda r: r.topic == "whatsapp.inbound" and f"wamid.{run}-poison" in r.value["wamid"])
        assert "\x00" not in event.value["wamid"] and "\x00" not in (event.value["text"] or "")
    again = await post_signed(client, body)  # Meta's retry: a duplicate, never a 503
    assert again.status_code == 200 and again.json()["published"] == 0
