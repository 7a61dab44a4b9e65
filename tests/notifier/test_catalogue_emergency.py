"""Emergency advice by kind of danger (issue 18): the right number, always with 112."""

from __future__ import annotations

import pytest

from contracts.notifications import DangerKind, NotificationKind
from services.notifier.catalogue.texts import text_of
from tests.notifier.catalogue_requests import request


def _advice(**params: object) -> str:
    req = request(NotificationKind.EMERGENCY_ADVICE)
    return text_of(req.model_copy(update={"params": {**req.params, **params}}))


@pytest.mark.parametrize(
    ("danger", "number", "not_said"),
    [
        (DangerKind.FIRE, "*113*", "*110*"),
        (DangerKind.MEDICAL, "*119*", "*110*"),
        (DangerKind.CRIME, "*110*", "*113*"),
    ],
)
def test_the_number_for_the_danger_and_always_112(
    danger: DangerKind, number: str, not_said: str
) -> None:
    text = _advice(danger=danger.value)
    assert number in text and "*112*" in text and not_said not in text
    assert "BJN-7K3Q9" in text


def test_medical_names_118_as_well_and_fire_names_damkar() -> None:
    assert "*118*" in _advice(danger="medical")
    assert "Damkar" in _advice(danger="fire")


def test_a_disaster_names_the_regencys_bpbd_line() -> None:
    text = _advice(danger="disaster", bpbd_number="0353-881826")
    assert "BPBD" in text and "*0353-881826*" in text and "*112*" in text


def test_an_older_request_without_the_kind_says_110() -> None:
    assert "*110*" in _advice() and "*112*" in _advice()
