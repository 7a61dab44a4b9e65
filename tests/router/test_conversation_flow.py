"""Messages that are not reports, through the router's citizen handler (no Kafka)."""

from __future__ import annotations

from contracts.case_events import CaseEventKind
from contracts.notifications import NotificationKind
from services.router.cases.citizen import handle_inbound
from services.router.cases.state import ReporterState
from tests.router.builders import citizen, ctx_at, describe, inbound, village_with_bhabin


def fresh() -> ReporterState:
    return ReporterState.empty(citizen())


def test_asking_who_the_bhabin_is_opens_nothing() -> None:
    state, out = handle_inbound(fresh(), inbound("siapa ya bhabin desa Sukorejo?"), ctx_at())
    assert state.cases == {}
    # several villages are called Sukorejo: the citizen is asked which one (kenalan)
    assert [n.kind for n in out.notifications] == [NotificationKind.ASK_BHABIN_VILLAGE]


def test_a_long_thank_you_opens_nothing() -> None:
    text = "matur nuwun sanget pak polisi, motor putra kula sampun kapanggih, mugi tansah sehat"
    state, out = handle_inbound(fresh(), inbound(text), ctx_at())
    assert state.cases == {}
    assert out.events == []


def test_news_about_a_report_joins_the_open_case() -> None:
    village = village_with_bhabin()
    state, _ = handle_inbound(
        fresh(), inbound(f"kemarin motor saya dicuri orang {describe(village)}"), ctx_at()
    )
    case_id = next(iter(state.cases))
    state, out = handle_inbound(
        state, inbound("pak motor sing tak laporke wingi wis ketemu neng sawah"), ctx_at(1)
    )
    assert list(state.cases) == [case_id]
    assert [e.kind for e in out.events] == [CaseEventKind.MESSAGE_ADDED]


def test_news_without_an_open_case_gets_the_status_answer() -> None:
    state, out = handle_inbound(
        fresh(), inbound("tambahan pak, pelakunya pakai jaket hitam"), ctx_at()
    )
    assert state.cases == {}
    assert [n.kind for n in out.notifications] == [NotificationKind.STATUS_ANSWER]
