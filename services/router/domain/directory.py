"""The jurisdiction directory: regencies, districts (kecamatan) and villages (desa/kelurahan).

Loaded from the idn-area CSV files (`../shared/data/idn-area/`, "Indonesian area data:
idn-area-data, ODbL"). Area codes are the official ones: a province `35`, a regency
`35.22`, a district `35.22.07`, a village `35.22.07.2001`. The police hierarchy maps onto
them: a regency has a Polres (Kapolres), a district a Polsek (Kapolsek), a village a
Bhabinkamtibmas.

The whole country (83,762 villages) loads in well under a second: villages are slotted
frozen dataclasses and repeated names are interned.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ATTRIBUTION = "Indonesian area data: idn-area-data, ODbL"
AREA_DATA_DIR_ENV = "MATUR_AREA_DATA_DIR"
DEFAULT_AREA_DATA_DIR = "../shared/data/idn-area"
REPO_ROOT = Path(__file__).resolve().parents[3]

_VILLAGES_FILE = "villages.csv"
_DISTRICTS_FILE = "districts.csv"
_REGENCIES_FILE = "regencies.csv"
_PROVINCES_FILE = "provinces.csv"


class AreaDataMissing(FileNotFoundError):
    """The idn-area data folder (or one of its files) is not where the settings say."""


@dataclass(frozen=True, slots=True)
class Village:
    code: str
    name: str
    district_code: str

    @property
    def regency_code(self) -> str:
        return self.district_code.rsplit(".", 1)[0]


@dataclass(frozen=True, slots=True)
class District:
    code: str
    name: str
    regency_code: str


def area_level(code: str) -> str:
    """`province`, `regency`, `district` or `village`, from the number of parts of a code."""
    parts = code.count(".") + 1
    levels = {1: "province", 2: "regency", 3: "district", 4: "village"}
    if parts not in levels:
        raise ValueError(f"not an idn-area code: {code!r}")
    return levels[parts]


def covers(area_code: str, village_code: str) -> bool:
    """Whether a village lies inside an area (the area itself, or a parent of it)."""
    return village_code == area_code or village_code.startswith(area_code + ".")


def resolve_repo_path(path: str | os.PathLike[str]) -> Path:
    """A relative path is relative to the repository root, not the current directory."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


def default_area_data_dir(configured: str | os.PathLike[str] | None = None) -> Path:
    """`configured` (the `MATUR_AREA_DATA_DIR` setting, read by the service's settings) or
    `../shared/data/idn-area`, resolved against the repo. The domain never reads the
    environment."""
    return resolve_repo_path(configured or DEFAULT_AREA_DATA_DIR)


