"""Area codes: levels, containment (the one implementation), and the idn-area reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from contracts.areas import (
    AREA_DATA_DIR_SETTING,
    AreaDataError,
    AreaLevel,
    ancestors,
    area_level,
    parent_code,
    read_area_data,
    within,
)

AREA_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "idn-area"


def test_within_respects_code_boundaries() -> None:
    assert within("35.22.01.2001", "35.22")
    assert within("35.22.01.2001", "35.22.01")
    assert within("35.22.01.2001", "35.22.01.2001")
    assert not within("35.22.01.2001", "35.2")
    assert not within("35.22.010.2001", "35.22.01")
    assert not within("35.22", "35.22.01")  # an area is not inside a smaller one


def test_within_any_of_several_areas() -> None:
    assert within("35.22.01.2001", ("35.22.02", "35.22.01"))
    assert not within("35.22.011", ("35.22.01",))
    assert not within("35.22.01.2001", ())


def test_levels_ancestors_and_parents() -> None:
    assert area_level("35") is AreaLevel.PROVINCE
    assert area_level("35.22") is AreaLevel.REGENCY
    assert area_level("35.22.07") is AreaLevel.DISTRICT
    assert area_level("35.22.07.2001") == "village"
    for bad in ("", "junk", "35.22.07.2001.1", "35.2a"):
        with pytest.raises(ValueError):
            area_level(bad)
    assert ancestors("35.22.07.2001") == ["35.22.07.2001", "35.22.07", "35.22", "35"]
    assert parent_code("35.22.07") == "35.22" and parent_code("35") == ""


def test_one_regency_is_read_with_its_province_districts_and_villages() -> None:
    data = read_area_data(AREA_DATA, ["35.22"])
    assert [(r.code, r.name, r.parent_code) for r in data.regencies] == [
        ("35.22", "Kabupaten Bojonegoro", "35")
    ]
    assert [p.code for p in data.provinces] == ["35"]
    assert len(data.districts) == 28 and len(data.villages) == 430
    assert all(v.code.startswith("35.22.") for v in data.villages)


def test_unknown_or_wrong_level_regencies_are_refused() -> None:
    with pytest.raises(ValueError, match=r"99\.99"):
        read_area_data(AREA_DATA, ["99.99"])
    with pytest.raises(ValueError, match="not a regency"):
        read_area_data(AREA_DATA, ["35.22.01"])


def test_missing_or_unreadable_data_is_one_error_naming_the_setting(tmp_path: Path) -> None:
    with pytest.raises(AreaDataError, match=AREA_DATA_DIR_SETTING):
        read_area_data(tmp_path / "nowhere", ["35.22"])
    (tmp_path / "regencies.csv").write_text("code,province_code,name\n35.22,35,X\n")
    with pytest.raises(AreaDataError, match=f"provinces.csv.*{AREA_DATA_DIR_SETTING}"):
        read_area_data(tmp_path, ["35.22"])
    (tmp_path / "provinces.csv").write_bytes(b"code,name\n35,\xff\xfe\n")
    with pytest.raises(AreaDataError, match="not readable"):
        read_area_data(tmp_path, ["35.22"])
    (tmp_path / "provinces.csv").write_text("id,label\n35,Jawa Timur\n")
    with pytest.raises(AreaDataError, match="lacks the columns"):
        read_area_data(tmp_path, ["35.22"])
