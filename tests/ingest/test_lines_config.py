"""phone_number_id -> line, from the roster file (or unconfigured without one)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts.hierarchy import Tier
from contracts.whatsapp_events import InboundMessage
from services.ingest.lines_config import load_lines
from services.ingest.normalise import normalise_body
from services.ingest.settings import IngestSettings
from tests.ingest.webhooks import ROSTER, change, encode, text_message, webhook


def test_configured_unknown_and_missing_roster(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text(json.dumps(ROSTER), encoding="utf-8")
    lines = load_lines(path)
    kapolres = lines("103522000000000", None)
    assert kapolres.tier is Tier.KAPOLRES and kapolres.label == "Polres Bojonegoro"
    polsek = lines("103522070000000", "6285335227000")
    assert polsek.display_phone_number == "6285335227000"  # filled from the webhook
    assert lines("42", "6280").tier is None
    assert load_lines(tmp_path / "absent.json")("103522000000000", None).tier is None


def test_relative_roster_path_is_resolved_against_the_repo_root(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MATUR_ROSTER_FILE", "deploy/sample-data/roster.bojonegoro.sample.json")
    path = IngestSettings().roster_path()
    assert path.is_absolute() and path.parts[-3:] == (
        "deploy", "sample-data", "roster.bojonegoro.sample.json")


def test_shipped_sample_roster_maps_the_kapolres_line() -> None:
    path = IngestSettings().roster_path()
    if not path.exists():
        pytest.skip("sample roster not shipped yet")
    body = webhook([change(messages=[text_message("wamid.roster")])])
    (out,) = normalise_body(encode(body), load_lines(path), datetime.now(UTC)).events
    assert isinstance(out.event, InboundMessage)
    assert out.event.line.tier is Tier.KAPOLRES


def test_numbers_sent_as_json_numbers_are_kept_as_text() -> None:
    body = webhook([change(messages=[{**text_message("wamid.num"), "from": 6281300000009}],
                           contacts=[{"wa_id": 6281300000009, "profile": {"name": "A"}}])])
    (out,) = normalise_body(encode(body), load_lines(Path("/nonexistent")),
                            datetime.now(UTC)).events
    assert isinstance(out.event, InboundMessage)
    assert out.event.sender.wa_id == "6281300000009"
