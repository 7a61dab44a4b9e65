"""A typed answer to the village list is read only among the villages offered."""

from __future__ import annotations

import pytest

from services.router.domain.directory import Village
from services.router.domain.village_choice import name_key, pick_offered
from tests.router.builders import base_context

# The three Sukorejo of Bojonegoro, in the order the list offered them.
TAMBAKREJO, BOJONEGORO, MALO = "35.22.02.2009", "35.22.15.2003", "35.22.17.2015"
SUKOREJO = [TAMBAKREJO, BOJONEGORO, MALO]


def offered(*codes: str) -> list[Village]:
    directory = base_context().directory
    return [v for v in (directory.village(c) for c in codes) if v is not None]


def picked(text: str, codes: list[str] = SUKOREJO) -> list[str]:
    return [v.code for v in pick_offered(text, offered(*codes), base_context().directory).villages]


@pytest.mark.parametrize(
    "answer",
    ["2", "nomor 2", "no 2", "no. 2", "no2", "Nomer 2", "yang ke-2", "yg kedua", "pilih 2",
     "nomer loro", "yang nomor dua pak", "2."],
)
def test_a_number_picks_that_row(answer: str) -> None:
    assert picked(answer) == [BOJONEGORO]


@pytest.mark.parametrize("answer", ["0", "4", "nomor 12", "yang keempat"])
def test_a_number_outside_the_list_picks_nothing(answer: str) -> None:
    assert picked(answer) == []


@pytest.mark.parametrize(
    "answer",
    ["yang di Malo", "Malo", "kec malo", "Sukorejo Malo", "sukorjo kec. Malo",
     "Soekoredjo kecamatan Malo", "yg malo pak", "Sukorejo RT 2 Malo", "neng Malo"],
)
def test_the_district_picks_the_offered_village_in_it(answer: str) -> None:
    assert picked(answer) == [MALO]


def test_district_abbreviations_count() -> None:
    assert picked("yang di bjn") == [BOJONEGORO]
    assert picked("Tambak Rejo") == [TAMBAKREJO]


@pytest.mark.parametrize("answer", ["Sukorejo", "desa sukorejo pak", "sukorjo"])
def test_a_name_all_offered_villages_share_picks_several(answer: str) -> None:
    assert picked(answer) == SUKOREJO


@pytest.mark.parametrize(
    "answer",
    ["desa Ngujung kec. Malo", "bukan, Ngujung", "Sukoharjo", "Kalitidu", "terima kasih",
     "tolong cepat pak", "motor saya hilang"],
)
def test_an_answer_naming_no_offered_village_picks_nothing(answer: str) -> None:
    assert picked(answer) == []


def test_a_village_that_was_not_offered_is_noticed() -> None:
    result = pick_offered("desa Ngujung kec. Malo", offered(*SUKOREJO), base_context().directory)
    assert result.villages == [] and result.outside


def test_different_villages_are_told_apart_by_name_with_a_typo() -> None:
    ctx = base_context()
    line = next(
        ln for ln in ctx.officers.roster.lines
        if ln.tier is not None and ln.tier.value == "bhabin" and len(ln.area_codes) == 3
    )
    codes = list(line.area_codes)
    villages = offered(*codes)
    for village in villages:
        assert picked(f"desa {village.name}", codes) == [village.code]
        assert picked(f"yang {village.name.lower()}", codes) == [village.code]
    typo = villages[0].name[:2] + villages[0].name[3:]  # one letter dropped
    if len(name_key(villages[0].name)) >= 5:
        assert picked(typo, codes) == [villages[0].code]


def test_a_name_never_reaches_outside_the_offered_villages() -> None:
    """Whatever is typed, the pick is among the options (a property over every village
    name of the regency as an answer to a list of two)."""
    directory = base_context().directory
    options = offered(TAMBAKREJO, MALO)
    for village in directory.villages_in("35.22"):
        result = pick_offered(f"desa {village.name}", options, directory).villages
        assert all(v in options for v in result), village


def test_old_spelling_and_spaces_are_one_name() -> None:
    assert name_key("Soekoredjo") == name_key("Sukorejo")
    assert name_key("Sumber Agung") == name_key("sumberagung")
