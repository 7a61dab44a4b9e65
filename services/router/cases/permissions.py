"""Who may act on a case, and who may see who reported it."""

from __future__ import annotations

from contracts.areas import within
from contracts.case_events import Case
from contracts.hierarchy import Tier
from contracts.roster import Officer


def reporter_visible_to(case: Case, officer: Officer | None) -> bool:
    """A complaint about an officer is confidential: no officer sees who made it."""
    if case.reporter.confidential:
        return False
    return officer is None or officer.officer_id != case.about_officer_id


def covers(officer: Officer, case: Case) -> bool:
    """Whether the case lies in the officer's area (village, district or regency)."""
    code = case.village_code or case.district_code or case.regency_code
    if code is None:
        return officer.tier == Tier.KAPOLRES
    return within(code, officer.area_codes)


def may_act(officer: Officer, case: Case) -> bool:
    """An active officer, on a case assigned to him or in his area; never on a complaint
    about himself, and only the Kapolres tier on a confidential complaint."""
    if not officer.active or officer.officer_id == case.about_officer_id:
        return False
    if case.reporter.confidential and officer.tier != Tier.KAPOLRES:
        return False
    if case.assignee and case.assignee.officer_id == officer.officer_id:
        return True
    return covers(officer, case)
