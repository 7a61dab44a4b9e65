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

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import StreamingResponse

from contracts.case_events import Case
from services.api.access.dependencies import case_reader
from services.api.access.roles import Principal
from services.api.access.scope import scope_condition
from services.api.cases.models import CaseSummaryOut, summary_fields
from services.api.context import ApiContext, api_context
from services.api.errors import invalid
from services.api.where import Where

router = APIRouter(tags=["live"])
BATCH = 500


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


def _page_query(principal: Principal, after: int) -> tuple[str, list[Any]]:
    sql = Where()
    sql.add(f"t.seq > {sql.param(after)}")
    sql.add(
        scope_condition(sql, principal, alias="t", about_officer="t.snapshot->>'about_officer_id'")
    )
    return (
        "SELECT t.seq, t.kind, t.case_id, t.version, t.occurred_at, t.regency_code, "  # noqa: S608
        f"t.snapshot::text AS snapshot FROM case_timeline t WHERE {sql.clause()} "
        f"ORDER BY t.seq LIMIT {BATCH}",
        sql.params,
    )


def _frame(seq: int, data: dict[str, Any]) -> str:
    return f"id: {seq}\nevent: case\ndata: {json.dumps(data, default=str, ensure_ascii=False)}\n\n"


@router.get(
    "/events/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Case events"}},
)
async def stream(
    last_event_id: str | None = Header(None, alias="Last-Event-ID", max_length=20),
    after: int | None = Query(None, ge=0, description="Resume after this id (as Last-Event-ID)"),
    principal: Principal = Depends(case_reader),
    ctx: ApiContext = Depends(api_context),
) -> StreamingResponse:
    start: int | None = after
    if last_event_id is not None:
        if not last_event_id.isdigit():
            raise invalid("Last-Event-ID", "must be an event id of this stream", where="header")
        start = int(last_event_id)
    if start is None:
        async with ctx.pool.acquire() as conn:
            start = int(await conn.fetchval("SELECT coalesce(max(seq), 0) FROM case_timeline"))

    async def frames(position: int) -> AsyncIterator[str]:
        yield "retry: 2000\n: connected\n\n"
        loop_clock = datetime.now(UTC)
        while True:
            text, params = _page_query(principal, position)
            async with ctx.pool.acquire() as conn:
                rows = await conn.fetch(text, *params)
            for r in rows:
                case = Case.model_validate_json(r["snapshot"])
                summary = summary_from_snapshot(case, r["regency_code"], principal, ctx)
                position = r["seq"]
                yield _frame(
                    position,
                    {
                        "seq": position,
                        "kind": r["kind"],
                        "case_id": r["case_id"],
                        "version": r["version"],
                        "occurred_at": r["occurred_at"].isoformat(),
                        "case": summary.model_dump(mode="json"),
                    },
                )
            if len(rows) == BATCH:
                continue
            await ctx.signal.wait(ctx.settings.stream_poll_s)
            now = datetime.now(UTC)
            if (now - loop_clock).total_seconds() >= ctx.settings.stream_heartbeat_s:
                loop_clock = now
                yield ": keepalive\n\n"

    return StreamingResponse(
        frames(start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
