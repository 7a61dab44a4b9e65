"""The router's case state machine, without Kafka: citizen messages to cases."""

from __future__ import annotations

from contracts.case_events import CaseEventKind, TierAction
from contracts.hierarchy import CaseStatus, Category, Tier, Urgency
from contracts.notifications import NotificationKind, OfficerUpdate, RecipientKind
from services.router.cases.citizen import handle_inbound
from services.router.cases.outputs import Outputs
from services.router.cases.state import ReporterState
from services.router.domain.reference import reference_for_position
from tests.router.builders import (
    base_context,
    citizen,
    ctx_at,
    describe,
    inbound,
    line_of,
    officer,
    village_with_bhabin,
    village_without_bhabin,
)


def fresh() -> ReporterState:
    return ReporterState.empty(citizen())


def kinds(out: Outputs) -> list[NotificationKind]:
    return [n.kind for n in out.notifications]


def notices(out: Outputs) -> dict[Tier, TierAction]:
    return {n.tier: n.action for n in out.notices}


def test_report_on_the_kapolres_line_goes_to_the_villages_bhabin_and_is_visible_to_the_chief():
    village = village_with_bhabin()
    bhabin = officer(Tier.BHABIN, village)
    state, out = handle_inbound(
        fresh(), inbound(f"lapor pak, kemarin ayam saya dicuri orang {describe(village)}"), ctx_at()
    )

    [record] = state.cases.values()
    case = record.case
    assert case.status == CaseStatus.OPEN
    assert case.village_code == village.code
    assert case.tier == Tier.BHABIN
    assert case.assignee is not None and case.assignee.officer_id == bhabin.officer_id
    assert case.category == Category.LIVESTOCK_THEFT  # a chicken is livestock (issue 12)
    assert case.due_at == ctx_at(15).now  # Bhabin window of the policy in force
    assert [e.kind for e in out.events] == [CaseEventKind.OPENED, CaseEventKind.ASSIGNED]
    assert [e.message_id for e in out.events] == [f"{case.case_id}:1", f"{case.case_id}:2"]
    assert notices(out) == {Tier.BHABIN: TierAction.ASSIGNED, Tier.KAPOLRES: TierAction.VISIBLE}
    receipt = next(n for n in out.notifications if n.kind == NotificationKind.RECEIPT)
    assert receipt.recipient.key == citizen()
    assert receipt.params["reference"] == case.reference
    assert receipt.params["village"] == village.name
    assert receipt.params["handler_tier"] == "bhabin"
    assert receipt.message_id == f"{case.case_id}:2:receipt:{citizen()}"
    new_case = next(n for n in out.notifications if n.kind == NotificationKind.OFFICER_NEW_CASE)
    assert new_case.recipient.officer_id == bhabin.officer_id
    assert new_case.params["reporter_phone"] == "6281234500001"
    assert [r.reference for r in out.references] == [case.reference]


def test_village_without_a_bhabin_starts_at_its_kapolsek():
    village = village_without_bhabin()
    kapolsek = officer(Tier.KAPOLSEK, village)
    state, out = handle_inbound(fresh(), inbound(f"ada pencurian {describe(village)}"), ctx_at())
    case = next(iter(state.cases.values())).case
    assert case.tier == Tier.KAPOLSEK
    assert case.assignee is not None and case.assignee.officer_id == kapolsek.officer_id
    assert notices(out)[Tier.KAPOLSEK] == TierAction.ASSIGNED
    assert Tier.BHABIN not in notices(out)


