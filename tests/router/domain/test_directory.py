"""The area directory: the national file, Bojonegoro, and look-ups by code."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.areas import AREA_DATA_DIR_SETTING, AreaDataError
from services.router.domain.directory import REPO_ROOT, Directory, default_area_data_dir


def test_the_whole_country_loads(national: Directory) -> None:
    assert len(national) == 83_762
    assert len(list(national.districts())) == 7_285
    assert len(national.regency_codes()) == 514


def test_bojonegoro_has_28_districts_and_430_villages(national: Directory) -> None:
    assert national.regency_name("35.22") == "Kabupaten Bojonegoro"
    assert len(national.districts_in("35.22")) == 28
    assert len(national.villages_in("35.22")) == 430


def test_loading_one_regency_reads_only_that_regency() -> None:
    directory = Directory.load(regency_codes=["35.22"])
    assert len(directory) == 430
    assert directory.regency_codes() == ["35.22"]
    assert directory.village("11.01.01.2001") is None


def test_subset_equals_a_filtered_load(national: Directory, bojonegoro: Directory) -> None:
    loaded = Directory.load(regency_codes=["35.22"])
    assert [v.code for v in bojonegoro.villages_in("35.22")] == [
        v.code for v in loaded.villages_in("35.22")
    ]


def test_names_repeat_across_districts(bojonegoro: Directory) -> None:
    sukorejo = [v for v in bojonegoro.villages() if v.name == "Sukorejo"]
    assert sorted(bojonegoro.describe(v) for v in sukorejo) == [
        "Sukorejo, Kec. Bojonegoro",
        "Sukorejo, Kec. Malo",
        "Sukorejo, Kec. Tambakrejo",
    ]


def test_look_ups_by_code(bojonegoro: Directory) -> None:
    village = bojonegoro.village("35.22.15.1011")
    assert village is not None and village.name == "Kadipaten"
    assert village.district_code == "35.22.15" and village.regency_code == "35.22"
    district = bojonegoro.district("35.22.15")
    assert district is not None and district.name == "Bojonegoro"
    assert bojonegoro.district_of(village) == district
    assert bojonegoro.villages_in("35.22.15.1011") == [village]
    assert village in bojonegoro.villages_in("35.22.15")
    assert len(bojonegoro.villages_in("35.22.01")) == 16
    assert bojonegoro.village("99.99.99.9999") is None
    assert bojonegoro.villages_in("35.22.99") == []


def test_a_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AreaDataError, match=AREA_DATA_DIR_SETTING):
        Directory.load(tmp_path / "nowhere")


def test_unknown_regency_is_refused() -> None:
    with pytest.raises(ValueError, match=r"99\.99"):
        Directory.load(regency_codes=["99.99"])
    with pytest.raises(ValueError):
        Directory.load(regency_codes=["35.22.01"])


def test_default_folder_is_relative_to_the_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(AREA_DATA_DIR_SETTING, raising=False)
    assert default_area_data_dir() == (REPO_ROOT / "../shared/data/idn-area").resolve()
    monkeypatch.setenv(AREA_DATA_DIR_SETTING, "/data/areas")  # the domain never reads it
    assert default_area_data_dir() == (REPO_ROOT / "../shared/data/idn-area").resolve()
    assert default_area_data_dir("/data/areas") == Path("/data/areas")
