"""A complaint about an officer's conduct names the officer it is about when the text
says who: he is kept on the case, never handles it and never sees who complained."""

from __future__ import annotations

from contracts.case_commands import CommandKind
from contracts.hierarchy import Tier
from contracts.notifications import NotificationKind
from services.router.cases.citizen import handle_inbound
from services.router.cases.commands import handle_command
from services.router.cases.state import ReporterState
from services.router.domain.officer_concerned import officer_concerned
from tests.router.builders import (
    base_context,
    citizen,
    command,
    ctx_at,
    describe,
    inbound,
    officer,
    village_with_bhabin,
)


def open_complaint(text: str) -> ReporterState:
    state, _ = handle_inbound(ReporterState.empty(citizen()), inbound(text), ctx_at())
    return state


def test_a_complaint_about_the_villages_bhabin_names_him():
    village = village_with_bhabin()
    bhabin = officer(Tier.BHABIN, village)
    state = open_complaint(
        f"pak bhabin minta uang 500rb biar laporan saya diproses {describe(village)}"
    )
    case = next(iter(state.cases.values())).case
    assert case.about_officer_id == bhabin.officer_id
    assert case.tier == Tier.KAPOLRES and case.reporter.confidential


def test_a_complaint_naming_an_officer_in_full_names_him_even_outside_his_village():
    ctx = base_context()
    named = officer(Tier.KAPOLSEK, village_with_bhabin())
    found = officer_concerned(f"{named.name.upper()} minta pungli", None, ctx.officers)
    assert found is not None and found.officer_id == named.officer_id


def test_a_shared_last_name_means_the_officer_serving_the_village():
    ctx = base_context()
    village = village_with_bhabin()
    bhabin = officer(Tier.BHABIN, village)
    last = bhabin.name.split()[-1]
    serving = [o for o in ctx.officers.officers() if ctx.officers.serves(o, village.code)]
    assert [o.name.split()[-1] for o in serving].count(last) == 1
    found = officer_concerned(f"saya dipukul pak {last.lower()}", village.code, ctx.officers)
    assert found is not None and found.officer_id == bhabin.officer_id


def test_a_last_name_several_officers_share_is_not_guessed():
    ctx = base_context()
    roster = ctx.officers.officers()
    last = [o.name.split()[-1] for o in roster]
    shared = next(n for n in last if last.count(n) > 1 and len(n) >= 4)
    assert officer_concerned(f"dipukul pak {shared} kemarin", None, ctx.officers) is None


def test_a_complaint_about_the_polsek_names_the_districts_kapolsek():
    village = village_with_bhabin()
    kapolsek = officer(Tier.KAPOLSEK, village)
    found = officer_concerned(
        "sudah lapor ke polsek 3 kali tidak ditanggapi", village.code, base_context().officers
    )
    assert found is not None and found.officer_id == kapolsek.officer_id


def test_nobody_is_named_when_the_text_does_not_say_who():
    village = village_with_bhabin()
    officers = base_context().officers
    found = officer_concerned("oknum polisi minta uang damai", village.code, officers)
    assert found is None


def test_the_officer_concerned_cannot_act_on_the_complaint():
    village = village_with_bhabin()
    bhabin = officer(Tier.BHABIN, village)
    state = open_complaint(f"bhabin desa kami suka minta uang {describe(village)}")
    case = next(iter(state.cases.values())).case
    assert case.about_officer_id == bhabin.officer_id
    after, out = handle_command(
        state, command(CommandKind.ACKNOWLEDGE, case.case_id, by=bhabin), ctx_at(1)
    )
    assert after.cases[case.case_id].case.acknowledged_at is None
    assert [n.kind for n in out.notifications] == [NotificationKind.OFFICER_ACTION_DONE]
    assert out.notifications[0].params["action"] == "not_allowed"