def test_ambiguous_village_asks_with_a_list_and_the_choice_assigns_the_case():
    state, out = handle_inbound(fresh(), inbound("motor saya dicuri di desa Sukorejo"), ctx_at())
    case = next(iter(state.cases.values())).case
    assert case.status == CaseStatus.AWAITING_VILLAGE
    # Came in on the Kapolres line: his to see from the start, while we ask where.
    assert notices(out) == {Tier.KAPOLRES: TierAction.VISIBLE}
    [question] = out.notifications
    assert question.kind == NotificationKind.CHOOSE_VILLAGE
    options = question.params["options"]
    assert len(options) == 3
    assert all(o["id"].startswith("village:35.22.") for o in options)
    # The district tells equal names apart (as data: the catalogue writes "Kec. <name>").
    assert all(o["title"] == "Sukorejo" and o["district"] for o in options)
    assert len({o["district"] for o in options}) == 3

    chosen = options[1]["id"].removeprefix("village:")
    state, out = handle_inbound(state, inbound(choice_id=f"village:{chosen}"), ctx_at(1))
    case = state.cases[case.case_id].case
    assert case.village_code == chosen
    assert case.status == CaseStatus.OPEN
    assert [e.kind for e in out.events] == [CaseEventKind.VILLAGE_RESOLVED, CaseEventKind.ASSIGNED]
    assert NotificationKind.RECEIPT in kinds(out)


def test_unknown_village_is_asked_in_free_text_and_the_typed_answer_is_understood():
    village = village_with_bhabin()
    state, out = handle_inbound(fresh(), inbound("ada orang mabuk bikin ribut"), ctx_at())
    assert kinds(out) == [NotificationKind.ASK_VILLAGE]
    state, out = handle_inbound(state, inbound(describe(village)), ctx_at(2))
    case = next(iter(state.cases.values())).case
    assert case.village_code == village.code
    assert case.status == CaseStatus.OPEN


def test_bhabin_line_with_several_villages_offers_its_villages():
    bhabin_line = line_of(Tier.BHABIN, villages=3)
    state, out = handle_inbound(fresh(), inbound("ada tawuran pemuda", on=bhabin_line), ctx_at())
    [question] = out.notifications
    assert question.kind == NotificationKind.CHOOSE_VILLAGE
    offered = [o["id"].removeprefix("village:") for o in question.params["options"]]
    assert offered == list(bhabin_line.area_codes)
    state, out = handle_inbound(state, inbound("2", on=bhabin_line), ctx_at(1))
    case = next(iter(state.cases.values())).case
    assert case.village_code == bhabin_line.area_codes[1]


def test_reporters_last_village_is_used_for_a_new_case():
    village = village_with_bhabin()
    state, _ = handle_inbound(fresh(), inbound(f"ada pencurian {describe(village)}"), ctx_at())
    first = next(iter(state.cases.values())).case
    state, _ = handle_inbound(state, inbound("batal"), ctx_at(1))
    assert state.cases[first.case_id].case.status == CaseStatus.CANCELLED
    state, _out = handle_inbound(state, inbound("ada balap liar tiap malam"), ctx_at(2))
    second = next(r.case for r in state.cases.values() if r.case.case_id != first.case_id)
    assert second.village_code == village.code
    assert second.status == CaseStatus.OPEN


def test_follow_up_messages_join_the_open_case_with_photo_and_location():
    village = village_with_bhabin()
    state, _ = handle_inbound(
        fresh(), inbound(f"kemarin ayam saya dicuri orang {describe(village)}"), ctx_at()
    )
    case_id = next(iter(state.cases))
    state, out = handle_inbound(state, inbound("ini fotonya", photo=True), ctx_at(1))
    state, out2 = handle_inbound(state, inbound(location=(-7.15, 111.88)), ctx_at(2))
    assert list(state.cases) == [case_id]
    case = state.cases[case_id].case
    assert case.location is not None and case.location.latitude == -7.15
    assert [e.kind for e in out.events + out2.events] == [CaseEventKind.MESSAGE_ADDED] * 2
    assert out.events[0].entry.media is not None
    update = next(n for n in out.notifications if n.kind == NotificationKind.OFFICER_CASE_UPDATE)
    assert update.recipient.kind == RecipientKind.OFFICER
    assert NotificationKind.MESSAGE_ADDED in kinds(out)
    # What was added goes as data: the notifier's catalogue writes the officer's sentence.
    assert update.params["update"] == OfficerUpdate.CITIZEN_MESSAGE
    assert update.params["text"] == "ini fotonya"
    pin = next(n for n in out2.notifications if n.kind == NotificationKind.OFFICER_CASE_UPDATE)
    assert (pin.params["latitude"], pin.params["longitude"]) == (-7.15, 111.88)
    assert "text" not in pin.params


