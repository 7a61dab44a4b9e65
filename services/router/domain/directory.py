"""The jurisdiction directory: regencies, districts (kecamatan) and villages (desa/kelurahan),
indexed for the router's look-ups.

Read from the idn-area CSV files by `contracts.areas.read_area_data` (the one reader, with
its failure policy: `AreaDataError` naming MATUR_AREA_DATA_DIR); area levels and
containment (`area_level`, `within`) are `contracts.areas` too. The whole country (83,762
villages) loads in well under a second: villages are slotted frozen dataclasses and
repeated names are interned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from contracts.areas import (
    DEFAULT_AREA_DATA_DIR,
    AreaData,
    AreaLevel,
    area_level,
    read_area_data,
    within,
)

REPO_ROOT = Path(__file__).resolve().parents[3]


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
        """Load the idn-area data of `default_area_data_dir(data_dir)`. `regency_codes`
        keeps only those regencies (e.g. `["35.22"]`); None loads the whole country."""
        if isinstance(regency_codes, str):
            regency_codes = [regency_codes]
        return cls.from_area_data(read_area_data(default_area_data_dir(data_dir), regency_codes))

    @classmethod
    def from_area_data(cls, data: AreaData) -> Directory:
        return cls(
            (Village(v.code, v.name, v.parent_code) for v in data.villages),
            (District(d.code, d.name, d.parent_code) for d in data.districts),
            {r.code: r.name for r in data.regencies},
            {p.code: p.name for p in data.provinces},
        )

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
        if level is AreaLevel.DISTRICT:
            district = self._districts.get(area_code)
            return [district] if district else []
        if level is AreaLevel.REGENCY:
            return list(self._districts_by_regency.get(area_code, []))
        if level is AreaLevel.PROVINCE:
            return [d for d in self._districts.values() if within(d.code, area_code)]
        return []

    def villages_in(self, area_code: str) -> list[Village]:
        """Villages of an area: a province, regency, district or a single village code."""
        level = area_level(area_code)
        if level is AreaLevel.VILLAGE:
            village = self._villages.get(area_code)
            return [village] if village else []
        if level is AreaLevel.DISTRICT:
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
