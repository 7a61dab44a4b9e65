"""Distinct citizen reports to the Kapolres line, as the benchmarks send them: each from
its own phone, naming one village that has a Bhabin (so the router opens a case and sends a
receipt at once, never a village question), as a signed Meta webhook body or as the
`InboundMessage` ingest would publish for it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from contracts.roster import load_roster
from services.ingest.lines_config import LineDirectory
from services.ingest.normalise import Outgoing, normalise_body
from services.sandbox.signing import meta_json_bytes, signature
from services.sandbox.webhook_bodies import Citizen, InboundSpec, Line, inbound_body

REPO = Path(__file__).resolve().parents[1]
ROSTER_FILE = REPO / "deploy/sample-data/roster.bojonegoro.sample.json"
AREA_DIR = REPO.parent / "shared/data/idn-area"
KAPOLRES_LINE = Line("103522000000000", "6285335220000", "102290129340398")
REGENCY = "35.22"


@dataclass(frozen=True)
class Place:
    village: str
    district: str


@cache
def places() -> tuple[Place, ...]:
    """Villages of the sample roster's Bhabins whose name is one word and unique in the
    regency, with their district's name: text naming them routes without a question."""
    roster = load_roster(ROSTER_FILE)
    covered = {code for o in roster.officers if o.tier.value == "bhabin" and o.active
               for code in o.area_codes}
    with (AREA_DIR / "districts.csv").open() as f:
        districts = {r["code"]: r["name"] for r in csv.DictReader(f)
                     if r["regency_code"] == REGENCY}
    with (AREA_DIR / "villages.csv").open() as f:
        villages = [r for r in csv.DictReader(f) if r["district_code"] in districts]
    names: dict[str, int] = {}
    for r in villages:
        names[r["name"].lower()] = names.get(r["name"].lower(), 0) + 1
    chosen = [Place(r["name"], districts[r["district_code"]]) for r in villages
              if r["code"] in covered and names[r["name"].lower()] == 1
              and r["name"].isalpha() and len(r["name"]) >= 6]
    if not chosen:
        raise RuntimeError("no village of the sample roster fits the benchmark")
    return tuple(chosen)


def phone(run: int, n: int) -> str:
    """A distinct Indonesian mobile number per (run, n): 62858 + 2 digits run + 6 digits n."""
    return f"62858{run % 100:02d}{n:06d}"


def report_text(n: int) -> str:
    place = places()[n % len(places())]
    return (f"Selamat malam pak, motor saya dicuri tadi di desa {place.village} "
            f"kec. {place.district}")


def webhook_body(run: int, n: int, tag: str) -> bytes:
    """The signed-ready bytes of one text message from citizen n to the Kapolres line."""
    wa_id = phone(run, n)
    body = inbound_body(
        InboundSpec(type="text", text=report_text(n)),
        Citizen(wa_id=wa_id, user_id=None, profile_name="Warga"),
        KAPOLRES_LINE,
        wamid=f"wamid.bench-{tag}-{n}",
    )
    return meta_json_bytes(body)


def signed_headers(raw: bytes, app_secret: str) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-Hub-Signature-256": signature(raw, app_secret)}


def inbound_event(run: int, n: int, tag: str) -> Outgoing:
    """The `whatsapp.inbound` record ingest publishes for `webhook_body(run, n, tag)`."""
    events = normalise_body(webhook_body(run, n, tag), _lines(), datetime.now(UTC)).events
    if len(events) != 1:
        raise RuntimeError(f"expected one inbound event, got {len(events)}")
    return events[0]


@cache
def _lines() -> LineDirectory:
    return LineDirectory(load_roster(ROSTER_FILE))