def test_status_lists_the_reporters_cases_and_changes_nothing():
    village = village_with_bhabin()
    state, _ = handle_inbound(
        fresh(), inbound(f"kemarin ayam saya dicuri orang {describe(village)}"), ctx_at()
    )
    case = next(iter(state.cases.values())).case
    after, out = handle_inbound(state, inbound("cek status laporan saya"), ctx_at(1))
    [answer] = out.notifications
    assert answer.kind == NotificationKind.STATUS_ANSWER
    assert answer.params["cases"][0]["reference"] == case.reference
    assert answer.params["cases"][0]["status"] == "open"
    assert out.events == []
    assert after.cases == state.cases


def test_cancel_closes_the_open_case_and_tells_its_tier():
    village = village_with_bhabin()
    state, _ = handle_inbound(
        fresh(), inbound(f"kemarin ayam saya dicuri orang {describe(village)}"), ctx_at()
    )
    state, out = handle_inbound(state, inbound("batalkan laporan"), ctx_at(1))
    case = next(iter(state.cases.values())).case
    assert case.status == CaseStatus.CANCELLED
    assert case.due_at is None
    assert [e.kind for e in out.events] == [CaseEventKind.CANCELLED]
    assert notices(out) == {Tier.BHABIN: TierAction.CLOSED}
    assert NotificationKind.CANCELLED in kinds(out)
    closed = next(n for n in out.notifications if n.kind == NotificationKind.OFFICER_CASE_UPDATE)
    assert closed.params["update"] == OfficerUpdate.CLOSED
    assert closed.params["status"] == "cancelled"


def test_emergency_notifies_every_tier_at_once_and_advises_calling_110():
    village = village_with_bhabin()
    text = f"tolong!! ada begal bawa celurit sekarang {describe(village)}"
    state, out = handle_inbound(fresh(), inbound(text), ctx_at())
    case = next(iter(state.cases.values())).case
    assert case.emergency and case.urgency == Urgency.EMERGENCY
    assert notices(out) == {tier: TierAction.EMERGENCY for tier in Tier}
    officers_told = {
        n.recipient.officer_id
        for n in out.notifications
        if n.kind == NotificationKind.OFFICER_NEW_CASE
    }
    assert officers_told == {officer(t, village).officer_id for t in Tier}
    assert NotificationKind.EMERGENCY_ADVICE in kinds(out)


def test_complaint_about_an_officer_starts_at_kapolres_and_hides_the_reporter():
    village = village_with_bhabin()
    text = f"mau lapor oknum polisi minta uang damai waktu razia {describe(village)}"
    state, out = handle_inbound(fresh(), inbound(text), ctx_at())
    case = next(iter(state.cases.values())).case
    assert case.category == Category.OFFICER_CONDUCT
    assert case.reporter.confidential
    assert case.tier == Tier.KAPOLRES
    assert set(notices(out)) == {Tier.KAPOLRES}
    assert all(n.reporter is None for n in out.notices)
    to_officers = [n for n in out.notifications if n.recipient.kind == RecipientKind.OFFICER]
    assert [n.recipient.officer_id for n in to_officers] == [
        base_context().officers.handler_at(Tier.KAPOLRES, village.code).officer_id  # type: ignore[union-attr]
    ]
    assert not any(k.startswith("reporter_") for n in to_officers for k in n.params)
    # The reporter's receipt says what it is (the catalogue writes "to the Kapolres, in
    # confidence" from it).
    receipt = next(n for n in out.notifications if n.kind == NotificationKind.RECEIPT)
    assert receipt.params["category"] == "officer_conduct"
    assert receipt.params["handler_tier"] == "kapolres"


def test_greeting_gets_help_and_opens_nothing():
    state, out = handle_inbound(fresh(), inbound("halo"), ctx_at())
    assert state.cases == {}
    assert kinds(out) == [NotificationKind.HELP]


