"""The roster file: Matur's lines (business numbers) and the officers who serve each area.

Shared by ingest (phone_number_id -> line), the router (who handles which village) and the
notifier (which line to send from). Area codes are the official idn-area codes: a village
`35.22.07.2001`, a district `35.22.07`, a regency `35.22`.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field

from contracts.base import ContractModel
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
    lines: tuple[Line, ...] = ()
    officers: tuple[Officer, ...] = ()

    def line(self, phone_number_id: str) -> Line:
        """The configured line, or an unconfigured one that still carries the id."""
        for line in self.lines:
            if line.phone_number_id == phone_number_id:
                return line
        return Line(phone_number_id=phone_number_id)


def load_roster(path: str | Path) -> Roster:
    return Roster.model_validate(json.loads(Path(path).read_text(encoding="utf-8")))
