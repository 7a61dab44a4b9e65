"""A village from a citizen's words: markers, typos, Javanese, repeated names, guards."""

from __future__ import annotations

import pytest

from services.router.domain.directory import Directory, Village
from services.router.domain.village_text import VillageMatch, resolve_village

from .classification_table import TABLE


def _names(directory: Directory, match: VillageMatch) -> list[str]:
    return [directory.describe(v) for v in match.villages]


@pytest.fixture(scope="module")
def regency(bojonegoro: Directory) -> list[Village]:
    return bojonegoro.villages_in("35.22")


ALL_SUKOREJO = ["Sukorejo, Kec. Tambakrejo", "Sukorejo, Kec. Bojonegoro", "Sukorejo, Kec. Malo"]


@pytest.mark.parametrize(
    ("text", "expected", "district"),
    [
        ("di desa Sukorejo kec. Bojonegoro", ["Sukorejo, Kec. Bojonegoro"], "Bojonegoro"),
        ("ds sukorejo", ALL_SUKOREJO, None),
        ("Sukorejo", ALL_SUKOREJO, None),
        ("maling di sukorjo", ALL_SUKOREJO, None),  # a typo does not pick one of three
        ("desa sukorjo kec bojonegor", ["Sukorejo, Kec. Bojonegoro"], "Bojonegoro"),
        ("ds sukorejo kec bjn", ["Sukorejo, Kec. Bojonegoro"], "Bojonegoro"),
        ("neng deso sukoreja kecamatan malo", ["Sukorejo, Kec. Malo"], "Malo"),
        ("kec. tambakrejo ds sukorejo", ["Sukorejo, Kec. Tambakrejo"], "Tambakrejo"),
        ("Ds.Sukorejo, Kec.Malo", ["Sukorejo, Kec. Malo"], "Malo"),
        ("sukorejo wilayah polsek malo", ["Sukorejo, Kec. Malo"], "Malo"),
        ("kel. Kadipaten", ["Kadipaten, Kec. Bojonegoro"], None),
        ("KELURAHAN KADIPATEN", ["Kadipaten, Kec. Bojonegoro"], None),
        ("di Kadipatn", ["Kadipaten, Kec. Bojonegoro"], None),
        ("ing dusun Ledok Kulon", ["Ledok Kulon, Kec. Bojonegoro"], None),
        ("ledokkulon", ["Ledok Kulon, Kec. Bojonegoro"], None),
        ("motor ilang neng kedungadm", ["Kedungadem, Kec. Kedungadem"], None),
        ("desa sumber agung kec dander", ["Sumberagung, Kec. Dander"], "Dander"),
        ("Desa Soekoredjo kec Malo", ["Sukorejo, Kec. Malo"], "Malo"),  # old spelling
        ("desa sudah", ["Sudah, Kec. Malo"], None),  # an ordinary word, after "desa"
        ("ds. Sudah, Malo", ["Sudah, Kec. Malo"], "Malo"),  # a district named beside it
        ("desa sudah kec malo", ["Sudah, Kec. Malo"], "Malo"),
        ("kecamatan dander", [], "Dander"),  # a district alone: no village
        ("desa sukorejo kec dander", ALL_SUKOREJO, "Dander"),  # no Sukorejo in Dander
    ],
)
def test_villages_named_in_text(
    bojonegoro: Directory,
    regency: list[Village],
    text: str,
    expected: list[str],
    district: str | None,
) -> None:
    match = resolve_village(text, regency, bojonegoro)
    assert _names(bojonegoro, match) == expected
    assert (match.district_hint.name if match.district_hint else None) == district


@pytest.mark.parametrize(
    "text",
    [
        "motor saya hilang tolong",  # "hilang" is one letter from Pilang
        "tolong pak ada maling",
        "maling mati dihajar warga",  # not the village Malingmati
        "sudah lapor tapi belum ada kabar",  # "Sudah" is a village
        "kemarin sekarang",  # "sekarang" is one letter from Sekaran
        "di pasar kota",
        "bareng karo kancane soko pasar",  # Bareng, Soko are villages too
        "omahku dibobol maling pas ditinggal kondangan",  # ~ Kandangan
        "ada motor parkir lama di depan gang",
        "saya tinggal di rt 02 rw 03 dekat masjid",
        "di desa sudah ada ronda tiap malam",  # "desa Sudah" only when the name stands alone
    ],
)
def test_ordinary_words_are_not_villages(
    bojonegoro: Directory, regency: list[Village], text: str
) -> None:
    assert resolve_village(text, regency, bojonegoro).villages == []