def test_emergency_without_a_village_is_handled_at_once_then_located():
    village = village_with_bhabin()
    state, out = handle_inbound(
        fresh(), inbound("tolong ada begal bawa celurit sekarang"), ctx_at()
    )
    case = next(iter(state.cases.values())).case
    assert case.status == CaseStatus.OPEN and case.tier == Tier.KAPOLRES
    assert NotificationKind.EMERGENCY_ADVICE in kinds(out)
    assert NotificationKind.ASK_VILLAGE in kinds(out)

    state, out = handle_inbound(state, inbound(describe(village)), ctx_at(1))
    case = state.cases[case.case_id].case
    assert case.village_code == village.code
    assert [e.kind for e in out.events] == [CaseEventKind.VILLAGE_RESOLVED]
    assert notices(out)[Tier.BHABIN] == TierAction.EMERGENCY
    told = [n.recipient.officer_id for n in out.notifications]
    assert officer(Tier.BHABIN, village).officer_id in told


def test_a_case_takes_its_reference_from_the_position_of_its_first_message():
    village = village_with_bhabin()
    text = f"kemarin ayam saya dicuri orang {describe(village)}"
    first, _ = handle_inbound(fresh(), inbound(text), ctx_at().at_position(2, 41))
    other, _ = handle_inbound(
        ReporterState.empty(citizen("6281299990000")),
        inbound(text, wa_id="6281299990000"),
        ctx_at().at_position(2, 42),
    )
    [a] = [r.case.reference for r in first.cases.values()]
    [b] = [r.case.reference for r in other.cases.values()]
    assert a == reference_for_position(2, 41) and b == reference_for_position(2, 42)
    assert a != b


# --- a typed answer to the village list ---------------------------------------------------

SUKOREJO_MALO = "35.22.17.2015"


def _asked_sukorejo(text: str = "motor saya dicuri di desa Sukorejo") -> tuple[ReporterState, str]:
    state, out = handle_inbound(fresh(), inbound(text), ctx_at())
    question = next(n for n in out.notifications if n.kind == NotificationKind.CHOOSE_VILLAGE)
    assert len(question.params["options"]) == 3
    return state, next(iter(state.cases))


def test_a_typed_district_picks_the_offered_village_in_it():
    state, case_id = _asked_sukorejo()
    state, out = handle_inbound(state, inbound("yang di Malo"), ctx_at(1))
    case = state.cases[case_id].case
    assert case.village_code == SUKOREJO_MALO and case.status == CaseStatus.OPEN
    assert [e.kind for e in out.events] == [CaseEventKind.VILLAGE_RESOLVED, CaseEventKind.ASSIGNED]
    assert state.cases[case_id].village_options == []


def test_a_typed_number_picks_that_row_of_the_list():
    state, case_id = _asked_sukorejo()
    offered = state.cases[case_id].village_options
    state, _ = handle_inbound(state, inbound("nomor 3"), ctx_at(1))
    assert state.cases[case_id].case.village_code == offered[2]


def test_an_answer_naming_a_village_outside_the_list_is_asked_again_with_the_same_list():
    state, case_id = _asked_sukorejo()
    offered = state.cases[case_id].village_options
    # Ngujung lies in Malo, like one of the offered Sukorejo: still not an offered village.
    for answer in ("desa Ngujung kec. Malo", "Sukorejo", "nomor 7"):
        state, out = handle_inbound(state, inbound(answer), ctx_at(1))
        record = state.cases[case_id]
        assert record.case.village_code is None, answer
        assert record.case.status == CaseStatus.AWAITING_VILLAGE
        assert [e.kind for e in out.events] == [
            CaseEventKind.MESSAGE_ADDED, CaseEventKind.VILLAGE_REQUESTED
        ]
        [question] = out.notifications
        assert question.kind == NotificationKind.CHOOSE_VILLAGE
        assert [o["id"] for o in question.params["options"]] == [f"village:{c}" for c in offered]
        assert record.village_options == offered


