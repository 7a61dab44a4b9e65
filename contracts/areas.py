"""Indonesian area codes: their levels, "is this code inside that area", and the one reader
of the idn-area CSV files every service uses.

Codes are the official idn-area ones: a province `35`, a regency `35.22`, a district
(kecamatan) `35.22.07`, a village (desa/kelurahan) `35.22.07.2001`. The police hierarchy
maps onto them: a regency has a Polres (Kapolres), a district a Polsek (Kapolsek), a village
a Bhabinkamtibmas.

The CSV files live in `MATUR_AREA_DATA_DIR` (default `../shared/data/idn-area`, "Indonesian
area data: idn-area-data, ODbL"). One failure policy: a folder or file that is missing or
cannot be read raises `AreaDataError`, whose message names the setting, and a service
does not start without its areas.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ATTRIBUTION = "Indonesian area data: idn-area-data, ODbL"
AREA_DATA_DIR_SETTING = "MATUR_AREA_DATA_DIR"
DEFAULT_AREA_DATA_DIR = "../shared/data/idn-area"


class AreaLevel(StrEnum):
    PROVINCE = "province"
    REGENCY = "regency"
    DISTRICT = "district"
    VILLAGE = "village"


_LEVEL_BY_PARTS = (AreaLevel.PROVINCE, AreaLevel.REGENCY, AreaLevel.DISTRICT, AreaLevel.VILLAGE)


def area_level(code: str) -> AreaLevel:
    """The level of a code, from its number of parts: `35.22.07` is a district."""
    parts = code.split(".")
    if len(parts) > len(_LEVEL_BY_PARTS) or not all(p.isdigit() for p in parts):
        raise ValueError(f"not an idn-area code: {code!r}")
    return _LEVEL_BY_PARTS[len(parts) - 1]


def within(code: str, area: str | Iterable[str]) -> bool:
    """Whether the area named by `code` lies inside `area` (or is it); with several areas,
    inside any of them. `35.22.01.2001` is within `35.22.01` and `35.22`, never `35.2`."""
    areas = (area,) if isinstance(area, str) else area
    return any(code == a or code.startswith(a + ".") for a in areas)


def ancestors(code: str) -> list[str]:
    """`35.22.07.2001` -> [`35.22.07.2001`, `35.22.07`, `35.22`, `35`], most specific first."""
    parts = code.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), 0, -1)]


def parent_code(code: str) -> str:
    """`35.22.07.2001` -> `35.22.07`; a province has no parent (empty)."""
    return code.rpartition(".")[0]


class AreaDataError(RuntimeError):
    """The idn-area data folder, or one of its files, is missing or unreadable."""


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    name: str
    parent_code: str  # the province of a regency, the regency of a district, ...


@dataclass(frozen=True)
class AreaData:
    """The rows of the four files, restricted to the regencies asked for."""

    provinces: tuple[Area, ...]
    regencies: tuple[Area, ...]
    districts: tuple[Area, ...]
    villages: tuple[Area, ...]


# file name -> the column holding the parent code (provinces have none)
_FILES = {
    "provinces.csv": None,
    "regencies.csv": "province_code",
    "districts.csv": "regency_code",
    "villages.csv": "district_code",
}


def _problem(folder: Path, what: str) -> AreaDataError:
    return AreaDataError(
        f"idn-area data {what} (set {AREA_DATA_DIR_SETTING}; default {DEFAULT_AREA_DATA_DIR} "
        f"relative to the repository root; data folder: {folder})"
    )


def _rows(folder: Path, name: str) -> Iterator[Area]:
    parent_column = _FILES[name]
    path = folder / name
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            wanted = {"code", "name", *([parent_column] if parent_column else [])}
            if not wanted <= set(reader.fieldnames or ()):
                raise _problem(folder, f"file {path} lacks the columns {sorted(wanted)}")
            for row in reader:
                yield Area(
                    row["code"].strip(),
                    sys.intern(row["name"].strip()),
                    row[parent_column].strip() if parent_column else "",
                )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise _problem(folder, f"file {path} not readable: {exc.__class__.__name__}") from exc


def read_area_data(folder: Path, regency_codes: Iterable[str] | None = None) -> AreaData:
    """Read the idn-area CSV files of `folder`: the whole country, or only the regencies in
    `regency_codes` (with their provinces, districts and villages).

    Raises AreaDataError when the data cannot be read, ValueError for a code that is not a
    regency or a regency the data does not know."""
    if not folder.is_dir():
        raise _problem(folder, "folder not found")
    wanted = None if regency_codes is None else sorted(set(regency_codes))
    for code in wanted or ():
        if area_level(code) is not AreaLevel.REGENCY:
            raise ValueError(f"not a regency code: {code!r}")
    regencies = [
        r for r in _rows(folder, "regencies.csv") if wanted is None or r.code in wanted
    ]
    if wanted is not None:
        missing = sorted(set(wanted) - {r.code for r in regencies})
        if missing:
            raise ValueError(f"unknown regency code(s) in {folder}: {', '.join(missing)}")
    provinces_wanted = {r.parent_code for r in regencies}
    prefixes = None if wanted is None else tuple(code + "." for code in wanted)

    def kept(name: str) -> tuple[Area, ...]:
        rows = _rows(folder, name)
        return tuple(rows if prefixes is None else (a for a in rows if a.code.startswith(prefixes)))

    return AreaData(
        provinces=tuple(p for p in _rows(folder, "provinces.csv") if p.code in provinces_wanted),
        regencies=tuple(regencies),
        districts=kept("districts.csv"),
        villages=kept("villages.csv"),
    )
