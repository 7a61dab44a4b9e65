"""Names of the regency's districts and villages (read by `contracts.areas`, the one reader
of the idn-area files, with its failure policy: no areas, no start)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from contracts.areas import Area, read_area_data


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


def load_areas(data_dir: Path, regency_code: str) -> AreaDirectory:
    """Only the regency's own areas are loaded (28 districts, 430 villages for 35.22).
    Raises AreaDataError (naming MATUR_AREA_DATA_DIR) or ValueError (unknown regency)."""
    data = read_area_data(data_dir, [regency_code])
    regency_name = data.regencies[0].name
    names = {a.code: a.name for a in (*data.districts, *data.villages)}
    names[regency_code] = regency_name
    return AreaDirectory(regency_code, regency_name, data.districts, data.villages, names)
