"""Names of the regency's districts and villages, from the idn-area CSV files."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    parent_code: str


@dataclass(frozen=True)
class AreaDirectory:
    regency_code: str
    regency_name: str
    districts: tuple[Area, ...]
    villages: tuple[Area, ...]
    _names: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def name(self, code: str | None) -> str | None:
        return self._names.get(code) if code else None

    def knows(self, code: str) -> bool:
        return code in self._names


def _rows(path: Path, parent_column: str, parent: str) -> list[Area]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            Area(r["code"], r["name"], r[parent_column])
            for r in csv.DictReader(f)
            if r[parent_column] == parent or r[parent_column].startswith(parent + ".")
        ]


def load_areas(data_dir: Path, regency_code: str) -> AreaDirectory:
    """Only the regency's own areas are loaded (28 districts, 430 villages for 35.22)."""
    regency_name = regency_code
    if (data_dir / "regencies.csv").exists():
        with (data_dir / "regencies.csv").open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r["code"] == regency_code:
                    regency_name = r["name"]
    districts = (
        _rows(data_dir / "districts.csv", "regency_code", regency_code)
        if (data_dir / "districts.csv").exists()
        else []
    )
    villages = (
        _rows(data_dir / "villages.csv", "district_code", regency_code)
        if (data_dir / "villages.csv").exists()
        else []
    )
    names = {a.code: a.name for a in (*districts, *villages)}
    names[regency_code] = regency_name
    return AreaDirectory(regency_code, regency_name, tuple(districts), tuple(villages), names)
