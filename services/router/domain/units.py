"""Which police unit of a Polres handles each category of report.

A pure table, kept beside the classification (`Classification.unit`) so that a case may
carry it: Satreskrim investigates crimes, Satresnarkoba drugs, Satlantas traffic, Satsamapta
patrols and public order, Unit PPA (Perlindungan Perempuan dan Anak, inside Satreskrim)
violence against women and children, Propam the conduct of officers, SPKT the services.
Disasters and fires are reported to BPBD or Damkar as well: `partner` names them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from contracts.hierarchy import Category

C = Category


class Unit(StrEnum):
    SATRESKRIM = "satreskrim"
    SATRESNARKOBA = "satresnarkoba"
    SATLANTAS = "satlantas"
    SATSAMAPTA = "satsamapta"
    UNIT_PPA = "unit_ppa"
    PROPAM = "propam"
    SPKT = "spkt"
    SATINTELKAM = "satintelkam"


@dataclass(frozen=True)
class Handling:
    unit: Unit
    partner: str | None = None  # an agency outside the police, e.g. "BPBD"


UNIT_OF: Mapping[Category, Handling] = {
    C.THEFT: Handling(Unit.SATRESKRIM),
    C.ROBBERY: Handling(Unit.SATRESKRIM),
    C.VEHICLE_THEFT: Handling(Unit.SATRESKRIM),
    C.LIVESTOCK_THEFT: Handling(Unit.SATRESKRIM),
    C.FRAUD: Handling(Unit.SATRESKRIM),
    C.EXTORTION: Handling(Unit.SATRESKRIM),
    C.DEBT_COLLECTOR: Handling(Unit.SATRESKRIM),
    C.THREAT: Handling(Unit.SATRESKRIM),
    C.VIOLENCE: Handling(Unit.SATRESKRIM),
    C.FOUND_BODY: Handling(Unit.SATRESKRIM),
    C.ENVIRONMENTAL_CRIME: Handling(Unit.SATRESKRIM),
    C.MISSING_PERSON: Handling(Unit.SATRESKRIM),
    C.DOMESTIC_VIOLENCE: Handling(Unit.UNIT_PPA),
    C.SEXUAL_VIOLENCE: Handling(Unit.UNIT_PPA),
    C.CHILD_PROTECTION: Handling(Unit.UNIT_PPA),
    C.DRUGS: Handling(Unit.SATRESNARKOBA),
    C.TRAFFIC_ACCIDENT: Handling(Unit.SATLANTAS),
    C.ILLEGAL_RACING: Handling(Unit.SATLANTAS),
    C.BRAWL: Handling(Unit.SATSAMAPTA),
    C.GAMBLING: Handling(Unit.SATRESKRIM),
    C.ALCOHOL: Handling(Unit.SATSAMAPTA),
    C.PUBLIC_ORDER: Handling(Unit.SATSAMAPTA),
    C.FLOOD: Handling(Unit.SATSAMAPTA, partner="BPBD"),
    C.DISASTER: Handling(Unit.SATSAMAPTA, partner="BPBD"),
    C.FIRE: Handling(Unit.SATSAMAPTA, partner="Damkar"),
    C.OFFICER_CONDUCT: Handling(Unit.PROPAM),
    C.SERVICE_SKCK: Handling(Unit.SATINTELKAM),
    C.SERVICE_SIM: Handling(Unit.SATLANTAS),
    C.SERVICE_OTHER: Handling(Unit.SPKT),
    C.INFORMATION: Handling(Unit.SPKT),
    C.OTHER: Handling(Unit.SPKT),
}


def handling(category: Category) -> Handling:
    """The unit (and outside partner, if any) that handles `category`."""
    return UNIT_OF[category]
