"""Escalation, acknowledgement, resolution, rating and replays: commands on a case."""

from __future__ import annotations

import random

from contracts.case_commands import CommandKind
from contracts.case_events import CaseEventKind, TierAction
from contracts.hierarchy import CaseStatus, Tier
from contracts.notifications import NotificationKind, OfficerUpdate
from services.router.cases.citizen import handle_inbound
from services.router.cases.commands import handle_command
from services.router.cases.outputs import Outputs
from services.router.cases.state import CaseRecord, ReporterState
from tests.router.builders import (
    citizen,
    command,
    ctx_at,
    describe,
    inbound,
    officer,
    village_with_bhabin,
)

VILLAGE = village_with_bhabin()


def opened(minutes: float = 0) -> tuple[ReporterState, CaseRecord]:
    state, _ = handle_inbound(
        ReporterState.empty(citizen()),
        inbound(f"kemarin ayam saya dicuri orang {describe(VILLAGE)}", wamid="wamid.OPEN1"),
        ctx_at(minutes),
    )
    return state, next(iter(state.cases.values()))


def deadline_of(record: CaseRecord):
    return command(
        CommandKind.DEADLINE_REACHED,
        record.case.case_id,
        command_id=f"deadline:{record.case.case_id}:{record.case.version}",
        expected_version=record.case.version,
    )


def test_nobody_acts_case_climbs_to_kapolsek_then_kapolres_then_reminds():
    state, record = opened()
    case_id = record.case.case_id
    state, out = handle_command(state, deadline_of(record), ctx_at(15))
    record = state.cases[case_id]
    assert record.case.tier == Tier.KAPOLSEK
    assert record.case.assignee.officer_id == officer(Tier.KAPOLSEK, VILLAGE).officer_id  # type: ignore[union-attr]
    assert record.case.due_at == ctx_at(45).now
    assert [n.tier for n in out.notices] == [Tier.KAPOLSEK]
    assert out.notices[0].action == TierAction.ESCALATED
    sent = {n.kind: n for n in out.notifications}
    assert sent[NotificationKind.OFFICER_ESCALATED_CASE].params["from_tier"] == "bhabin"
    assert sent[NotificationKind.ESCALATED].params == {
        "reference": record.case.reference,
        "tier": "kapolsek",
    }

    state, out = handle_command(state, deadline_of(record), ctx_at(45))
    record = state.cases[case_id]
    assert record.case.tier == Tier.KAPOLRES
    assert record.case.escalations == 2
    assert [n.tier for n in out.notices] == [Tier.KAPOLRES]

    # At the top: reminders to the Kapolres (2 in this policy), then the clock stops.
    state, out = handle_command(state, deadline_of(record), ctx_at(105))
    record = state.cases[case_id]
    assert record.case.tier == Tier.KAPOLRES and record.reminders == 1
    assert [n.kind for n in out.notifications] == [NotificationKind.OFFICER_CASE_UPDATE]
    assert out.notifications[0].params["update"] == OfficerUpdate.REMINDER
    assert out.notifications[0].params["reminder"] == 1
    state, out = handle_command(state, deadline_of(record), ctx_at(165))
    assert state.cases[case_id].case.due_at is None


def test_acknowledgement_stops_the_ladder_and_a_racing_deadline_does_nothing():
    state, record = opened()
    stale_deadline = deadline_of(record)
    bhabin = officer(Tier.BHABIN, VILLAGE)
    state, out = handle_command(
        state, command(CommandKind.ACKNOWLEDGE, record.case.case_id, by=bhabin), ctx_at(5)
    )
    case = state.cases[record.case.case_id].case
    assert case.status == CaseStatus.ACKNOWLEDGED
    assert [e.kind for e in out.events] == [CaseEventKind.ACKNOWLEDGED]
    assert NotificationKind.ASSIGNED in [n.kind for n in out.notifications]
    assert NotificationKind.OFFICER_ACTION_DONE in [n.kind for n in out.notifications]

    after, out = handle_command(state, stale_deadline, ctx_at(15))
    assert out.message_ids() == []
    assert after.cases == state.cases


def test_duplicate_deadline_escalates_once():
    state, record = opened()
    state, first = handle_command(state, deadline_of(record), ctx_at(15))
    state2, second = handle_command(state, deadline_of(record), ctx_at(15.1))
    assert first and not second
    assert state2.cases == state.cases


def test_officer_outside_his_area_is_refused():
    state, record = opened()
    stranger = next(
        o for o in state_officers() if o.tier == Tier.BHABIN and VILLAGE.code not in o.area_codes
    )
    after, out = handle_command(
        state, command(CommandKind.ACKNOWLEDGE, record.case.case_id, by=stranger), ctx_at(1)
    )
    assert after.cases == state.cases
    assert [n.params["action"] for n in out.notifications] == ["not_allowed"]


def state_officers():
    from tests.router.builders import base_context

    return base_context().officers.roster.officers


def test_resolve_asks_for_a_rating_and_the_digit_reply_is_recorded():
    state, record = opened()
    bhabin = officer(Tier.BHABIN, VILLAGE)
    state, out = handle_command(
        state,
        command(CommandKind.RESOLVE, record.case.case_id, by=bhabin, note="Pelaku diamankan"),
        ctx_at(30),
    )
    case = state.cases[record.case.case_id].case
    assert case.status == CaseStatus.RESOLVED and case.resolution_note == "Pelaku diamankan"
    sent = {n.kind: n for n in out.notifications}
    assert sent[NotificationKind.RESOLVED].params["note"] == "Pelaku diamankan"
    assert sent[NotificationKind.RATING_QUESTION].params["case_id"] == case.case_id
    assert [(n.tier, n.action) for n in out.notices] == [(Tier.BHABIN, TierAction.CLOSED)]

    state, out = handle_inbound(state, inbound("5"), ctx_at(31))
    case = state.cases[record.case.case_id].case
    assert case.rating == 5
    assert [e.kind for e in out.events] == [CaseEventKind.RATED]


