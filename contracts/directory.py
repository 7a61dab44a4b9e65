"""The officer directory: who serves where, on which lines, for which Polres.

It lives in three compacted topics (`contracts/topics.py`), one partition each, kept
forever, keyed by id; a record with a null value (a tombstone) removes its key:

| topic | key | value |
| --- | --- | --- |
| `directory.polres` | regency code (`35.22`) | `Polres` |
| `directory.lines` | phone_number_id | `Line` (`contracts/lines.py`) |
| `directory.officers` | officer_id | `Officer` (`contracts/roster.py`) |

The API's admin endpoints write it, and so does the roster import (`python -m
services.api.directory import FILE`); every service that needs it follows it live
through `servicekit/directory_feed.py`, which hands out a `DirectorySnapshot` after each
change. `contracts/directory_state.py` applies records and computes an import's changes.
"""

from __future__ import annotations

from pydantic import Field

from contracts.base import ContractModel
from contracts.roster import Roster


class Polres(ContractModel):
    """A regency's police (Polres): what the roster file's header says about it."""

    regency_code: str = Field(description="idn-area regency code, e.g. 35.22")
    name: str = Field(description="e.g. Polres Bojonegoro")
    reference_prefix: str = Field(default="BJN", description="Prefix of case references")
    sample: bool = Field(default=False, description="True for the shipped sample data")
    note: str | None = None


class DirectorySnapshot(Roster):
    """The directory at one moment, shaped like a roster (regency_code, lines, officers),
    so code written against the roster reads it unchanged. `regency_code`, `sample` and
    `note` are those of the first Polres by regency code (empty when none is known yet)."""

    polres: tuple[Polres, ...] = ()


def polres_of(roster: Roster, regency_name: str | None = None) -> Polres:
    """The Polres a roster file describes. Its name is the file's `polres_name`, else made
    from the regency's name ("Kabupaten Bojonegoro" -> "Polres Bojonegoro")."""
    name = roster.polres_name
    if not name:
        place = regency_name or roster.regency_code
        for word in ("Kabupaten ", "Kota "):
            place = place.removeprefix(word)
        name = f"Polres {place}"
    return Polres(
        regency_code=roster.regency_code,
        name=name,
        reference_prefix=roster.reference_prefix,
        sample=roster.sample,
        note=roster.note,
    )

