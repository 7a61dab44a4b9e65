"""Messages, commands and a RouterContext over the real Bojonegoro directory and the
sample roster, for the router's pure tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache

from contracts.case_commands import Actor, CaseCommand, CommandKind
from contracts.hierarchy import Tier
from contracts.lines import Line, Sender, citizen_key
from contracts.roster import Officer, load_roster
from contracts.whatsapp_events import InboundMessage, LocationPin, MediaRef, ReplyChoice
from servicekit.settings import repo_path
from services.router.cases.context import RouterContext
from services.router.domain.directory import Directory, Village
from services.router.domain.officers import OfficerDirectory
from services.router.domain.sla import SlaPolicy

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
ROSTER_FILE = "deploy/sample-data/roster.bojonegoro.sample.json"
KAPOLRES_LINE_ID = "103522000000000"
CITIZEN_WA = "6281234500001"


@cache
def base_context() -> RouterContext:
    roster = load_roster(repo_path(ROSTER_FILE))
    directory = Directory.load(None, [roster.regency_code])
    return RouterContext(
        directory=directory,
        officers=OfficerDirectory(roster, directory),
        sla=SlaPolicy.from_minutes(15, 30, 60, high_factor=1, emergency_factor=1, low_factor=1),
        now=T0,
        kapolres_reminders=2,
    )


def ctx_at(minutes: float = 0) -> RouterContext:
    return base_context().at(T0 + timedelta(minutes=minutes))


def line(phone_number_id: str = KAPOLRES_LINE_ID) -> Line:
    return base_context().officers.roster.line(phone_number_id)


def line_of(tier: Tier, *, villages: int | None = None) -> Line:
    for candidate in base_context().officers.roster.lines:
        if candidate.tier == tier and (villages is None or len(candidate.area_codes) == villages):
            return candidate
    raise LookupError(tier)


def citizen(wa_id: str = CITIZEN_WA) -> str:
    return citizen_key(None, wa_id)


_counter = iter(range(1, 10**9))


def inbound(
    text: str | None = None,
    *,
    wamid: str | None = None,
    wa_id: str = CITIZEN_WA,
    on: Line | None = None,
    choice_id: str | None = None,
    location: tuple[float, float] | None = None,
    photo: bool = False,
    name: str | None = "Budi",
) -> InboundMessage:
    wamid = wamid or f"wamid.T{next(_counter)}"
    kind = "text"
    if choice_id:
        kind = "interactive"
    elif location:
        kind = "location"
    elif photo:
        kind = "image"
    return InboundMessage(
        message_id=f"in:{wamid}",
        wamid=wamid,
        line=on or line(),
        sender=Sender(key=citizen_key(None, wa_id), wa_id=wa_id, profile_name=name),
        sent_at=T0,
        received_at=T0,
        type=kind,
        text=text,
        choice=ReplyChoice(kind="list_reply", id=choice_id) if choice_id else None,
        location=LocationPin(latitude=location[0], longitude=location[1]) if location else None,
        media=MediaRef(kind="image", media_id="m1", caption=text) if photo else None,
        raw={"id": wamid},
    )


def command(
    kind: CommandKind,
    case_id: str,
    *,
    by: Officer | None = None,
    note: str | None = None,
    command_id: str | None = None,
    expected_version: int | None = None,
    target: Officer | None = None,
    key: str | None = None,
) -> CaseCommand:
    actor = (
        Actor(officer_id=by.officer_id, name=by.name, role=by.tier.value)
        if by
        else Actor(role="router" if kind == CommandKind.DEADLINE_REACHED else "admin")
    )
    return CaseCommand(
        message_id=command_id or f"cmd-{next(_counter)}",
        kind=kind,
        case_id=case_id,
        citizen_key=key or citizen(),
        actor=actor,
        note=note,
        expected_version=expected_version,
        target_officer_id=target.officer_id if target else None,
    )


def village_with_bhabin() -> Village:
    ctx = base_context()
    for v in ctx.directory.villages_in("35.22"):
        if ctx.officers.handler_at(Tier.BHABIN, v.code) is not None:
            return v
    raise LookupError("no village with a Bhabin")


def village_without_bhabin() -> Village:
    return base_context().officers.uncovered_villages(Tier.BHABIN)[0]


def describe(village: Village) -> str:
    district = base_context().directory.district(village.district_code)
    assert district is not None
    return f"di desa {village.name} kec. {district.name}"


def officer(tier: Tier, village: Village) -> Officer:
    found = base_context().officers.handler_at(tier, village.code)
    assert found is not None
    return found


def with_policy(ctx: RouterContext, policy: SlaPolicy) -> RouterContext:
    return replace(ctx, sla=policy)
