"""Sends in doubt (`unknown`) decided by the status pipeline, not by a clock: a real
notifier, real Kafka and PostgreSQL, the sandbox counting what reached "WhatsApp".

The notifier here waits NOTIFIER_STATUS_GRACE_S = 3 s for a status and sweeps every
second. Statuses are published to `whatsapp.statuses` as ingest would, with the Kafka
timestamps the test chooses.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from contracts.notifications import NotificationRequest
from contracts.topics import NOTIFICATIONS_EVENTS, WHATSAPP_STATUSES
from services.sandbox.client import SandboxClient
from tests.conftest import Infra
from tests.notifier.harness import (
    LINE,
    Kafka,
    ServiceProcess,
    poll,
    receipt,
    running_notifier,
)
from tests.notifier.harness import unique_phone as new_phone
from tests.notifier.test_statuses import status

GRACE_S = 3.0


@pytest.fixture(scope="module")
async def notifier(
    infra: Infra, sandbox_url: str, log_dir: Path
) -> AsyncIterator[ServiceProcess]:
    group = f"notifier-doubt-{uuid.uuid4().hex[:6]}"
    async with running_notifier(
        infra.env(), sandbox_url, log_dir, group, NOTIFIER_LEASE_S="1",
        NOTIFIER_STATUS_GRACE_S=str(GRACE_S), NOTIFIER_STATUS_QUIET_S="600",
    ) as process:
        yield process


async def left_unknown(pg: asyncpg.Connection, req: NotificationRequest) -> None:
    """The row a notifier killed mid-call leaves: its call started now."""
    await pg.execute(
        """INSERT INTO notifier_sends (notification_id, kind, case_id, recipient_kind,
               line_phone_number_id, state, attempts, request, call_started_at)
           VALUES ($1, 'receipt', $2, 'citizen', $3, 'unknown', 1, $4::jsonb, now())""",
        req.message_id, req.case_id, LINE, req.model_dump_json(),
    )


async def statuses_written_now(kafka: Kafka) -> None:
    """Statuses of other messages on every partition, written now: the status pipeline
    flows past this moment."""
    for partition in range(WHATSAPP_STATUSES.partitions):
        wamid = f"wamid.other.{uuid.uuid4().hex}"
        await kafka.publish(WHATSAPP_STATUSES, status(wamid, "delivered"), wamid,
                            partition=partition)


async def accepted_for(sandbox: SandboxClient, phone: str) -> list[dict[str, object]]:
    return [m for m in await sandbox.list_messages(to=phone) if m["accepted"]]


async def test_no_resend_while_statuses_lag_and_the_late_status_settles_it(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection,
    infra: Infra,
) -> None:
    """The status consumer is held up (a row it must update is locked) while statuses
    written after the call's grace pile up behind it, the in-doubt send's own among them:
    nothing is resent, however long that lasts; once the consumer catches up, the late
    status settles the send."""
    blocker, phone = receipt(new_phone()), new_phone()
    req = receipt(phone)
    blocker_wamid = f"wamid.block.{uuid.uuid4().hex}"
    await pg.execute(
        """INSERT INTO notifier_sends (notification_id, kind, case_id, recipient_kind,
               line_phone_number_id, state, attempts, request, wamid, sent_at)
           VALUES ($1, 'receipt', $2, 'citizen', $3, 'sent', 1, $4::jsonb, $5, now())""",
        blocker.message_id, blocker.case_id, LINE, blocker.model_dump_json(), blocker_wamid,
    )
    holder = await asyncpg.connect(infra.database_url)
    lock = holder.transaction()
    await lock.start()
    try:
        await holder.execute(
            "SELECT 1 FROM notifier_sends WHERE notification_id = $1 FOR UPDATE",
            blocker.message_id,
        )
        await kafka.publish(WHATSAPP_STATUSES, status(blocker_wamid, "delivered"),
                            blocker_wamid)
        # the event goes out before the row is updated: the consumer is now stuck
        await kafka.wait_for(
            NOTIFICATIONS_EVENTS,
            lambda e: e["notification_id"] == blocker.message_id and e["status"] == "delivered",
        )
        await left_unknown(pg, req)
        await asyncio.sleep(GRACE_S + 0.5)
        await statuses_written_now(kafka)  # the pipeline flows past the grace upstream
        late_wamid = f"wamid.late.{uuid.uuid4().hex}"
        await kafka.publish(WHATSAPP_STATUSES,
                            status(late_wamid, "delivered", callback=req.message_id),
                            late_wamid)
        await asyncio.sleep(GRACE_S + 5)  # several sweeps, long past the grace
        await statuses_written_now(kafka)
        await asyncio.sleep(2)
        assert await accepted_for(sandbox, phone) == []
        assert await pg.fetchval(
            "SELECT state FROM notifier_sends WHERE notification_id = $1", req.message_id
        ) == "unknown"
    finally:
        await lock.rollback()
        await holder.close()
    settled = await poll(lambda: pg.fetchrow(
        "SELECT state, wamid FROM notifier_sends WHERE notification_id = $1"
        " AND state = 'delivered'", req.message_id,
    ), within=30)
    assert settled is not None and settled["wamid"] == late_wamid
    await asyncio.sleep(3)
    assert await accepted_for(sandbox, phone) == []


async def test_a_caught_up_pipeline_without_its_status_resends_it_once(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    phone = new_phone()
    req = receipt(phone)
    await left_unknown(pg, req)
    await statuses_written_now(kafka)  # flowing, but not yet past the grace
    await asyncio.sleep(GRACE_S - 0.5)  # sweeps before the grace is over resend nothing
    assert await accepted_for(sandbox, phone) == []
    await asyncio.sleep(1)
    await statuses_written_now(kafka)
    messages = await sandbox.wait_for_messages(phone, count=1, within=30)
    assert [m["body"]["biz_opaque_callback_data"] for m in messages] == [req.message_id]
    await asyncio.sleep(4)  # more sweeps, and the same evidence again: still once
    await statuses_written_now(kafka)
    await asyncio.sleep(2)
    assert len(await accepted_for(sandbox, phone)) == 1
    state = await pg.fetchval(
        "SELECT state FROM notifier_sends WHERE notification_id = $1", req.message_id
    )
    assert state == "sent"


async def test_a_failed_status_for_a_send_in_doubt_resends_it_once_as_template(
    notifier: ServiceProcess, sandbox: SandboxClient, kafka: Kafka, pg: asyncpg.Connection
) -> None:
    """The status proves the call was accepted and then refused outside the 24-hour
    window (131047): sent once more, as the template, at once."""
    phone = new_phone()
    req = receipt(phone)
    await left_unknown(pg, req)
    refused = f"wamid.refused.{uuid.uuid4().hex}"
    await kafka.publish(
        WHATSAPP_STATUSES, status(refused, "failed", req.message_id, error_code=131047), refused
    )
    messages = await sandbox.wait_for_messages(phone, count=1, within=20)
    assert [m["type"] for m in messages] == ["template"]
    row = await poll(lambda: pg.fetchrow(
        "SELECT * FROM notifier_sends WHERE notification_id = $1 AND state = 'sent'",
        req.message_id,
    ))
    assert row["superseded_wamid"] == refused and row["used_template"]
    await asyncio.sleep(3)
    assert len(await accepted_for(sandbox, phone)) == 1
