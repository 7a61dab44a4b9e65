"""Who handles a village: Bhabin, else Kapolsek, else Kapolres; lines and their villages."""

from __future__ import annotations

import importlib.util
import json
import sys
import zlib
from types import ModuleType

import pytest

from contracts.hierarchy import Tier
from contracts.roster import Officer, Roster
from services.router.domain.directory import REPO_ROOT, Directory
from services.router.domain.officers import NoHandler, OfficerDirectory

from .conftest import SAMPLE_ROSTER

SUKOREJO_TAMBAKREJO = "35.22.02.2009"
KAPOLRES_LINE = "103522000000000"


def _sample_script() -> ModuleType:
    path = REPO_ROOT / "deploy" / "sample-data" / "make_sample_roster.py"
    spec = importlib.util.spec_from_file_location("make_sample_roster", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_sample_roster", module)
    spec.loader.exec_module(module)
    return module


def test_the_sample_roster_is_marked_and_up_to_date(
    sample_roster: Roster, bojonegoro: Directory
) -> None:
    assert sample_roster.sample is True
    assert sample_roster.note and sample_roster.note.startswith("SAMPLE DATA: fictitious")
    assert "idn-area-data, ODbL" in sample_roster.note
    script = _sample_script()
    expected = script.render(script.build_roster(bojonegoro))
    assert SAMPLE_ROSTER.read_text(encoding="utf-8") == expected, "run make_sample_roster.py"
    assert json.loads(expected)["regency_code"] == "35.22"


def test_sample_roster_shape(sample_roster: Roster, officers: OfficerDirectory) -> None:
    by_tier = {tier: officers.officers(tier) for tier in Tier}
    assert len(by_tier[Tier.KAPOLRES]) == 1
    assert len(by_tier[Tier.KAPOLSEK]) == 28
    assert all(2 <= len(o.area_codes) <= 4 for o in by_tier[Tier.BHABIN])
    for bhabin in by_tier[Tier.BHABIN]:  # each Bhabin serves villages of one district
        assert len({code.rsplit(".", 1)[0] for code in bhabin.area_codes}) == 1
    wa_ids = [o.wa_id for o in sample_roster.officers]
    assert len(set(wa_ids)) == len(wa_ids)
    assert all(w.startswith("62811000") and len(w) == 13 for w in wa_ids)
    line_ids = [line.phone_number_id for line in sample_roster.lines]
    assert len(set(line_ids)) == len(line_ids) and all(len(i) == 15 for i in line_ids)
    kapolres_line = sample_roster.line(KAPOLRES_LINE)
    assert kapolres_line.tier is Tier.KAPOLRES
    assert kapolres_line.display_phone_number == "6285335220000"
    assert kapolres_line.area_codes == ("35.22",)
    assert sample_roster.line("103522010000000").area_codes == ("35.22.01",)
    assert any(line.tier is Tier.BHABIN for line in sample_roster.lines)


def test_every_village_of_ngraho_has_a_bhabin(officers: OfficerDirectory) -> None:
    for village in officers.directory.villages_in("35.22.01"):
        tier, officer = officers.first_handler(village.code)
        assert tier is Tier.BHABIN, village
        assert village.code in officer.area_codes


def test_a_few_villages_have_no_bhabin(officers: OfficerDirectory) -> None:
    uncovered = officers.uncovered_villages()
    assert SUKOREJO_TAMBAKREJO in {v.code for v in uncovered}
    assert 1 <= len(uncovered) <= 10


def test_first_handler_is_the_bhabin_of_the_village(officers: OfficerDirectory) -> None:
    tier, officer = officers.first_handler("35.22.01.2001")
    assert tier is Tier.BHABIN
    assert officer.officer_id == "bhabin-35.22.01-01"
    assert officers.handler_at(Tier.KAPOLSEK, "35.22.01.2001").officer_id == "kapolsek-35.22.01"  # type: ignore[union-attr]
    assert officers.handler_at(Tier.KAPOLRES, "35.22.01.2001").officer_id == "kapolres-35.22"  # type: ignore[union-attr]


def test_a_village_without_bhabin_starts_at_its_kapolsek(officers: OfficerDirectory) -> None:
    assert officers.handler_at(Tier.BHABIN, SUKOREJO_TAMBAKREJO) is None
    tier, officer = officers.first_handler(SUKOREJO_TAMBAKREJO)
    assert (tier, officer.officer_id) == (Tier.KAPOLSEK, "kapolsek-35.22.02")


def _roster(*officers: Officer) -> Roster:
    return Roster(regency_code="35.22", officers=officers)


def _officer(officer_id: str, tier: Tier, *areas: str, active: bool = True) -> Officer:
    return Officer(
        officer_id=officer_id,
        name=officer_id.title(),
        tier=tier,
        wa_id="62811000" + str(zlib.crc32(officer_id.encode()) % 100000).zfill(5),
        area_codes=areas,
        active=active,
    )


def test_without_bhabin_and_kapolsek_the_kapolres_handles(bojonegoro: Directory) -> None:
    kapolres = _officer("kapolres", Tier.KAPOLRES, "35.22")
    directory = OfficerDirectory(
        _roster(kapolres, _officer("kapolsek-dander", Tier.KAPOLSEK, "35.22.06")), bojonegoro
    )
    assert directory.first_handler("35.22.01.2001") == (Tier.KAPOLRES, kapolres)
    assert directory.handler_above(Tier.BHABIN, "35.22.01.2001") == (Tier.KAPOLRES, kapolres)
    assert directory.handler_above(Tier.BHABIN, "35.22.06.2001")[0] is Tier.KAPOLSEK  # type: ignore[index]
    assert directory.handler_above(Tier.KAPOLRES, "35.22.06.2001") is None


def test_inactive_officers_are_skipped(bojonegoro: Directory) -> None:
    kapolsek = _officer("kapolsek", Tier.KAPOLSEK, "35.22.01")
    directory = OfficerDirectory(
        _roster(
            _officer("bhabin-away", Tier.BHABIN, "35.22.01.2001", active=False),
            kapolsek,
            _officer("kapolres", Tier.KAPOLRES, "35.22"),
        ),
        bojonegoro,
    )
    assert directory.first_handler("35.22.01.2001") == (Tier.KAPOLSEK, kapolsek)
    assert directory.officer("bhabin-away") is not None  # still known by id


def test_nobody_at_all_is_an_error(bojonegoro: Directory) -> None:
    with pytest.raises(NoHandler):
        OfficerDirectory(_roster(), bojonegoro).first_handler("35.22.01.2001")


def test_officers_are_found_by_their_whatsapp_number(officers: OfficerDirectory) -> None:
    kapolres = officers.officer("kapolres-35.22")
    assert kapolres is not None
    assert officers.officer_by_wa_id("6281100000000") == kapolres
    assert officers.officer_by_wa_id("+62 811-0000-0000") == kapolres
    assert officers.officer_by_wa_id("6281234567890") is None
    assert officers.officer_by_wa_id(None) is None


def test_lines_serve_their_villages(officers: OfficerDirectory, sample_roster: Roster) -> None:
    assert len(officers.line_villages(sample_roster.line(KAPOLRES_LINE))) == 430
    polsek = officers.line_villages(sample_roster.line("103522150000000"))
    assert {v.district_code for v in polsek} == {"35.22.15"}
    assert len(polsek) == len(officers.directory.villages_in("35.22.15"))
    bhabin_line = sample_roster.line("103522010010000")
    assert bhabin_line.tier is Tier.BHABIN
    assert [v.code for v in officers.line_villages(bhabin_line)] == list(bhabin_line.area_codes)
    assert officers.line_villages(sample_roster.line("999")) == []


def test_an_officer_may_act_only_in_his_areas(officers: OfficerDirectory) -> None:
    kapolsek = officers.officer("kapolsek-35.22.01")
    assert kapolsek is not None
    assert officers.serves(kapolsek, "35.22.01.2005")
    assert not officers.serves(kapolsek, "35.22.02.2005")
