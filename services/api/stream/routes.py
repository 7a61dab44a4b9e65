"""GET /events/stream: Server-Sent Events of case events in the caller's areas.

Each event's `id:` is the projection sequence number (monotonically increasing); a client
reconnecting with `Last-Event-ID` receives every event after it. Without one, the stream
starts with the next event. Guarantee: one projector writes the projection (run the
projection in one API process when there are several, MATUR_API_PROJECTION=false in others).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import asyncpg
from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from contracts.case_events import Case
from services.api.access.dependencies import CaseReader
from services.api.access.roles import Principal
from services.api.cases.models import CaseSummaryOut, summary_fields
from services.api.context import ApiContext, Ctx
from services.api.errors import invalid
from services.api.stream.queries import BATCH, events_after, last_seq

router = APIRouter(tags=["live"])


def summary_from_snapshot(
    case: Case, regency: str, principal: Principal, ctx: ApiContext
) -> CaseSummaryOut:
    now = datetime.now(UTC)
    row: dict[str, Any] = {
        **case.model_dump(mode="python"),
        "status": case.status.value,
        "assignee_id": case.assignee.officer_id if case.assignee else None,
        "assignee_name": case.assignee.name if case.assignee else None,
        "regency_code": regency,
        "confidential": case.reporter.confidential,
        "reporter": case.reporter.model_dump_json(),
        "overdue": bool(
            case.due_at and case.due_at < now and case.status in ("open", "awaiting_village")
        ),
    }
    return CaseSummaryOut(**summary_fields(row, principal, ctx.areas))  # type: ignore[arg-type]


def _frame(row: asyncpg.Record, principal: Principal, ctx: ApiContext) -> str:
    case = Case.model_validate_json(row["snapshot"])
    data = {
        "seq": row["seq"],
        "kind": row["kind"],
        "case_id": row["case_id"],
        "version": row["version"],
        "occurred_at": row["occurred_at"].isoformat(),
        "case": summary_from_snapshot(case, row["regency_code"], principal, ctx).model_dump(
            mode="json"
        ),
    }
    text = json.dumps(data, default=str, ensure_ascii=False)
    return f"id: {row['seq']}\nevent: case\ndata: {text}\n\n"


async def _frames(ctx: ApiContext, principal: Principal, position: int) -> AsyncIterator[str]:
    """Every event after `position`, then each new one as the projection applies it, with
    a keep-alive comment when nothing came for MATUR_API_STREAM_HEARTBEAT_S."""
    yield "retry: 2000\n: connected\n\n"
    loop_clock = datetime.now(UTC)
    while True:
        rows = await events_after(ctx.pool, principal, position)
        for row in rows:
            position = row["seq"]
            yield _frame(row, principal, ctx)
        if len(rows) == BATCH:
            continue
        await ctx.signal.wait(ctx.settings.stream_poll_s)
        now = datetime.now(UTC)
        if (now - loop_clock).total_seconds() >= ctx.settings.stream_heartbeat_s:
            loop_clock = now
            yield ": keepalive\n\n"


@router.get(
    "/events/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Case events"}},
)
async def stream(
    principal: CaseReader,
    ctx: Ctx,
    last_event_id: str | None = Header(None, alias="Last-Event-ID", max_length=20),
    after: int | None = Query(None, ge=0, description="Resume after this id (as Last-Event-ID)"),
) -> StreamingResponse:
    start: int | None = after
    if last_event_id is not None:
        if not last_event_id.isdigit():
            raise invalid("Last-Event-ID", "must be an event id of this stream", where="header")
        start = int(last_event_id)
    if start is None:
        start = await last_seq(ctx.pool)
    return StreamingResponse(
        _frames(ctx, principal, start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
