"""The roster file: an import format for the officer directory.

A roster names a Polres's regency, its lines (business numbers) and the officers who serve
each area. The services do not read it (only the sandbox takes its lines' display numbers
from it): `python -m services.api.directory import FILE`
(and `make run`, with `MATUR_ROSTER_FILE`) publishes it to the directory topics
(`contracts/directory.py`), which every service follows live. Area codes are the official
idn-area codes: a village `35.22.07.2001`, a district `35.22.07`, a regency `35.22`.

`load_roster` is the one reader: whatever is wrong with a file (missing, not JSON, an
entry that breaks the model, an id given twice) is one `RosterError` naming the file and
the entry.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from contracts.base import ContractModel, validation_problems
from contracts.hierarchy import Tier
from contracts.lines import Line


class Officer(ContractModel):
    officer_id: str
    name: str
    rank: str | None = None
    tier: Tier
    wa_id: str = Field(description="The officer's own WhatsApp number, no '+'")
    area_codes: tuple[str, ...] = Field(
        description="Villages for a Bhabin, a district for a Kapolsek, the regency for Kapolres"
    )
    active: bool = True


class Roster(ContractModel):
    regency_code: str
    sample: bool = Field(default=False, description="True for the shipped sample data")
    note: str | None = None
    polres_name: str | None = Field(
        default=None, description="Name of the Polres; default: from the regency's name"
    )
    reference_prefix: str = Field(default="BJN", description="Prefix of case references")
    lines: tuple[Line, ...] = ()
    officers: tuple[Officer, ...] = ()

    @model_validator(mode="after")
    def _ids_once(self) -> Roster:
        for what, ids in (
            ("officer_id", [o.officer_id for o in self.officers]),
            ("phone_number_id", [line.phone_number_id for line in self.lines]),
        ):
            twice = sorted(i for i, n in Counter(ids).items() if n > 1)
            if twice:
                raise ValueError(f"{what} given more than once: {', '.join(twice)}")
        return self

    def line(self, phone_number_id: str) -> Line:
        """The configured line, or an unconfigured one that still carries the id."""
        for line in self.lines:
            if line.phone_number_id == phone_number_id:
                return line
        return Line(phone_number_id=phone_number_id)


class RosterError(ValueError):
    """A roster file that cannot be used; the message names the file and the bad entry."""


def load_roster(path: str | Path) -> Roster:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RosterError(f"roster file {path}: not readable ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RosterError(f"roster file {path}: not JSON ({exc})") from None
    try:
        return Roster.model_validate(data)
    except ValidationError as exc:
        count = len(validation_problems(exc))
        more = f" (and {count - 1} more problems)" if count > 1 else ""
        raise RosterError(f"roster file {path}: {_first_problem(data, exc)}{more}") from None


def _first_problem(data: Any, exc: ValidationError) -> str:
    """`officers[3] (officer_id 'bhb-1'): tier: Input should be ...` for the first error,
    naming the entry by its id; never the offending value (it may be a phone number)."""
    error = exc.errors(include_url=False, include_input=False, include_context=False)[0]
    loc = error["loc"]
    if len(loc) >= 2 and loc[0] in ("officers", "lines") and isinstance(loc[1], int):
        id_field = "officer_id" if loc[0] == "officers" else "phone_number_id"
        try:
            found = data[loc[0]][loc[1]].get(id_field)
        except (KeyError, IndexError, TypeError, AttributeError):
            found = None
        where = f"{loc[0]}[{loc[1]}]" + (f" ({id_field} {found!r})" if found else "")
        field = ".".join(str(part) for part in loc[2:])
        return f"{where}: {field + ': ' if field else ''}{error['msg']}"
    return f"{'.'.join(str(part) for part in loc) or 'roster'}: {error['msg']}"
