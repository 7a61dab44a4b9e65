"""Kenalan: who the Bhabinkamtibmas of a village is, without opening a case."""

from __future__ import annotations

import pytest

from contracts.hierarchy import Tier
from contracts.notifications import NotificationKind
from services.router.cases.citizen import handle_inbound
from services.router.cases.outputs import Outputs
from services.router.cases.state import ReporterState
from services.router.domain.intents import Intent, detect_intent
from services.router.domain.kenalan import contact_for, only_asks_contact
from tests.router.builders import base_context, citizen, ctx_at, describe, inbound, officer

DRAJAT = "35.22.10.2001"  # kec. Baureno: has a Bhabin and a Bhabin line
SUKOREJO_MALO = "35.22.17.2015"  # has a Bhabin, no Bhabin line (its Polsek's line)


def ask(text: str, state: ReporterState | None = None) -> tuple[ReporterState, Outputs]:
    return handle_inbound(state or ReporterState.empty(citizen()), inbound(text), ctx_at())


@pytest.mark.parametrize(
    "text",
    ["siapa bhabin desa Drajat", "nomor pak bhabin", "bhabin ds Drajat sopo",
     "nyuwun pirsa Bhabinkamtibmas desa Drajat", "minta kontak babin desa Drajat kec Baureno",
     "Pak, boleh minta nomor WA bhabinkamtibmas desa Drajat?"],
)
def test_the_question_is_recognised(text: str) -> None:
    assert detect_intent(text) == Intent.ASK_BHABIN
    assert only_asks_contact(text)


@pytest.mark.parametrize(
    "text",
    ["pak bhabin desa Drajat minta uang waktu saya lapor, nomor hp nya ini",
     "Pak bhabin desa Drajat nomor hp nya tidak aktif, tolong ada maling",
     "bhabin desa Drajat gak pernah datang, no wa nya gak dibalas"],
)
def test_a_report_that_mentions_the_bhabins_number_is_still_a_report(text: str) -> None:
    state, out = ask(text)
    assert len(state.cases) == 1
    assert NotificationKind.BHABIN_CONTACT not in [n.kind for n in out.notifications]


def test_the_answer_names_the_bhabin_and_his_line_and_opens_no_case() -> None:
    ctx = base_context()
    village = ctx.directory.village(DRAJAT)
    assert village is not None
    bhabin = officer(Tier.BHABIN, village)
    [line] = ctx.officers.lines_for(Tier.BHABIN, DRAJAT)
    state, out = ask("nyuwun pirsa Bhabinkamtibmas desa Drajat")
    assert state.cases == {} and out.events == [] and out.notices == []
    [answer] = out.notifications
    assert answer.kind == NotificationKind.BHABIN_CONTACT
    assert answer.params == {
        "village": "Drajat", "district": "Baureno", "tier": "bhabin",
        "officer_name": bhabin.name, "officer_rank": bhabin.rank,
        "line": line.display_phone_number, "line_tier": "bhabin",
    }
    assert bhabin.wa_id not in str(answer.params)  # never the officer's own number
    assert answer.reply_to_wamid is not None and answer.case_id is None


def test_a_village_without_a_bhabin_line_gets_its_polseks_line() -> None:
    ctx = base_context()
    village = ctx.directory.village(SUKOREJO_MALO)
    assert village is not None
    contact = contact_for(village, ctx.officers)
    assert contact.tier == Tier.BHABIN and contact.officer is not None
    assert contact.line is not None and contact.line.tier == Tier.KAPOLSEK
    _, out = ask("siapa bhabin desa Sukorejo kec. Malo")
    [answer] = out.notifications
    assert answer.params["line_tier"] == "kapolsek"
    assert answer.params["officer_name"] == contact.officer.name


def test_a_shared_village_name_is_asked_with_its_candidates() -> None:
    state, out = ask("siapa bhabin desa Sukorejo")
    [question] = out.notifications
    assert question.kind == NotificationKind.ASK_BHABIN_VILLAGE
    assert {o["district"] for o in question.params["options"]} == {"Tambakrejo", "Bojonegoro",
                                                                    "Malo"}
    assert state.cases == {}


def test_no_village_named_asks_which_or_uses_the_reporters_last_village() -> None:
    state, out = ask("nomor pak bhabin")
    [question] = out.notifications
    assert question.kind == NotificationKind.ASK_BHABIN_VILLAGE
    assert question.params["options"] == []

    ctx = base_context()
    village = ctx.directory.village(DRAJAT)
    assert village is not None
    state, _ = ask(f"ada pencurian {describe(village)}")
    [record] = state.cases.values()
    state, out = ask("nomor pak bhabin", state)
    [answer] = out.notifications
    assert answer.kind == NotificationKind.BHABIN_CONTACT
    assert answer.params["village"] == "Drajat"
    assert list(state.cases.values()) == [record]  # it did not join the open case either
