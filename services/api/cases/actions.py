"""POST /cases/{case_id}/<action>: published to `cases.commands` for the router (202).

The API never writes case tables: the change becomes visible when the router's event
comes back through the projection. The six actions are one implementation (`perform`);
`ACTIONS` names each one's path, command and request body.
"""

from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from contracts.case_commands import CaseCommand, CommandKind
from contracts.clean_text import CleanText
from contracts.hierarchy import Tier
from services.api.access.dependencies import CaseActor
from services.api.access.roles import Principal
from services.api.access.scope import may_see
from services.api.access.store import OfficerRecord, find_officer
from services.api.cases.commands import new_command, serves_case
from services.api.cases.routes import CaseId
from services.api.cases.store import CaseKeys, case_keys
from services.api.context import ApiContext, Ctx
from services.api.errors import NOT_FOUND, ErrorOut, invalid

log = logging.getLogger(__name__)
router = APIRouter(tags=["actions"])

Note = Annotated[str, CleanText(max_length=2000)]


class OptionalNoteIn(BaseModel):
    note: Note | None = None


class RequiredNoteIn(BaseModel):
    note: Note


class ReassignIn(BaseModel):
    officer_id: Annotated[str, CleanText(max_length=64, strip=None)]
    note: Note | None = None


ActionIn = OptionalNoteIn | RequiredNoteIn | ReassignIn


class CommandAccepted(BaseModel):
    command_id: str
    case_id: str
    kind: CommandKind


@dataclass(frozen=True)
class Action:
    kind: CommandKind
    body: type[ActionIn]
    description: str
    path_name: str | None = None  # when the path is not the command's name

    @property
    def name(self) -> str:
        """Of the operation (its operationId and summary derive from it)."""
        return self.kind.value

    @property
    def path(self) -> str:
        return f"/cases/{{case_id}}/{self.path_name or self.kind.value}"

    @property
    def body_required(self) -> bool:
        """A body whose fields all have defaults may be left out."""
        return any(f.is_required() for f in self.body.model_fields.values())


ACTIONS = (
    Action(CommandKind.ACKNOWLEDGE, OptionalNoteIn, "Acknowledge the case."),
    Action(CommandKind.RESOLVE, RequiredNoteIn, "Resolve the case; the note says how."),
    Action(CommandKind.ADD_NOTE, RequiredNoteIn, "Add a note to the case's timeline.", "notes"),
    Action(CommandKind.ESCALATE, OptionalNoteIn, "Escalate the case."),
    Action(CommandKind.REOPEN, OptionalNoteIn, "Reopen the case."),
    Action(CommandKind.REASSIGN, ReassignIn, "Hand the case to another officer serving its area."),
)

ACCEPTED = (
    "\n\nAnswered 202 with the command's id once the command is on `cases.commands`; the "
    "case changes when the router's event comes back."
)
RESPONSES: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    503: {"model": ErrorOut, "description": "Kafka unavailable; try again"},
}


async def _target_officer(ctx: ApiContext, officer_id: str, case: CaseKeys) -> OfficerRecord:
    """The officer a case is reassigned to: known, active, serving the case's area, and
    allowed to see it (never the officer a complaint is about, nor a tier the case is
    hidden from: `access/scope.py`)."""
    async with ctx.pool.acquire() as conn:
        officer = await find_officer(conn, officer_id=officer_id)
    if officer is None or not officer.active:
        raise invalid("officer_id", "unknown or inactive officer", where="body")
    if not serves_case(officer.area_codes, case.areas):
        raise invalid("officer_id", "this officer does not serve the case's area", where="body")
    if officer.officer_id == case.about_officer_id or not may_see(
        Tier(officer.tier), case.visible_to_tiers, case.complaint
    ):
        raise invalid("officer_id", "this officer may not handle this case", where="body")
    return officer


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


async def perform(
    ctx: ApiContext, principal: Principal, action: Action, case_id: str, body: ActionIn | None
) -> CommandAccepted:
    """Any action: 404 unless the case is in the caller's areas, then its command."""
    case = await case_keys(ctx.pool, principal, case_id)
    if case is None:
        raise HTTPException(404, "No such case in your areas")
    target = None
    if isinstance(body, ReassignIn):
        target = await _target_officer(ctx, body.officer_id, case)
    command = new_command(
        principal,
        action.kind,
        case_id,
        case.reporter_key,
        note=body.note if body else None,
        target_officer_id=target.officer_id if target else None,
        target_tier=Tier(target.tier) if target else None,
    )
    return await _publish(ctx, command)


class ActionEndpoint:
    """The route function of one action.

    FastAPI reads what a route parses from its function's signature; this one's
    `__signature__` is built per action, so that `body` is parsed with the action's own
    model, required or optional (each route keeps the request body it always had).
    """

    def __init__(self, action: Action) -> None:
        self.action = action
        keyword = inspect.Parameter.KEYWORD_ONLY
        body = (
            inspect.Parameter("body", keyword, annotation=action.body)
            if action.body_required
            else inspect.Parameter("body", keyword, annotation=action.body | None, default=None)
        )
        self.__signature__ = inspect.Signature(
            [
                body,
                inspect.Parameter("case_id", keyword, annotation=CaseId),
                inspect.Parameter("principal", keyword, annotation=CaseActor),
                inspect.Parameter("ctx", keyword, annotation=Ctx),
            ],
            return_annotation=CommandAccepted,
        )

    async def __call__(
        self, *, body: ActionIn | None, case_id: str, principal: Principal, ctx: ApiContext
    ) -> CommandAccepted:
        return await perform(ctx, principal, self.action, case_id, body)


for _action in ACTIONS:
    router.add_api_route(
        _action.path,
        ActionEndpoint(_action),
        methods=["POST"],
        name=_action.name,
        status_code=202,
        response_model=CommandAccepted,
        responses=RESPONSES,
        description=_action.description + ACCEPTED,
    )