class Directory:
    """Villages, districts and regency names, indexed by code."""

    def __init__(
        self,
        villages: Iterable[Village],
        districts: Iterable[District],
        regency_names: dict[str, str],
        province_names: dict[str, str] | None = None,
    ) -> None:
        self._villages: dict[str, Village] = {}
        self._districts: dict[str, District] = {d.code: d for d in districts}
        self._regency_names = dict(regency_names)
        self._province_names = dict(province_names or {})
        self._by_district: dict[str, list[Village]] = {}
        self._districts_by_regency: dict[str, list[District]] = {}
        for district in self._districts.values():
            self._districts_by_regency.setdefault(district.regency_code, []).append(district)
            self._by_district.setdefault(district.code, [])
        for village in villages:
            self._villages[village.code] = village
            self._by_district.setdefault(village.district_code, []).append(village)

    @classmethod
    def load(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        regency_codes: Iterable[str] | None = None,
    ) -> Directory:
        """Load the CSV files of `data_dir` (default: `default_area_data_dir()`).

        `regency_codes` keeps only those regencies (e.g. `["35.22"]`); None loads the whole
        country.
        """
        folder = resolve_repo_path(data_dir) if data_dir is not None else default_area_data_dir()
        if not folder.is_dir():
            raise AreaDataMissing(
                f"idn-area data folder not found: {folder} (set {AREA_DATA_DIR_ENV}; "
                f"default {DEFAULT_AREA_DATA_DIR} relative to the repository root)"
            )
        if isinstance(regency_codes, str):
            regency_codes = [regency_codes]
        wanted = tuple(sorted(set(regency_codes))) if regency_codes is not None else None
        for code in wanted or ():
            if area_level(code) != "regency":
                raise ValueError(f"not a regency code: {code!r}")
        prefixes = tuple(code + "." for code in wanted) if wanted is not None else None

        regencies: dict[str, str] = {}
        provinces: dict[str, str] = {}
        for code, _province, name in _rows(folder / _REGENCIES_FILE, 3):
            if wanted is None or code in wanted:
                regencies[code] = name
        wanted_provinces = {code.split(".")[0] for code in regencies}
        for code, name in _rows(folder / _PROVINCES_FILE, 2):
            if code in wanted_provinces:
                provinces[code] = name
        districts = [
            District(code, sys.intern(name), regency)
            for code, regency, name in _rows(folder / _DISTRICTS_FILE, 3)
            if prefixes is None or code.startswith(prefixes)
        ]
        villages = [
            Village(code, sys.intern(name), district)
            for code, district, name in _rows(folder / _VILLAGES_FILE, 3)
            if prefixes is None or code.startswith(prefixes)
        ]
        if wanted is not None:
            missing = [code for code in wanted if code not in regencies]
            if missing:
                raise ValueError(f"unknown regency code(s) in {folder}: {', '.join(missing)}")
        return cls(villages, districts, regencies, provinces)

    def subset(self, regency_codes: Iterable[str]) -> Directory:
        """A directory of only these regencies (without reading the files again)."""
        codes = sorted({regency_codes} if isinstance(regency_codes, str) else set(regency_codes))
        districts = [d for code in codes for d in self._districts_by_regency.get(code, [])]
        villages = [v for d in districts for v in self._by_district.get(d.code, [])]
        regencies = {c: self._regency_names[c] for c in codes if c in self._regency_names}
        provinces = {
            p: n
            for p, n in self._province_names.items()
            if any(c.split(".")[0] == p for c in codes)
        }
        return Directory(villages, districts, regencies, provinces)

    # -- look-ups -------------------------------------------------------------------------

    def village(self, code: str) -> Village | None:
        return self._villages.get(code)

    def district(self, code: str) -> District | None:
        return self._districts.get(code)

    def district_of(self, village: Village | str) -> District | None:
        code = village if isinstance(village, str) else village.code
        return self._districts.get(code.rsplit(".", 1)[0])

    def regency_name(self, code: str) -> str | None:
        return self._regency_names.get(code)

    def province_name(self, code: str) -> str | None:
        return self._province_names.get(code)

    def regency_codes(self) -> list[str]:
        return sorted(self._regency_names)

    def districts_in(self, area_code: str) -> list[District]:
        """Districts of a regency (or province), or the one district named."""
        level = area_level(area_code)
        if level == "district":
            district = self._districts.get(area_code)
            return [district] if district else []
        if level == "regency":
            return list(self._districts_by_regency.get(area_code, []))
        if level == "province":
            return [d for d in self._districts.values() if covers(area_code, d.code)]
        return []

    def villages_in(self, area_code: str) -> list[Village]:
        """Villages of an area: a province, regency, district or a single village code."""
        level = area_level(area_code)
        if level == "village":
            village = self._villages.get(area_code)
            return [village] if village else []
        if level == "district":
            return list(self._by_district.get(area_code, []))
        result: list[Village] = []
        for district in self.districts_in(area_code):
            result.extend(self._by_district.get(district.code, []))
        return result

    def villages(self) -> Iterator[Village]:
        return iter(self._villages.values())

    def districts(self) -> Iterator[District]:
        return iter(self._districts.values())

    def describe(self, village: Village) -> str:
        """`Sukorejo, Kec. Bojonegoro`: what a person needs to tell equal names apart."""
        district = self.district_of(village)
        return f"{village.name}, Kec. {district.name}" if district else village.name

    def __len__(self) -> int:
        return len(self._villages)

    def __contains__(self, code: object) -> bool:
        return code in self._villages

    def __repr__(self) -> str:
        return (
            f"Directory({len(self._regency_names)} regencies, {len(self._districts)} districts, "
            f"{len(self._villages)} villages)"
        )


def _rows(path: Path, width: int) -> Iterator[list[str]]:
    if not path.is_file():
        raise AreaDataMissing(f"idn-area data file not found: {path}")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader, None)  # header
        for row in reader:
            if len(row) >= width:
                yield [field.strip() for field in row[:width]]
