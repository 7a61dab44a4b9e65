"""The classifier's vocabulary as data, gathered from its families.

rules_base holds the rule machinery and shared word groups; rules_property, rules_person,
rules_missing, rules_public and rules_nature the category rules by family; rules_signals the urgency
signals and the words about police officers. This module puts them together for classify.
"""

from __future__ import annotations

from contracts.hierarchy import Category
from services.router.domain.rules_base import *  # noqa: F403 (re-exported for classify)
from services.router.domain.rules_base import C, Rule
from services.router.domain.rules_missing import MISSING_RULES
from services.router.domain.rules_nature import NATURE_RULES
from services.router.domain.rules_person import PERSON_RULES
from services.router.domain.rules_property import PROPERTY_RULES
from services.router.domain.rules_public import PUBLIC_RULES
from services.router.domain.rules_signals import *  # noqa: F403 (re-exported for classify)

CATEGORY_RULES: tuple[Rule, ...] = (
    PROPERTY_RULES + PERSON_RULES + MISSING_RULES + PUBLIC_RULES + NATURE_RULES
)
# A theft scored this much ("dicolong", "maling", not a bare "hilang") takes a missing
# person's score: the thing was stolen, nobody went missing.
THEFT_OVER_MISSING = 4
# A child beaten (5) and said to be small or a stepchild (2): not a marital quarrel.
CHILD_OVER_DOMESTIC = 7

# Categories in order of precedence when scores tie (the more serious first).
PRECEDENCE: tuple[Category, ...] = (
    C.VIOLENCE, C.SEXUAL_VIOLENCE, C.CHILD_PROTECTION, C.ROBBERY, C.DOMESTIC_VIOLENCE, C.FIRE,
    C.DISASTER, C.BRAWL, C.TRAFFIC_ACCIDENT, C.MISSING_PERSON, C.FOUND_BODY, C.THREAT,
    C.DEBT_COLLECTOR, C.LIVESTOCK_THEFT, C.ENVIRONMENTAL_CRIME, C.VEHICLE_THEFT, C.THEFT,
    C.DRUGS, C.FLOOD, C.GAMBLING, C.PUBLIC_ORDER, C.ALCOHOL, C.ILLEGAL_RACING, C.EXTORTION,
    C.FRAUD, C.OFFICER_CONDUCT, C.SERVICE_SKCK, C.SERVICE_SIM, C.SERVICE_OTHER,
    C.INFORMATION, C.OTHER,
)  # fmt: skip
