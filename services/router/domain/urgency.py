"""How urgent a classified report is, from its category and the signals in its words.

Emergency (every tier at once) when a life is at risk:
- danger words on their own (weapons, blood, unconscious, drowning, trapped, suicide,
  taken by force, a house on fire), unless the text puts them in the past;
- someone at risk now (trapped, not evacuated, not found) in a disaster, a flood, a fire,
  an accident or a disappearance, even if it began yesterday;
- a missing child or vulnerable person (elderly, confused, disabled), until they are found;
- a dangerous category (theft, violence, threats, debt collectors, ...) happening now
  ("sekarang", "saiki", "sakmenika", "isih ...", "taksih ...") or with a cry for help.
Not an emergency: what the text places before ("tadi malam", "kemarin", "wingi",
"mau bengi", "dalu wau", "minggu lalu") without saying it still goes on, and what it says
is over ("sudah diamankan", "wis mulih", "sampun ngungsi").
Where the words are unsure between high and emergency for a risk to life, emergency wins:
a false alarm costs an officer a minute, a miss can cost a life.
"""

from __future__ import annotations

from contracts.hierarchy import Category, Urgency
from services.router.domain import rules_signals as S

C = Category

DANGEROUS: frozenset[Category] = frozenset(
    {
        C.THEFT, C.ROBBERY, C.VEHICLE_THEFT, C.LIVESTOCK_THEFT, C.VIOLENCE,
        C.DOMESTIC_VIOLENCE, C.SEXUAL_VIOLENCE, C.CHILD_PROTECTION, C.THREAT,
        C.DEBT_COLLECTOR, C.BRAWL, C.FIRE, C.FLOOD, C.DISASTER, C.TRAFFIC_ACCIDENT,
        C.MISSING_PERSON,
    }
)  # fmt: skip
DEADLY: frozenset[Category] = frozenset(
    {
        C.VIOLENCE, C.DOMESTIC_VIOLENCE, C.SEXUAL_VIOLENCE, C.CHILD_PROTECTION, C.THREAT,
        C.BRAWL, C.FIRE, C.FLOOD, C.DISASTER, C.TRAFFIC_ACCIDENT, C.ROBBERY,
    }
)  # fmt: skip
# Where someone may still be saved: trapped, not evacuated, not found.
RESCUE: frozenset[Category] = frozenset(
    {C.FIRE, C.FLOOD, C.DISASTER, C.TRAFFIC_ACCIDENT, C.MISSING_PERSON}
)
# Usually discovered afterwards: a cry for help alone does not make them an emergency.
AFTER_THE_FACT: frozenset[Category] = frozenset(
    {C.THEFT, C.VEHICLE_THEFT, C.LIVESTOCK_THEFT, C.MISSING_PERSON, C.FOUND_BODY}
)
HIGH_URGENCY: frozenset[Category] = DEADLY | {C.MISSING_PERSON, C.FOUND_BODY, C.DEBT_COLLECTOR}
LOW_URGENCY: frozenset[Category] = frozenset(
    {C.SERVICE_SKCK, C.SERVICE_SIM, C.SERVICE_OTHER, C.INFORMATION}
)
NOT_A_CRIME: frozenset[Category] = LOW_URGENCY | {C.OTHER}
AGE_WORDS = frozenset("umur umure umuripun usia usianya yuswa".split())
AGE_UNITS = frozenset("th thn tahun taun".split())


def is_young(words: list[str]) -> bool:
    """ "umur 6", "usia 14 tahun", "15th", "yuswa 9": a child under 18."""
    for i, word in enumerate(words):
        if word in AGE_WORDS and i + 1 < len(words):
            number = words[i + 1]
        elif word[:2].isdigit() and word[2:] in AGE_UNITS:
            number = word[:2]
        elif word[:1].isdigit() and word[1:] in AGE_UNITS:
            number = word[:1]
        else:
            continue
        digits = "".join(ch for ch in number[:2] if ch.isdigit())
        if digits and int(digits) < 18:
            return True
    return False


def is_over(words: list[str]) -> bool:
    """ "sudah diamankan", "wis mati dewe", "sampun sami ngungsi", not "wis 2 dino durung
    dievakuasi"."""
    for i, word in enumerate(words):
        if word not in S.DONE_FIRST:
            continue
        for following in words[i + 1 : i + 4]:
            if following in S.NEGATION:
                break
            if following in S.DONE_STATE:
                return True
    return False


def assess(category: Category, signals: set[str], length: int) -> tuple[bool, Urgency]:
    """(emergency, urgency) of a report of `category` whose text shows `signals`."""
    emergency = is_emergency(category, signals, length)
    if emergency:
        return True, Urgency.EMERGENCY
    now = S.PRESENT in signals or (S.PRESENT_WEAK in signals and S.PAST not in signals)
    if category in HIGH_URGENCY or (now and category not in NOT_A_CRIME):
        return False, Urgency.HIGH
    if category in LOW_URGENCY:
        return False, Urgency.LOW
    return False, Urgency.NORMAL


def is_emergency(category: Category, signals: set[str], length: int) -> bool:
    if S.NOW_DONE in signals:  # "saiki wis tak laporke": now it is over
        signals = signals - {S.PRESENT}
    if category is C.FOUND_BODY:  # beyond rescue; the police come, but not at a run
        return False
    over = S.DONE in signals
    if not over and (S.SUICIDE in signals or _life_at_risk(category, signals)):
        return True
    now = (
        S.PRESENT in signals
        or (S.PRESENT_WEAK in signals and S.PAST not in signals)
        or (S.SINCE in signals and category in DEADLY)  # "dipun antemi wiwit wau"
    )
    if over or (S.PAST in signals and not now):
        return False
    return (
        S.EMERGENCY in signals
        or (S.BURNING in signals and category is C.FIRE)
        or (S.DEATH in signals and category in DEADLY)
        or (now and category in DANGEROUS)
        or (S.DISTRESS in signals and category in DANGEROUS - AFTER_THE_FACT)
        or (S.DISTRESS in signals and category is C.OTHER and length <= 3)
    )


def _life_at_risk(category: Category, signals: set[str]) -> bool:
    """Someone may still be saved, whenever it began."""
    if S.AT_RISK in signals and (category in RESCUE or S.EMERGENCY in signals):
        return True
    if category is C.THREAT and S.EMERGENCY in signals:  # a threat to kill outlives its day
        return True
    return category is C.MISSING_PERSON and (S.VULNERABLE in signals or S.EMERGENCY in signals)
