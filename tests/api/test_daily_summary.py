"""The Kapolres's daily summary without I/O: when it is due (WIB), what one Kapolres's
summary holds from the per-district rows, who receives it and the request's id; the job
publishing once per day per process with an injected clock (the real stack:
tests/e2e/test_daily_summary.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from contracts.notifications import NotificationKind, NotificationRequest, RecipientKind
from contracts.roster import Officer
from services.api.daily_summary import job as job_module
from services.api.daily_summary.job import DailySummaryJob, SummaryConfig
from services.api.daily_summary.requests import kapolres_of, notification_id, summary_request
from services.api.daily_summary.schedule import day_bounds, due_day
from services.api.daily_summary.summary import Tally, summarize

NAMES = {"35.22.01": "Ngraho", "35.22.02": "Tambakrejo", "35.22.03": "Ngambon",
         "35.22.04": "Sekar"}
DAY = date(2026, 12, 1)


def kapolres(officer_id: str = "kpr", **fields: Any) -> Officer:
    values: dict[str, Any] = {"officer_id": officer_id, "name": "AKBP Eko", "tier": "kapolres",
                              "wa_id": "6281100000005", "area_codes": ["35.22"]}
    return Officer.model_validate({**values, **fields})


def wib(hour: int, minute: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


def test_the_summary_of_yesterday_is_due_from_the_hour_local_time() -> None:
    assert due_day(wib(6, 59), 7) is None
    assert due_day(wib(7, 0), 7) == DAY
    assert due_day(wib(23, 59), 7) == DAY
    assert due_day(datetime(2026, 12, 2, 0, 0, tzinfo=UTC), 7) == DAY  # 07:00 WIB
    assert due_day(wib(0, 0), 0) == DAY
    start, end = day_bounds(DAY)
    assert start.astimezone(UTC) == datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
    assert end - start == timedelta(days=1)


def test_a_summary_adds_the_rows_up_and_names_the_worst_districts() -> None:
    rows = [
        Tally("35.22.01", None, reports=4, emergencies=1, open=10, overdue=1),
        Tally("35.22.02", None, reports=2, emergencies=0, open=3, overdue=3),
        Tally("35.22.03", None, reports=1, emergencies=0, open=12, overdue=1),
        Tally("35.22.04", None, reports=1, emergencies=0, open=1, overdue=0),
        Tally(None, None, reports=2, emergencies=1, open=2, overdue=2),  # awaiting a village
        Tally("35.22.09", None, reports=3, emergencies=0, open=0, overdue=0),  # all closed
    ]
    summary = summarize(DAY, rows, "kpr", NAMES.get)
    assert (summary.reports, summary.emergencies, summary.open, summary.overdue) == (
        13, 2, 28, 7)
    assert [(d.name, d.overdue, d.open) for d in summary.worst] == [
        ("Tambakrejo", 3, 3), ("Ngambon", 1, 12), ("Ngraho", 1, 10)]
    assert summary.params() == {
        "date": "2026-12-01", "reports": 13, "emergencies": 2, "open": 28, "overdue": 7,
        "districts": [{"name": "Tambakrejo", "open": 3, "overdue": 3},
                      {"name": "Ngambon", "open": 12, "overdue": 1},
                      {"name": "Ngraho", "open": 10, "overdue": 1}],
    }


def test_a_kapolres_does_not_count_complaints_about_himself() -> None:
    rows = [
        Tally("35.22.01", None, reports=1, emergencies=0, open=1, overdue=0),
        Tally("35.22.01", "kpr", reports=1, emergencies=0, open=1, overdue=1),
        Tally("35.22.02", "bhb-b", reports=1, emergencies=0, open=1, overdue=0),
    ]
    mine = summarize(DAY, rows, "kpr", NAMES.get)
    other = summarize(DAY, rows, "kpr-2", NAMES.get)
    assert (mine.reports, mine.open, mine.overdue) == (2, 2, 0)
    assert (other.reports, other.open, other.overdue) == (3, 3, 1)
    assert summarize(DAY, [], "kpr", NAMES.get).params()["districts"] == []


def test_every_active_kapolres_of_the_regency_receives_it_under_a_fixed_id() -> None:
    officers = [
        kapolres("kpr"),
        kapolres("kpr-old", active=False),
        kapolres("kpr-other", area_codes=["35.23"]),
        Officer.model_validate({"officer_id": "ksk", "name": "AKP", "tier": "kapolsek",
                                "wa_id": "1", "area_codes": ["35.22.01"]}),
        kapolres("kpr-wakil", wa_id="6281100000099"),
    ]
    assert [o.officer_id for o in kapolres_of(officers, "35.22")] == ["kpr", "kpr-wakil"]
    summary = summarize(DAY, [], "kpr", NAMES.get)
    request = summary_request(summary, officers[0], "35.22", "103522000000000")
    assert request.message_id == notification_id("35.22", DAY, "kpr")
    assert request.message_id == "daily_summary:35.22:2026-12-01:kpr"
    assert request.kind is NotificationKind.DAILY_SUMMARY
    assert request.recipient.kind is RecipientKind.OFFICER
    assert (request.recipient.key, request.recipient.wa_id) == ("kpr", "6281100000005")
    assert request.case_id is None and request.line_phone_number_id == "103522000000000"


class Producer:
    def __init__(self) -> None:
        self.sent: list[tuple[str, NotificationRequest, bytes]] = []

    async def send_and_wait(self, topic: str, value: bytes, key: bytes) -> None:
        self.sent.append((topic, NotificationRequest.model_validate_json(value), key))


class Snapshot:
    officers = (kapolres("kpr"), kapolres("kpr-wakil"))


class Directory:
    snapshot = Snapshot()


async def test_the_job_publishes_once_per_day_from_the_hour(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[datetime, datetime, datetime]] = []

    async def tally_rows(pool: Any, regency: str, start: datetime, end: datetime,
                         now: datetime) -> list[Tally]:
        asked.append((start, end, now))
        return [Tally("35.22.01", None, reports=5, emergencies=1, open=2, overdue=1)]

    monkeypatch.setattr(job_module, "tally_rows", tally_rows)
    now = [wib(6, 59)]
    producer = Producer()
    job = DailySummaryJob(None, producer, Directory(), NAMES.get,  # type: ignore[arg-type]
                          SummaryConfig("35.22", 7, "103522000000000", "p.notifications.requests"),
                          clock=lambda: now[0])
    assert await job.check() == [] and producer.sent == []
    now[0] = wib(7, 0)
    published = await job.check()
    assert [r.message_id for r in published] == [
        "daily_summary:35.22:2026-12-01:kpr", "daily_summary:35.22:2026-12-01:kpr-wakil"]
    assert [(t, k) for t, _, k in producer.sent] == [
        ("p.notifications.requests", b"kpr"), ("p.notifications.requests", b"kpr-wakil")]
    assert producer.sent[0][1].params["reports"] == 5
    assert asked == [(*day_bounds(DAY), wib(7, 0))]
    now[0] = wib(12, 0)
    assert await job.check() == []  # this process already did today
    now[0] = wib(7, 0, day=3)
    assert [r.params["date"] for r in await job.check()] == ["2026-12-02"] * 2


def test_the_api_runs_the_job_with_its_settings_regency_line_and_topic() -> None:
    from types import SimpleNamespace

    from services.api.daily_summary.job import daily_summary_job
    from services.api.settings import ApiSettings

    settings = ApiSettings(daily_summary_hour=9, system_line_id="1035220")
    ctx = SimpleNamespace(settings=settings, pool="pool", producer="producer",
                          officers=Directory(), areas=SimpleNamespace(name=NAMES.get),
                          regency_code="35.22", notification_requests_topic="p.requests")
    job = daily_summary_job(ctx)  # type: ignore[arg-type]
    assert job.config == SummaryConfig("35.22", 9, "1035220", "p.requests")
    assert (job.pool, job.producer, job.directory) == ("pool", "producer", ctx.officers)
    assert ApiSettings().daily_summary and ApiSettings().daily_summary_hour == 7