def test_rating_button_reply():
    state, record = opened()
    state, _ = handle_command(
        state, command(CommandKind.RESOLVE, record.case.case_id, note="Selesai"), ctx_at(30)
    )
    state, _out = handle_inbound(
        state, inbound(choice_id=f"rate:{record.case.case_id}:4"), ctx_at(31)
    )
    assert state.cases[record.case.case_id].case.rating == 4


def test_reopen_within_the_window_restarts_the_clock():
    state, record = opened()
    state, _ = handle_command(
        state, command(CommandKind.RESOLVE, record.case.case_id, note="Selesai"), ctx_at(30)
    )
    state, out = handle_command(state, command(CommandKind.REOPEN, record.case.case_id), ctx_at(60))
    case = state.cases[record.case.case_id].case
    assert case.status == CaseStatus.OPEN
    assert case.due_at == ctx_at(75).now
    assert [e.kind for e in out.events] == [CaseEventKind.REOPENED]


def test_reassign_and_note_from_the_api():
    state, record = opened()
    kapolsek = officer(Tier.KAPOLSEK, VILLAGE)
    state, out = handle_command(
        state, command(CommandKind.REASSIGN, record.case.case_id, target=kapolsek), ctx_at(3)
    )
    case = state.cases[record.case.case_id].case
    assert case.assignee.officer_id == kapolsek.officer_id  # type: ignore[union-attr]
    assert case.tier == Tier.KAPOLSEK
    state, out = handle_command(
        state,
        command(CommandKind.ADD_NOTE, record.case.case_id, note="Sudah ditelepon"),
        ctx_at(4),
    )
    assert [e.kind for e in out.events] == [CaseEventKind.NOTE_ADDED]


def test_replaying_the_same_inputs_from_the_same_state_gives_identical_message_ids():
    def run() -> list[str]:
        state = ReporterState.empty(citizen())
        ids: list[str] = []
        for minutes, msg in (
            (0, inbound("motor saya dicuri di desa Sukorejo", wamid="wamid.R1")),
            (1, inbound(choice_id="village:35.22.02.2009", wamid="wamid.R2")),
            (2, inbound("fotonya", photo=True, wamid="wamid.R3")),
        ):
            state, out = handle_inbound(state, msg, ctx_at(minutes))
            ids += out.message_ids()
        record = next(iter(state.cases.values()))
        state, out = handle_command(state, deadline_of(record), ctx_at(20))
        return ids + out.message_ids()

    first, second = run(), run()
    assert first == second
    assert len(first) == len(set(first))


def test_a_message_seen_before_produces_nothing():
    msg = inbound("kemarin ayam saya dicuri", wamid="wamid.DUP")
    state, out = handle_inbound(ReporterState.empty(citizen()), msg, ctx_at())
    again, out2 = handle_inbound(state, msg, ctx_at(1))
    assert out and not out2
    assert again == state


def test_random_sequences_keep_versions_consecutive_and_ids_unique():
    """Property: whatever order actions come in, every case's events have versions 1, 2,
    3, ... with ids `<case_id>:<version>`, and no message id is ever produced twice."""
    bhabin = officer(Tier.BHABIN, VILLAGE)
    for seed in range(40):
        rng = random.Random(seed)
        state = ReporterState.empty(citizen())
        seen: set[str] = set()
        versions: dict[str, list[int]] = {}
        minute = 0.0
        for step in range(25):
            minute += rng.choice([0.5, 5, 20])
            ctx = ctx_at(minute)
            record = next(iter(state.cases.values()), None)
            choice = rng.randrange(9)
            out: Outputs
            if record is None or choice < 2:
                texts = [
                    "ayam saya dicuri",
                    f"ayam saya dicuri {describe(VILLAGE)}",
                    "cek status",
                    "batal",
                    "halo",
                    "3",
                    "ini fotonya",
                ]
                state, out = handle_inbound(state, inbound(rng.choice(texts)), ctx)
            elif choice < 4:
                state, out = handle_command(state, deadline_of(record), ctx)
            else:
                kind = rng.choice(list(CommandKind))
                state, out = handle_command(
                    state,
                    command(
                        kind,
                        record.case.case_id,
                        by=rng.choice([bhabin, None]),
                        note="catatan",
                        target=bhabin,
                        expected_version=record.case.version,
                    ),
                    ctx,
                )
            ids = out.message_ids()
            assert not seen & set(ids), (seed, step)
            seen.update(ids)
            for event in out.events:
                assert event.message_id == f"{event.case.case_id}:{event.case.version}"
                versions.setdefault(event.case.case_id, []).append(event.case.version)
        for case_versions in versions.values():
            assert case_versions == list(range(1, len(case_versions) + 1)), seed


def test_a_command_for_an_unknown_case_changes_nothing():
    state = ReporterState.empty(citizen())
    after, out = handle_command(
        state, command(CommandKind.ACKNOWLEDGE, "c_nobody-000000000000"), ctx_at()
    )
    assert after == state and not out
