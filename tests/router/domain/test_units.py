"""Every category goes to the police unit that handles it."""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.classify import classify
from services.router.domain.units import UNIT_OF, Unit, handling


def test_every_category_has_a_unit() -> None:
    assert set(UNIT_OF) == set(Category)


def test_women_and_children_go_to_unit_ppa() -> None:
    for category in (
        Category.DOMESTIC_VIOLENCE,
        Category.SEXUAL_VIOLENCE,
        Category.CHILD_PROTECTION,
    ):
        assert handling(category).unit is Unit.UNIT_PPA


def test_officers_conduct_goes_to_propam_and_drugs_to_satresnarkoba() -> None:
    assert handling(Category.OFFICER_CONDUCT).unit is Unit.PROPAM
    assert handling(Category.DRUGS).unit is Unit.SATRESNARKOBA
    assert handling(Category.TRAFFIC_ACCIDENT).unit is Unit.SATLANTAS


def test_disasters_and_fires_name_their_outside_partner() -> None:
    assert handling(Category.DISASTER).partner == "BPBD"
    assert handling(Category.FLOOD).partner == "BPBD"
    assert handling(Category.FIRE).partner == "Damkar"
    assert handling(Category.THEFT).partner is None


def test_the_classification_carries_its_unit() -> None:
    result = classify("wedhus kula kalih ical saking kandhang dalu wau")
    assert result.category is Category.LIVESTOCK_THEFT
    assert result.unit is Unit.SATRESKRIM
