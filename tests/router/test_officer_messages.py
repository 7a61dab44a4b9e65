"""Officers acting from WhatsApp: buttons and short texts become routed commands."""

from __future__ import annotations

from contracts.case_commands import CommandKind
from contracts.case_references import ReferenceMessageKind
from contracts.hierarchy import CaseStatus, Tier
from contracts.lines import Sender
from services.router.cases.citizen import handle_inbound
from services.router.cases.commands import handle_command
from services.router.cases.officer_messages import handle_officer_inbound
from services.router.cases.references import handle_reference
from services.router.cases.state import ReporterState
from services.router.cases.versions import citizen_key_of
from tests.router.builders import (
    T0,
    citizen,
    ctx_at,
    describe,
    inbound,
    officer,
    village_with_bhabin,
)

VILLAGE = village_with_bhabin()


def opened():
    state, out = handle_inbound(
        ReporterState.empty(citizen()),
        inbound(f"kemarin ayam saya dicuri orang {describe(VILLAGE)}"),
        ctx_at(),
    )
    return state, next(iter(state.cases.values())).case, out


def from_officer(text: str | None = None, choice_id: str | None = None):
    bhabin = officer(Tier.BHABIN, VILLAGE)
    msg = inbound(text, choice_id=choice_id, wa_id=bhabin.wa_id)
    msg = msg.model_copy(update={"sender": Sender(key="c_officer", wa_id=bhabin.wa_id)})
    return bhabin, msg


def test_case_id_carries_the_reporters_key():
    _, case, _ = opened()
    assert citizen_key_of(case.case_id) == citizen()


def test_acknowledge_button_becomes_a_command_on_the_reporters_key():
    state, case, _ = opened()
    bhabin, msg = from_officer(choice_id=f"ack:{case.case_id}")
    out = handle_officer_inbound(msg, bhabin, T0)
    [cmd] = out.commands
    assert cmd.kind == CommandKind.ACKNOWLEDGE
    assert cmd.citizen_key == citizen()
    assert cmd.message_id == f"wa:{msg.wamid}"
    state, _ = handle_command(state, cmd, ctx_at(2))
    assert state.cases[case.case_id].case.status == CaseStatus.ACKNOWLEDGED


def test_resolve_text_with_reference_goes_through_the_reference_table():
    state, case, opened_out = opened()
    [registration] = opened_out.references
    entry, routed, notes = handle_reference(None, registration, T0)
    assert entry is not None and routed == [] and notes == []

    bhabin, msg = from_officer(f"selesai {case.reference.lower()} pelaku sudah diamankan")
    out = handle_officer_inbound(msg, bhabin, T0)
    [forward] = out.references
    assert forward.kind == ReferenceMessageKind.COMMAND
    assert forward.reference == case.reference
    entry, routed, notes = handle_reference(entry, forward, T0)
    [cmd] = routed
    assert cmd.kind == CommandKind.RESOLVE
    assert (cmd.case_id, cmd.citizen_key) == (case.case_id, citizen())
    assert cmd.note and "diamankan" in cmd.note
    state, _ = handle_command(state, cmd, ctx_at(3))
    assert state.cases[case.case_id].case.status == CaseStatus.RESOLVED


def test_unknown_reference_is_answered():
    bhabin, msg = from_officer("terima BJN-000000")
    [forward] = handle_officer_inbound(msg, bhabin, T0).references
    _, routed, notes = handle_reference(None, forward, T0)
    assert routed == []
    assert [n.params["action"] for n in notes] == ["not_found"]
    assert notes[0].recipient.officer_id == bhabin.officer_id


def test_state_survives_serialisation():
    state, _, _ = opened()
    assert ReporterState.from_bytes(state.to_bytes()) == state
