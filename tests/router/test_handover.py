"""Handovers told (issue 18): the officer a case leaves hears where it went."""

from __future__ import annotations

from contracts.case_commands import CommandKind
from contracts.hierarchy import Tier
from contracts.notifications import NotificationKind, NotificationRequest, OfficerUpdate
from services.router.cases.commands import handle_command
from services.router.cases.outputs import Outputs
from tests.router.builders import command, ctx_at, officer
from tests.router.test_ladder import VILLAGE, deadline_of, opened


def updates_to(out: Outputs, officer_id: str) -> list[NotificationRequest]:
    return [
        n for n in out.notifications
        if n.kind == NotificationKind.OFFICER_CASE_UPDATE and n.recipient.officer_id == officer_id
    ]


def test_an_escalation_tells_the_bhabin_it_went_up_and_that_he_may_still_take_it():
    state, record = opened()
    bhabin, kapolsek = officer(Tier.BHABIN, VILLAGE), officer(Tier.KAPOLSEK, VILLAGE)
    _, out = handle_command(state, deadline_of(record), ctx_at(15))
    [told] = updates_to(out, bhabin.officer_id)
    assert told.params["update"] == OfficerUpdate.ESCALATED
    assert told.params["to_tier"] == "kapolsek"
    assert told.params["to_officer_name"] == kapolsek.name
    assert told.params["may_acknowledge"] is True
    assert not any(k.startswith("reporter_") for k in told.params)
    assert told.message_id == (
        f"{record.case.case_id}:{record.case.version + 1}:officer_case_update:{bhabin.officer_id}"
    )
    # A replay of the same deadline sends nothing again.
    state, _ = handle_command(state, deadline_of(record), ctx_at(15))
    _, again = handle_command(state, deadline_of(record), ctx_at(15))
    assert again.notifications == []


def test_the_officer_who_sends_it_up_himself_is_not_told_it_went_up():
    state, record = opened()
    bhabin = officer(Tier.BHABIN, VILLAGE)
    _, out = handle_command(
        state, command(CommandKind.ESCALATE, record.case.case_id, by=bhabin), ctx_at(2)
    )
    assert [n.params["action"] for n in out.notifications if n.recipient.officer_id
            == bhabin.officer_id] == ["escalate"]


def test_a_reassignment_tells_the_previous_and_the_new_officer():
    state, record = opened()
    bhabin, kapolsek = officer(Tier.BHABIN, VILLAGE), officer(Tier.KAPOLSEK, VILLAGE)
    _, out = handle_command(
        state, command(CommandKind.REASSIGN, record.case.case_id, target=kapolsek), ctx_at(3)
    )
    [told] = updates_to(out, bhabin.officer_id)
    assert told.params["update"] == OfficerUpdate.REASSIGNED
    assert told.params["to_tier"] == "kapolsek" and told.params["to_officer_name"] == kapolsek.name
    [alert] = [n for n in out.notifications if n.kind == NotificationKind.OFFICER_NEW_CASE]
    assert alert.recipient.officer_id == kapolsek.officer_id
    assert alert.params["handed_over"] is True and alert.params["from_tier"] == "bhabin"
