"""phone_number_id -> line, from the directory's lines (unconfigured when it has none),
and a line added to the directory applies to the next webhook without a restart."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from aiokafka import AIOKafkaProducer

from contracts.hierarchy import Tier
from contracts.lines import Line
from contracts.roster import Roster, load_roster
from contracts.topics import DIRECTORY_LINES
from contracts.whatsapp_events import InboundMessage
from servicekit.settings import repo_path
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import normalise_body
from tests.conftest import Infra
from tests.ingest.ingest_process import IngestProcess, post_signed
from tests.ingest.kafka_collector import KafkaCollector
from tests.ingest.webhooks import ROSTER, change, encode, text_message, webhook

SAMPLE = repo_path("deploy/sample-data/roster.bojonegoro.sample.json")


def test_configured_unknown_and_missing_lines() -> None:
    lines = LineDirectory(Roster.model_validate(ROSTER))
    kapolres = lines("103522000000000", None)
    assert kapolres.tier is Tier.KAPOLRES and kapolres.label == "Polres Bojonegoro"
    polsek = lines("103522070000000", "6285335227000")
    assert polsek.display_phone_number == "6285335227000"  # filled from the webhook
    assert lines("42", "6280").tier is None
    assert LineDirectory(None)("103522000000000", None).tier is None


def test_shipped_sample_roster_maps_the_kapolres_line() -> None:
    body = webhook([change(messages=[text_message("wamid.roster")])])
    lines = LineDirectory(load_roster(SAMPLE))
    (out,) = normalise_body(encode(body), lines, datetime.now(UTC)).events
    assert isinstance(out.event, InboundMessage)
    assert out.event.line.tier is Tier.KAPOLRES


def test_numbers_sent_as_json_numbers_are_kept_as_text() -> None:
    body = webhook([change(messages=[{**text_message("wamid.num"), "from": 6281300000009}],
                           contacts=[{"wa_id": 6281300000009, "profile": {"name": "A"}}])])
    (out,) = normalise_body(encode(body), LineDirectory(None), datetime.now(UTC)).events
    assert isinstance(out.event, InboundMessage)
    assert out.event.sender.wa_id == "6281300000009"


async def test_a_new_line_applies_to_the_next_webhook(
    infra: Infra, ingest: IngestProcess, collector: KafkaCollector
) -> None:
    """A Bhabin line added to the directory while ingest runs: the next message to it
    carries the line's tier and villages (ingest is not restarted)."""
    line = Line(phone_number_id="103522159990000", tier=Tier.BHABIN,
                area_codes=("35.22.15.1011",), label="Bhabinkamtibmas Kadipaten (uji)")
    producer = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(DIRECTORY_LINES.full_name(infra.topic_prefix),
                                     line.to_bytes(), key=line.phone_number_id.encode())
    finally:
        await producer.stop()
    async with ingest.client() as client:
        for attempt in range(50):  # the feed applies it within moments
            wamid = f"wamid.newline.{attempt}"
            body = webhook([change(messages=[text_message(wamid)], line_id=line.phone_number_id)])
            response = await post_signed(client, encode(body))
            assert response.status_code == 200, response.text
            event = (await collector.one(f"in:{wamid}")).value
            if event["line"]["tier"] == "bhabin":
                assert event["line"]["area_codes"] == ["35.22.15.1011"]
                return
            await asyncio.sleep(0.2)
    raise AssertionError("ingest never used the new line")