def test_no_report_of_the_classification_table_names_a_village(
    bojonegoro: Directory, regency: list[Village], national: Directory
) -> None:
    for text, *_ in TABLE:
        assert resolve_village(text, regency, bojonegoro).villages == [], text
        assert resolve_village(text, [], national).villages == [], text


def test_candidates_limit_the_answer(bojonegoro: Directory) -> None:
    malo = bojonegoro.villages_in("35.22.17")
    match = resolve_village("ds sukorejo", malo, bojonegoro)
    assert _names(bojonegoro, match) == ["Sukorejo, Kec. Malo"]
    assert resolve_village("desa kadipaten", malo, bojonegoro).villages == []


def test_the_national_file_resolves_exact_names(national: Directory) -> None:
    bojonegoro = national.villages_in("35.22")
    match = resolve_village("di desa Sukorejo kec. Bojonegoro", bojonegoro, national)
    assert _names(national, match) == ["Sukorejo, Kec. Bojonegoro"]
    everywhere = resolve_village("di desa Sukorejo", [], national)
    assert 2 <= len(everywhere.villages) <= 10  # many in the country: at most 10, ambiguous
    assert all(v.name == "Sukorejo" for v in everywhere.villages)


def test_at_most_ten_candidates_best_first(bojonegoro: Directory, regency: list[Village]) -> None:
    text = "desa sukorejo atau sumberagung atau kalirejo atau mojorejo atau sumberarum"
    match = resolve_village(text, regency, bojonegoro)
    assert 2 < len(match.villages) <= 10
    assert match.ambiguous and match.resolved is None


# -- issue 12: the whole text is weighed ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a village beside its own district, either order, no marker
        ("Ngunut Dander, ada kecelakaan", ["Ngunut, Kec. Dander"]),
        ("kejadian di Dander Ngunut tadi", ["Ngunut, Kec. Dander"]),
        ("Jatiblimbing, Dander: ada maling", ["Jatiblimbing, Kec. Dander"]),
        ("wotan sumberrejo ana tawuran", ["Wotan, Kec. Sumberrejo"]),
        # beside its district, a village name shared by two districts is no longer ambiguous
        ("desa Kacangan Malo", ["Kacangan, Kec. Malo"]),
        # a misspelt name beside its district
        ("Jatiblimbng Dander ono maling", ["Jatiblimbing, Kec. Dander"]),
        # an everyday word after "desa", followed by its district, or capitalised
        ("ds jari gondang gak ada air bersih", ["Jari, Kec. Gondang"]),
        ("rumah saya di desa Wedi Kapas kebanjiran", ["Wedi, Kec. Kapas"]),
        ("tetangga saya ing desa Sudah nembe ngancam", ["Sudah, Kec. Malo"]),
        # "ds" is written only to name a place: an everyday word after it is a name
        ("ana tawuran neng ds sudah kabeh nggowo watu", ["Sudah, Kec. Malo"]),
        # the writer's home is not where it happened
        ("sy asli ds. Tejo tp kejadiane di desa Pilang kanor", ["Pilang, Kec. Kanor"]),
    ],
)
def test_the_whole_text_is_weighed(
    bojonegoro: Directory, regency: list[Village], text: str, expected: list[str]
) -> None:
    assert _names(bojonegoro, resolve_village(text, regency, bojonegoro)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "warungku ten pasar Kapas dibobol",  # a market named after a village
        "ada mayat di bawah jembatan Kanor",
        "balap liar di jalan raya Sukosewu tiap malam",
        "ditilang di pos lantas Baureno",
        "kecelakaan neng dalan Dander Ngunut",  # a road between two places
        "anakku mendem nganti tiba",  # "nganti" is also a village
        "Katur Bapak Kapolres ingkang kinurmatan",  # "katur" too
    ],
)
def test_no_village_from_places_named_after_one_or_everyday_words(
    bojonegoro: Directory, regency: list[Village], text: str
) -> None:
    assert resolve_village(text, regency, bojonegoro).villages == []


def test_two_plausible_readings_are_both_returned(
    bojonegoro: Directory, regency: list[Village]
) -> None:
    names = _names(bojonegoro, resolve_village("ada maling di desa Kacangan", regency, bojonegoro))
    assert len(names) == 2 and all(name.startswith("Kacangan") for name in names)
