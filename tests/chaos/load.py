"""A bounded load generator: distinct citizens, each sending one report that names a
village with a Bhabin, at a fixed rate, through the sandbox's inbound endpoint (which
signs the webhook and POSTs it to the real ingest). Records what ingest answered."""

from __future__ import annotations

import asyncio
import csv
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.e2e.people import REPO, ROSTER

AREA_DATA = REPO.parent / "shared" / "data" / "idn-area"


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    district: str
    bhabin_id: str
    bhabin_wa_id: str
    kapolsek_wa_id: str


def villages_with_a_bhabin() -> list[Village]:
    """Villages of the sample roster's regency whose name is unique there and that have an
    active Bhabin: a report naming one has exactly one right first tier."""
    regency = ROSTER.regency_code
    with (AREA_DATA / "districts.csv").open() as f:
        districts = {r["code"]: r["name"] for r in csv.DictReader(f)
                     if r["code"].startswith(regency + ".")}
    with (AREA_DATA / "villages.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r["code"].startswith(regency + ".")]
    names = Counter(r["name"] for r in rows)
    kapolsek = {o.area_codes[0]: o.wa_id for o in ROSTER.officers
                if o.tier.value == "kapolsek" and o.active}
    bhabin = {code: o for o in ROSTER.officers if o.tier.value == "bhabin" and o.active
              for code in o.area_codes}
    return [
        Village(r["code"], r["name"], districts[r["district_code"]], bhabin[r["code"]].officer_id,
                bhabin[r["code"]].wa_id, kapolsek[r["district_code"]])
        for r in rows
        if names[r["name"]] == 1 and r["code"] in bhabin and r["district_code"] in kapolsek
    ]


@dataclass
class Report:
    number: int
    phone: str
    village: Village
    fast: bool  # a gambling report: its tiers' windows are seconds, so it escalates
    text: str
    scheduled: float = 0.0
    outcome: str = "unsent"  # accepted | refused | unknown
    detail: str = ""


def make_reports(count: int, rng: random.Random, fast_every: int = 10) -> list[Report]:
    villages = villages_with_a_bhabin()
    reports = []
    for i in range(count):
        village = rng.choice(villages)
        phone = f"62858{i:08d}"
        fast = i % fast_every == 0
        place = f"di desa {village.name} kec. {village.district}"
        text = (f"Pak, ada judi dadu tiap malam {place}, warga resah (laporan {i})" if fast
                else f"Assalamualaikum pak, tadi malam sepeda saya dicuri orang {place}. "
                     f"Mohon bantuannya (laporan {i})")
        reports.append(Report(i, phone, village, fast, text))
    return reports


@dataclass
class LoadGenerator:
    sandbox_url: str
    rate_per_s: float
    reports: list[Report]
    max_in_flight: int = 200
    sent: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    async def _send(self, client: httpx.AsyncClient, report: Report,
                    gate: asyncio.Semaphore) -> None:
        async with gate:
            try:
                response = await client.post("/sandbox/inbound", json={
                    "from": report.phone, "type": "text", "text": report.text,
                    "profile_name": f"Warga {report.number}",
                })
                answer = response.json() if response.status_code == 200 else {}
                if answer.get("status_code") == 200:
                    report.outcome = "accepted"
                elif response.status_code == 200:
                    report.outcome = "refused"
                    report.detail = f"ingest {answer.get('status_code')}: {answer.get('error')}"
                else:
                    report.outcome = "unknown"
                    report.detail = f"sandbox {response.status_code}"
            except httpx.HTTPError as exc:
                report.outcome = "unknown"
                report.detail = repr(exc)
            self.outcomes[report.outcome] += 1

    async def run(self, keep_going: asyncio.Event) -> None:
        """Send at the fixed rate (scheduled times, no catching up in bursts) until every
        report is sent or `keep_going` is cleared; wait for the answers."""
        gate = asyncio.Semaphore(self.max_in_flight)
        tasks: list[asyncio.Task[None]] = []
        start = time.monotonic()
        async with httpx.AsyncClient(base_url=self.sandbox_url, timeout=60.0,
                                     limits=httpx.Limits(max_connections=self.max_in_flight)
                                     ) as client:
            for i, report in enumerate(self.reports):
                if not keep_going.is_set():
                    break
                due = start + i / self.rate_per_s
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                report.scheduled = due
                self.sent += 1
                tasks.append(asyncio.create_task(self._send(client, report, gate)))
            await asyncio.gather(*tasks)


def write_outcomes(reports: list[Report], path: Path) -> None:
    with path.open("w") as f:
        out = csv.writer(f)
        out.writerow(["number", "phone", "village", "fast", "outcome", "detail"])
        for r in reports:
            if r.outcome != "unsent":
                out.writerow([r.number, r.phone, r.village.code, r.fast, r.outcome, r.detail])
