"""The Kapolres's daily summary through the real notifier and sandbox: an emergency is
reported today; the API's daily-summary job (services/api/daily_summary, run here with an
injected clock against the stack's projection, directory and topics, the same job the API
runs) sends nothing at 06:59 WIB tomorrow, and at 07:00 the Kapolres receives today's
summary on WhatsApp as the `matur_ringkasan_harian` template, once, although two API
processes and one restarted process publish it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time, timedelta

import asyncpg
import httpx
import pytest

from devstack.stack_runner import Stack
from servicekit.directory_feed import DirectoryFeed
from servicekit.kafka_clients import durable_producer
from servicekit.settings import repo_path
from services.api.cases.export_rows import WIB
from services.api.daily_summary.job import DailySummaryJob, SummaryConfig
from services.api.database import create_pool
from services.api.directory.areas import load_areas
from services.api.settings import ApiSettings
from services.sandbox.client import SandboxClient
from tests.e2e.people import KAPOLRES_LINE, ROSTER, citizen_phone, officer
from tests.e2e.whatsapp import Outbox

KAPOLRES = officer("kapolres-35.22")
DUPLICATES = "notifier_duplicate_requests_total"


class Clock:
    """Tomorrow (WIB) at a set time: the summary due then is today's."""

    def __init__(self) -> None:
        tomorrow = datetime.now(WIB).date() + timedelta(days=1)
        self.moment = datetime.combine(tomorrow, time(6, 59), tzinfo=WIB)

    def set(self, hour: int, minute: int) -> None:
        self.moment = self.moment.replace(hour=hour, minute=minute)

    def __call__(self) -> datetime:
        return self.moment.astimezone(UTC)


@pytest.fixture
async def pool(stack: Stack) -> AsyncIterator[asyncpg.Pool]:
    made = await create_pool(stack.env["DATABASE_URL"], "projection", 1, 2)
    yield made
    await made.close()


async def duplicates_skipped(stack: Stack) -> float:
    async with httpx.AsyncClient() as http:
        metrics = (await http.get(f"{stack.url('notifier')}/metrics")).text
    return sum(float(line.split()[-1]) for line in metrics.splitlines()
               if line.startswith(DUPLICATES))


async def emergency_reported_today(sandbox: SandboxClient, outbox: Outbox,
                                   pool: asyncpg.Pool) -> None:
    phone = citizen_phone()
    sent = await sandbox.send_inbound_text(
        phone, "Tolong pak ada kebakaran rumah sekarang di desa Sugihwaras kec. Ngraho",
        line=KAPOLRES_LINE)
    assert sent["status_code"] == 200, sent
    case_id = (await outbox.wait_kind(phone, "receipt")).case_id
    for _ in range(100):
        async with pool.acquire() as conn:
            if await conn.fetchval("SELECT emergency FROM cases WHERE case_id = $1", case_id):
                return
        await asyncio.sleep(0.2)
    raise AssertionError(f"case {case_id} never reached the projection")


async def test_the_kapolres_receives_the_summary_once_when_the_hour_comes(
    stack: Stack, sandbox: SandboxClient, outbox: Outbox, pool: asyncpg.Pool
) -> None:
    await emergency_reported_today(sandbox, outbox, pool)
    env = stack.env
    directory = DirectoryFeed(env["KAFKA_BOOTSTRAP_SERVERS"], env["MATUR_TOPIC_PREFIX"])
    producer = durable_producer(env["KAFKA_BOOTSTRAP_SERVERS"], "test-daily-summary")
    await directory.start()
    await producer.start()
    try:
        config = SummaryConfig(ROSTER.regency_code, 7, KAPOLRES_LINE,
                               f"{env['MATUR_TOPIC_PREFIX']}notifications.requests")
        clock = Clock()
        areas = load_areas(repo_path(ApiSettings().area_data_dir), ROSTER.regency_code)

        def api_process() -> DailySummaryJob:
            return DailySummaryJob(pool, producer, directory, areas.name, config, clock)

        first, second = api_process(), api_process()
        assert await first.check() == [] and await second.check() == []  # 06:59
        skipped_before = await duplicates_skipped(stack)
        clock.set(7, 0)
        [published] = await first.check()
        assert [r.message_id for r in await second.check()] == [published.message_id]
        clock.set(7, 5)
        restarted = api_process()
        assert [r.message_id for r in await restarted.check()] == [published.message_id]
    finally:
        await producer.stop()
        await directory.stop()

    today = clock.moment.date() - timedelta(days=1)
    assert published.message_id == f"daily_summary:35.22:{today.isoformat()}:kapolres-35.22"
    summary = await outbox.wait_kind(KAPOLRES.wa_id, "daily_summary")
    assert summary.type == "template", summary.describe()
    template = summary.body["template"]
    assert template["name"] == "matur_ringkasan_harian"
    values = {p["parameter_name"]: p["text"] for p in template["components"][0]["parameters"]}
    assert values["tanggal"].endswith(today.strftime("%d/%m/%Y"))
    assert int(values["laporan"]) >= 1 and int(values["darurat"]) >= 1
    assert int(values["terbuka"]) >= 1 and values["kecamatan"].startswith("Kec. ")

    for _ in range(100):  # the notifier read the two other publications, and skipped them
        if await duplicates_skipped(stack) >= skipped_before + 2:
            break
        await asyncio.sleep(0.2)
    else:
        raise AssertionError("the notifier did not handle the repeated summaries")
    summaries = [s for s in await outbox.to(KAPOLRES.wa_id, accepted=None)
                 if s.notification_id == published.message_id]
    assert len(summaries) == 1, [s.describe() for s in summaries]
