"""Officers' commands as they type them (issue 18): Javanese and abbreviated verbs,
references without the dash, and a reply to a case's notification meaning that case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contracts.case_commands import CommandKind
from contracts.case_references import ReferenceMessageKind
from contracts.hierarchy import CaseStatus
from contracts.notifications import (
    NotificationEvent,
    NotificationKind,
    NotificationStatus,
    RecipientKind,
)
from contracts.whatsapp_events import MessageContext
from services.router.cases.commands import handle_command
from services.router.cases.officer_messages import handle_officer_inbound
from services.router.cases.references import handle_reference, reply_reference
from services.router.domain.intents import OfficerAction, OfficerCommand, parse_officer_command
from services.router.reply_agent import registration
from tests.router.builders import T0, ctx_at
from tests.router.test_officer_messages import from_officer, opened

A, R, N = OfficerAction.ACKNOWLEDGE, OfficerAction.RESOLVE, OfficerAction.NOTE


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("terima bjn7k3q9x", OfficerCommand(A, "BJN-7K3Q9X")),
        ("TERIMA BJN 7K3Q9X", OfficerCommand(A, "BJN-7K3Q9X")),
        ("terima BJN-7K3Q9O", OfficerCommand(A, "BJN-7K3Q90")),
        ("tampi BJN-7K3Q9X", OfficerCommand(A, "BJN-7K3Q9X")),
        ("trimo 7k3q9x", OfficerCommand(A, "BJN-7K3Q9X")),
        ("wis tak tangani bjn 7k3q9x", OfficerCommand(A, "BJN-7K3Q9X")),
        ("rampung BJN7K3Q9X", OfficerCommand(R, "BJN-7K3Q9X")),
        ("BJN7K3Q9X rampung", OfficerCommand(R, "BJN-7K3Q9X")),
        ("beres bjn-7k3q9x aman", OfficerCommand(R, "BJN-7K3Q9X", "aman")),
        ("sls BJN 7K3Q9X pelaku diamankan", OfficerCommand(R, "BJN-7K3Q9X", "pelaku diamankan")),
        ("ctt bjn7k3q9x saksi diperiksa", OfficerCommand(N, "BJN-7K3Q9X", "saksi diperiksa")),
        ("ok siap", None),  # not a reply: no case
        ("rampung", None),
        ("terima kasih pak", None),
    ],
)
def test_officers_words_and_references(text: str, command: OfficerCommand | None) -> None:
    assert parse_officer_command(text) == command


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("ok siap", OfficerCommand(A, None)),
        ("Siap ndan", OfficerCommand(A, None)),
        ("tampi", OfficerCommand(A, None)),
        ("rampung, pelaku diamankan", OfficerCommand(R, None, "pelaku diamankan")),
        ("sls", OfficerCommand(R, None)),
        ("terima kasih pak", None),
        ("naik motor ke pasar", None),
        ("selesai BJN-7K3Q9X", OfficerCommand(R, "BJN-7K3Q9X")),  # a typed reference wins
    ],
)
def test_in_a_reply_a_command_without_reference_means_the_case_replied_to(
    text: str, command: OfficerCommand | None
) -> None:
    assert parse_officer_command(text, replying=True) == command


def _event(case_id: str, **changes: object) -> NotificationEvent:
    event = NotificationEvent(
        message_id="n:sent", occurred_at=T0, notification_id="n", status_at=T0,
        kind=NotificationKind.OFFICER_NEW_CASE, status=NotificationStatus.SENT,
        case_id=case_id, recipient_kind=RecipientKind.OFFICER, wamid="wamid.NOTE1",
    )
    return event.model_copy(update=changes)


def test_a_reply_to_the_notification_acts_on_its_case():
    state, case, _ = opened()
    registered = registration(_event(case.case_id))
    assert registered is not None and registered.reference == reply_reference("wamid.NOTE1")
    entry, _, _ = handle_reference(None, registered, T0)

    bhabin, msg = from_officer("ok siap")
    msg = msg.model_copy(update={"context": MessageContext(replied_to_wamid="wamid.NOTE1")})
    out = handle_officer_inbound(msg, bhabin, T0)
    [ref] = out.references
    assert ref.kind == ReferenceMessageKind.COMMAND and ref.reference == "wamid:wamid.NOTE1"
    _, [routed], _ = handle_reference(entry, ref, T0)
    assert routed.case_id == case.case_id and routed.kind == CommandKind.ACKNOWLEDGE
    state, _ = handle_command(state, routed, ctx_at(2))
    assert state.cases[case.case_id].case.status == CaseStatus.ACKNOWLEDGED


def test_only_sent_officer_notifications_about_a_case_are_registered():
    _, case, _ = opened()
    assert registration(_event(case.case_id, recipient_kind=RecipientKind.CITIZEN)) is None
    assert registration(_event(case.case_id, status=NotificationStatus.DELIVERED)) is None
    assert registration(_event(case.case_id, wamid=None)) is None
    assert registration(_event("no-reporter-key")) is None


def test_a_reply_to_a_message_of_no_known_case_asks_for_the_reference():
    bhabin, msg = from_officer("sls")
    msg = msg.model_copy(update={"context": MessageContext(replied_to_wamid="wamid.OTHER")})
    [ref] = handle_officer_inbound(msg, bhabin, datetime.now(UTC)).references
    _, commands, [answer] = handle_reference(None, ref, T0)
    assert commands == []
    assert answer.params == {"reference": "", "action": "unknown_command"}
