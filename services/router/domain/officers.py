"""Who handles a village, at each tier: a snapshot of the officer directory (roster-shaped:
officers and lines; the router gets a new one after every change) read against the area
directory.

A Bhabin serves the villages in his `area_codes`; a Kapolsek his district; the Kapolres
his regency. A village without a Bhabin is handled first by its Kapolsek, a district
without a Kapolsek by the Kapolres. Inactive officers are ignored. When two officers of
a tier cover a village, the one with the more specific area wins, then the lower
officer_id (deterministic).
"""

from __future__ import annotations

from collections.abc import Iterable

from contracts.areas import ancestors, area_level, within
from contracts.hierarchy import TIER_ORDER, Tier
from contracts.lines import Line
from contracts.roster import Officer, Roster
from services.router.domain.directory import Directory, Village


class NoHandler(LookupError):
    """No officer at any tier covers the village (the roster lacks a Kapolres)."""


def normalise_wa_id(wa_id: str) -> str:
    return "".join(ch for ch in wa_id if ch.isdigit())


class OfficerDirectory:
    def __init__(self, roster: Roster, directory: Directory) -> None:
        self.roster = roster
        self.directory = directory
        self._by_id: dict[str, Officer] = {}
        self._by_wa_id: dict[str, Officer] = {}
        # (tier, area code) -> officers of that tier whose area is exactly that code
        self._by_area: dict[tuple[Tier, str], list[Officer]] = {}
        for officer in sorted(roster.officers, key=lambda o: o.officer_id):
            self._by_id[officer.officer_id] = officer
            if not officer.active:
                continue
            self._by_wa_id.setdefault(normalise_wa_id(officer.wa_id), officer)
            for area in officer.area_codes:
                self._by_area.setdefault((officer.tier, area), []).append(officer)

    # -- officers -------------------------------------------------------------------------

    def officer(self, officer_id: str) -> Officer | None:
        return self._by_id.get(officer_id)

    def officer_by_wa_id(self, wa_id: str | None) -> Officer | None:
        """The active officer writing from this WhatsApp number (any formatting)."""
        if not wa_id:
            return None
        return self._by_wa_id.get(normalise_wa_id(wa_id))

    def officers(self, tier: Tier | None = None) -> list[Officer]:
        return [o for o in self._by_id.values() if tier is None or o.tier == tier]

    # -- who handles a village ------------------------------------------------------------

    def handler_at(self, tier: Tier, village_code: str) -> Officer | None:
        """The active officer of `tier` whose area covers the village, if any."""
        for area in ancestors(village_code):
            found = self._by_area.get((tier, area))
            if found:
                return found[0]
        return None

    def handlers(self, village_code: str) -> dict[Tier, Officer]:
        """Every tier's handler of the village (tiers without one are left out)."""
        result: dict[Tier, Officer] = {}
        for tier in TIER_ORDER:
            officer = self.handler_at(tier, village_code)
            if officer is not None:
                result[tier] = officer
        return result

    def first_handler(self, village_code: str, lowest: Tier = Tier.BHABIN) -> tuple[Tier, Officer]:
        """The lowest tier (from `lowest` up) with an officer for the village, and him.

        The Bhabin serving the village; if none, the Kapolsek of its district; if none,
        the Kapolres. Raises NoHandler when nobody covers it.
        """
        return self.handler_from(lowest, village_code)

    def handler_from(self, tier: Tier, village_code: str) -> tuple[Tier, Officer]:
        """The first tier at or above `tier` with an officer for the village."""
        for candidate in TIER_ORDER[tier.rank :]:
            officer = self.handler_at(candidate, village_code)
            if officer is not None:
                return candidate, officer
        raise NoHandler(f"no officer at or above {tier} covers village {village_code}")

    def handler_above(self, tier: Tier, village_code: str) -> tuple[Tier, Officer] | None:
        """Where a case goes when `tier` lets it pass: the next tier up that has an officer
        for the village (a missing Kapolsek is skipped), or None at the top."""
        up = tier.next_up()
        if up is None:
            return None
        try:
            return self.handler_from(up, village_code)
        except NoHandler:
            return None

    def serves(self, officer: Officer, village_code: str) -> bool:
        """Whether the village lies in the officer's areas (he may act on its cases)."""
        return within(village_code, officer.area_codes)

    def villages_of(self, officer: Officer) -> list[Village]:
        return self._villages_of_areas(officer.area_codes)

    # -- lines ----------------------------------------------------------------------------

    def line(self, phone_number_id: str) -> Line:
        return self.roster.line(phone_number_id)

    def line_villages(self, line: Line) -> list[Village]:
        """The villages a line serves: a Bhabin line its villages, a Polsek line its
        district's villages, the Kapolres line the regency's (empty if unconfigured)."""
        return self._villages_of_areas(line.area_codes)

    def lines_for(self, tier: Tier, village_code: str) -> list[Line]:
        """Lines of `tier` that serve the village (to send from the closest number)."""
        return [
            line
            for line in self.roster.lines
            if line.tier == tier and within(village_code, line.area_codes)
        ]

    def _villages_of_areas(self, area_codes: Iterable[str]) -> list[Village]:
        seen: set[str] = set()
        result: list[Village] = []
        for area in area_codes:
            try:
                area_level(area)
            except ValueError:
                continue
            for village in self.directory.villages_in(area):
                if village.code not in seen:
                    seen.add(village.code)
                    result.append(village)
        return result

    def uncovered_villages(self, tier: Tier = Tier.BHABIN) -> list[Village]:
        """Villages of the roster's regency with no officer of `tier` (roster checks)."""
        return [
            v
            for v in self.directory.villages_in(self.roster.regency_code)
            if self.handler_at(tier, v.code) is None
        ]
