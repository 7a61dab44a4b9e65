"""Cross-area reads by every role, and complaints about the police, through every channel
(list, CSV, XLSX, stream, detail by id and by reference, statistics, actions, console):
each caller gets exactly the cases he may see (tests/api/scoped_cases.py, VISIBLE), and
acts only on those."""

from __future__ import annotations

import pytest

from tests.api.scoped_cases import ALL_NAMES, COMPLAINTS, VISIBLE
from tests.security.channels import ids_by_channel
from tests.security.conftest import Target

READERS = sorted(VISIBLE)
ACTORS = [who for who in READERS if who != "dashboard"]
OFFICERS = ("bhabin_a", "bhabin_b", "kapolsek_a", "kapolsek_b", "kapolres")


@pytest.mark.parametrize("who", READERS)
async def test_every_channel_shows_exactly_the_callers_cases(who: str, target: Target) -> None:
    expected = target.cases.ids(*VISIBLE[who])
    async with target.client_from() as client:
        seen = await ids_by_channel(client, target.headers(who), target.cases)
    stats = seen.pop("stats")
    assert len(stats) == len(expected), who
    for channel, ids in seen.items():
        assert ids == expected, (who, channel, sorted(ids ^ expected))


@pytest.mark.parametrize("who", ACTORS)
async def test_actions_only_on_cases_the_caller_sees(who: str, target: Target) -> None:
    async with target.client_from() as client:
        for name in ALL_NAMES:
            case_id = getattr(target.cases, name).case.case_id
            for action, body in (("notes", {"note": "dicek"}), ("acknowledge", None)):
                r = await client.post(f"/cases/{case_id}/{action}", json=body,
                                      headers=target.headers(who))  # fmt: skip
                assert r.status_code == (202 if name in VISIBLE[who] else 404), (who, name)


@pytest.mark.parametrize("who", OFFICERS)
async def test_a_complaint_about_the_police_reaches_only_the_kapolres_tier(
    who: str, target: Target
) -> None:
    """Whoever it names (a Bhabin, no one, the Kapolres himself) and also before the
    router assigned it: never a Bhabin's or a Kapolsek's; the Kapolres's unless it is
    about him."""
    async with target.client_from() as client:
        for name in COMPLAINTS:
            case = getattr(target.cases, name).case
            r = await client.get(f"/cases/{case.case_id}", headers=target.headers(who))
            mine = who == "kapolres" and case.about_officer_id != "kpr"
            assert r.status_code == (200 if mine else 404), (who, name)
            if mine:
                assert r.json()["reporter"] is None  # confidential


async def test_a_complaint_is_not_handed_to_a_tier_below_the_kapolres(target: Target) -> None:
    case_id = target.cases.a2_about_bhb_a.case.case_id
    async with target.client_from() as client:
        for officer in ("ksk-a", "bhb-a"):
            r = await client.post(f"/cases/{case_id}/reassign", json={"officer_id": officer},
                                  headers=target.headers("kapolres"))  # fmt: skip
            assert r.status_code == 422, (officer, r.text)


@pytest.mark.parametrize("who", OFFICERS)
async def test_the_console_shows_exactly_the_officers_cases(who: str, target: Target) -> None:
    async with target.client_from(cookies={"matur_session": target.tokens[who]}) as browser:
        board = (await browser.get("/console/papan")).text
        for name in ALL_NAMES:
            case = getattr(target.cases, name).case
            shown = name in VISIBLE[who]
            assert (case.reference in board) is shown, (who, name)
            page = await browser.get(f"/console/kasus/{case.case_id}")
            assert page.status_code == (200 if shown else 404), (who, name)
