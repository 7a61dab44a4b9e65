"""Urgency reads time and risk to life, not crime words alone (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.hierarchy import Category, Urgency
from services.router.domain.classify import classify
from services.router.domain.urgency import is_over, is_young


@pytest.mark.parametrize(
    "text",
    [
        # someone missing who cannot look after themselves, even since yesterday
        "anakku umur 7 durung mulih wiwit wingi sore",
        "bapak kula sampun pikun, kesah saking griya dereng wangsul",
        "adik saya usia 12 tahun belum pulang dari kemarin",
        # trapped, injured, drowning, not yet evacuated
        "omah ketimbun lemah, wong sak omah durung dientas",
        "banjir sampun dumugi atap, simbah taksih wonten salebeting griya",
        "motor ditabrak truk, pengendarane gak sadar ning dalan",
        "bocah kecemplung kali durung ketemu",
        # a weapon, a threat to kill, a suicide
        "tonggoku nggowo celurit nantang wong sak kampung",
        "dia bilang mau membunuh saya, kemarin malam dia datang lagi",
        "kancaku pamitan neng status, jare wis ora kuat urip, saiki hp ne mati",
        # it is happening now, said in ngoko, krama or slang
        "malinge isih neng njero omah saiki",
        "wonten maling taksih wonten griya tanggi kula sakmenika",
        "skrg ada debt collector maksa masuk rumah, bapak sy sesak napas",
        "baru saja ada orang dibacok di depan pasar",
        "bojone dipun antemi wiwit wau, kula mboten saged mlebet",
        # fire with people inside
        "omah tanggaku kobong, isih ana wong ning njero",
    ],
)
def test_a_life_at_risk_is_an_emergency(text: str) -> None:
    result = classify(text)
    assert result.emergency, result.matched
    assert result.urgency is Urgency.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "tadi malam rumah saya kemalingan, tv hilang",
        "wingi bengi wedhusku loro digondol maling",
        "mau bengi omahku dibobol, saiki wis tak laporke RT",
        "minggu lalu saya dipukul orang di pasar, sudah visum",
        "dalu wau sepeda kula ical wonten latar",
        "tolong pak, motor saya dicuri senin malam di depan rumah",
        "dua pekan lalu warung saya dibobol maling",
        "kemarin ada kebakaran gudang, sekarang sudah padam",
        "pelakunya sudah diamankan warga, korban sudah dibawa ke puskesmas",
        "ditemukan mayat di pinggir sungai, warga menunggu polisi",
    ],
)
def test_the_past_with_nobody_at_risk_is_not(text: str) -> None:
    assert not classify(text).emergency, classify(text).matched


def test_a_missing_person_found_again_is_no_longer_an_emergency() -> None:
    assert classify("anak saya hilang dari tadi pagi").emergency
    assert not classify("anak saya yang hilang sudah pulang").emergency


@pytest.mark.parametrize(
    ("words", "young"),
    [
        (["umur", "6"], True),
        (["usia", "14", "tahun"], True),
        (["adik", "15th"], True),
        (["yuswa", "78"], False),
        (["umur", "19"], False),
        (["jam", "6"], False),
    ],
)
def test_a_child_is_read_from_an_age(words: list[str], young: bool) -> None:
    assert is_young(words) is young


def test_over_means_not_negated() -> None:
    assert is_over("pelaku sudah diamankan".split())
    assert not is_over("wis rong dino durung dievakuasi".split())


def test_ties_between_high_and_emergency_go_to_emergency_for_a_risk_to_life() -> None:
    result = classify("tolong ada orang ngamuk bawa parang di pasar")
    assert result.urgency is Urgency.EMERGENCY
    assert classify("ada orang hilang kontak dua hari").urgency is Urgency.HIGH
    assert classify("lapor pak, ada pencurian sandal di masjid").category is Category.THEFT


_DATA = Path(__file__).parent / "data" / "issue12_emergency.tsv"


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        tuple(line.split("\t"))
        for line in _DATA.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ],
)
def test_written_emergencies(emergency: str, text: str) -> None:
    assert classify(text).emergency is (emergency == "1"), classify(text).matched


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("celurite", "celurit"),
        ("mayate", "mayat"),
        ("goloknya", "golok"),
        ("pisaumu", "pisau"),
    ],
)
def test_an_ending_the_vocabulary_does_not_list_is_read_as_its_stem(word: str, stem: str) -> None:
    from services.router.domain.classify import canonical_word

    assert canonical_word(word) == stem
