"""POST /cases/{case_id}/<action>: published to `cases.commands` for the router (202).

The API never writes case tables: the change becomes visible when the router's event
comes back through the projection.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, StringConstraints

from contracts.case_commands import CaseCommand, CommandKind
from contracts.hierarchy import Tier
from services.api.access.dependencies import case_actor
from services.api.access.roles import Principal
from services.api.access.store import find_officer
from services.api.cases.commands import new_command, serves_case
from services.api.cases.routes import CASE_ID
from services.api.cases.sql import case_keys_query
from services.api.context import ApiContext, api_context
from services.api.errors import NOT_FOUND, ErrorOut, invalid

log = logging.getLogger(__name__)
router = APIRouter(tags=["actions"])

Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class OptionalNoteIn(BaseModel):
    note: Note | None = None


class RequiredNoteIn(BaseModel):
    note: Note


class ReassignIn(BaseModel):
    officer_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    note: Note | None = None


class CommandAccepted(BaseModel):
    command_id: str
    case_id: str
    kind: CommandKind


RESPONSES = {
    **NOT_FOUND,
    503: {"model": ErrorOut, "description": "Kafka unavailable; try again"},
}


async def _case_keys(ctx: ApiContext, principal: Principal, case_id: str) -> dict[str, str | None]:
    text, params = case_keys_query(principal, case_id)
    async with ctx.pool.acquire() as conn:
        row = await conn.fetchrow(text, *params)
    if row is None:
        raise HTTPException(404, "No such case in your areas")
    return dict(row)


def _note(body: OptionalNoteIn | None) -> str | None:
    return body.note if body else None


async def _publish(ctx: ApiContext, command: CaseCommand) -> CommandAccepted:
    try:
        await ctx.producer.send_and_wait(
            ctx.commands_topic, value=command.to_bytes(), key=command.citizen_key.encode()
        )
    except Exception as exc:
        log.error("command not published", extra={"error": repr(exc), "kind": command.kind})
        raise HTTPException(503, "Could not hand the action on; please try again") from exc
    log.info(
        "command published",
        extra={"command_id": command.message_id, "kind": command.kind, "case_id": command.case_id},
    )
    return CommandAccepted(
        command_id=command.message_id, case_id=command.case_id, kind=command.kind
    )


async def _simple(
    ctx: ApiContext, principal: Principal, case_id: str, kind: CommandKind, note: str | None
) -> CommandAccepted:
    keys = await _case_keys(ctx, principal, case_id)
    command = new_command(principal, kind, case_id, str(keys["reporter_key"]), note)
    return await _publish(ctx, command)


@router.post("/cases/{case_id}/acknowledge", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def acknowledge(
    body: OptionalNoteIn | None = None,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    return await _simple(ctx, principal, case_id, CommandKind.ACKNOWLEDGE, _note(body))


@router.post("/cases/{case_id}/resolve", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def resolve(
    body: RequiredNoteIn,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    return await _simple(ctx, principal, case_id, CommandKind.RESOLVE, body.note)


@router.post("/cases/{case_id}/notes", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def add_note(
    body: RequiredNoteIn,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    return await _simple(ctx, principal, case_id, CommandKind.ADD_NOTE, body.note)


@router.post("/cases/{case_id}/escalate", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def escalate(
    body: OptionalNoteIn | None = None,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    return await _simple(ctx, principal, case_id, CommandKind.ESCALATE, _note(body))


@router.post("/cases/{case_id}/reopen", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def reopen(
    body: OptionalNoteIn | None = None,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    return await _simple(ctx, principal, case_id, CommandKind.REOPEN, _note(body))


@router.post("/cases/{case_id}/reassign", status_code=202, response_model=CommandAccepted,
             responses=RESPONSES)  # fmt: skip
async def reassign(
    body: ReassignIn,
    case_id: str = CASE_ID,
    principal: Principal = Depends(case_actor),
    ctx: ApiContext = Depends(api_context),
) -> CommandAccepted:
    keys = await _case_keys(ctx, principal, case_id)
    async with ctx.pool.acquire() as conn:
        officer = await find_officer(conn, officer_id=body.officer_id)
    if officer is None or not officer.active:
        raise invalid("officer_id", "unknown or inactive officer", where="body")
    case_areas = (keys["village_code"], keys["district_code"], keys["regency_code"])
    if not serves_case(officer.area_codes, case_areas):
        raise invalid("officer_id", "this officer does not serve the case's area", where="body")
    command = new_command(
        principal,
        CommandKind.REASSIGN,
        case_id,
        str(keys["reporter_key"]),
        note=body.note,
        target_officer_id=officer.officer_id,
        target_tier=Tier(officer.tier),
    )
    return await _publish(ctx, command)