def test_a_tap_on_a_row_that_was_not_offered_picks_nothing():
    state, case_id = _asked_sukorejo()
    outside = village_with_bhabin()
    state, out = handle_inbound(state, inbound(choice_id=f"village:{outside.code}"), ctx_at(1))
    assert state.cases[case_id].case.village_code is None
    assert kinds(out) == [NotificationKind.CHOOSE_VILLAGE]


def test_an_emergencys_typed_answer_to_the_list_locates_it():
    state, case_id = _asked_sukorejo("tolong ada begal bawa celurit sekarang di desa Sukorejo")
    assert state.cases[case_id].case.emergency
    state, out = handle_inbound(state, inbound("yg di malo pak"), ctx_at(1))
    case = state.cases[case_id].case
    assert case.village_code == SUKOREJO_MALO
    assert [e.kind for e in out.events] == [CaseEventKind.VILLAGE_RESOLVED]
    bhabin = base_context().officers.handler_at(Tier.BHABIN, SUKOREJO_MALO)
    assert bhabin is not None
    assert bhabin.officer_id in {n.recipient.officer_id for n in out.notifications}


def test_an_emergencys_answer_that_picks_nothing_is_kept_and_asked_again():
    state, case_id = _asked_sukorejo("tolong ada begal bawa celurit sekarang di desa Sukorejo")
    offered = state.cases[case_id].village_options
    state, out = handle_inbound(state, inbound("di Ngujung pak cepat"), ctx_at(1))
    record = state.cases[case_id]
    assert record.case.village_code is None
    assert [e.kind for e in out.events] == [CaseEventKind.MESSAGE_ADDED]
    question = next(n for n in out.notifications if n.kind == NotificationKind.CHOOSE_VILLAGE)
    assert [o["id"] for o in question.params["options"]] == [f"village:{c}" for c in offered]
    # The officer who has the emergency still sees what the reporter wrote.
    assert NotificationKind.OFFICER_CASE_UPDATE in kinds(out)
    # ... and the next answer is read against the same list.
    state, _ = handle_inbound(state, inbound("2"), ctx_at(2))
    assert state.cases[case_id].case.village_code == offered[1]


def test_an_unlocated_emergency_asked_in_free_text_is_asked_again_until_it_says_where():
    village = village_with_bhabin()
    state, _ = handle_inbound(fresh(), inbound("tolong ada begal bawa celurit sekarang"), ctx_at())
    case_id = next(iter(state.cases))
    state, out = handle_inbound(state, inbound("cepat pak tolong"), ctx_at(1))
    assert kinds(out)[-1] == NotificationKind.ASK_VILLAGE
    state, out = handle_inbound(state, inbound("di desa Sukorejo"), ctx_at(2))
    question = next(n for n in out.notifications if n.kind == NotificationKind.CHOOSE_VILLAGE)
    assert len(question.params["options"]) == 3
    state, _ = handle_inbound(state, inbound(describe(village)), ctx_at(3))
    assert state.cases[case_id].case.village_code is None  # not one of the three offered
    state, _ = handle_inbound(state, inbound("yang Malo"), ctx_at(4))
    assert state.cases[case_id].case.village_code == SUKOREJO_MALO


# --- thanks, greetings and questions never open a case ------------------------------------


def test_thanks_greetings_and_status_questions_open_no_case():
    for text in ("matur nuwun pak", "terima kasih", "makasih banyak pak", "ok", "halo",
                 "assalamualaikum", "selamat pagi pak", "status", "cek laporan saya"):
        state, out = handle_inbound(fresh(), inbound(text), ctx_at())
        assert state.cases == {}, text
        assert out.events == [] and out.notices == [] and out.references == [], text
        assert all(n.recipient.kind == RecipientKind.CITIZEN for n in out.notifications)
        assert NotificationKind.RECEIPT not in kinds(out), text


def test_thanks_after_a_case_neither_joins_nor_opens_a_case():
    village = village_with_bhabin()
    state, _ = handle_inbound(fresh(), inbound(f"ada pencurian {describe(village)}"), ctx_at())
    before = state.cases
    state, out = handle_inbound(state, inbound("matur nuwun pak"), ctx_at(1))
    assert state.cases == before
    assert out.events == [] and out.notifications == []
