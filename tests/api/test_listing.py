"""Filters, full-text search, cursor pagination, and bad input answered with 422."""

from __future__ import annotations

import httpx

from contracts.case_events import CaseEventKind, TimelineEntry
from contracts.hierarchy import Category, Urgency
from tests.api.conftest import VILLAGE_A1, VILLAGE_A2, Publish, RunningApi, wait_projected
from tests.api.factories import next_event, opened
from tests.api.scoped_cases import VISIBLE, ScopedCases
from tests.conftest import Infra


async def test_cursor_pagination_walks_every_case_once(
    api: RunningApi, client: httpx.AsyncClient, scoped: ScopedCases
) -> None:
    for sort in ("-updated_at", "opened_at"):
        seen: list[str] = []
        cursor = None
        while True:
            params = {"q": scoped.word, "limit": "2", "sort": sort}
            if cursor:
                params["cursor"] = cursor
            page = (await client.get("/cases", params=params, headers=api.headers("kapolres")))
            assert page.status_code == 200, page.text
            seen += [c["case_id"] for c in page.json()["items"]]
            cursor = page.json()["next_cursor"]
            if not cursor:
                break
        assert len(seen) == len(set(seen)) == len(VISIBLE["kapolres"])
        opened_order = [getattr(scoped, n).case.case_id for n in VISIBLE["kapolres"]]
        assert seen == (opened_order if sort == "opened_at" else opened_order[::-1])


async def test_filters_and_full_text(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    word = "kambing" + VILLAGE_A2[-4:] + "x" + str(id(client))[-6:]
    theft = opened(VILLAGE_A1, f"Pencurian {word} tadi malam", category=Category.THEFT)
    fire = opened(VILLAGE_A2, "Kebakaran rumah", category=Category.FIRE, urgency=Urgency.HIGH)
    later = next_event(fire, CaseEventKind.MESSAGE_ADDED, TimelineEntry(text=f"juga {word}"))
    await publish([theft, fire, later])
    await wait_projected(infra, fire.case.case_id, 2)
    await wait_projected(infra, theft.case.case_id, 1)
    h = api.headers("kapolsek_a")

    async def ids(**params: str) -> set[str]:
        r = await client.get("/cases", params={"q": word, **params}, headers=h)
        assert r.status_code == 200, r.text
        return {c["case_id"] for c in r.json()["items"]}

    both = {theft.case.case_id, fire.case.case_id}
    assert await ids() == both  # the fire case matches through a later message
    assert await ids(category="theft") == {theft.case.case_id}
    assert await ids(urgency="high") == {fire.case.case_id}
    assert await ids(village=VILLAGE_A2) == {fire.case.case_id}
    assert await ids(district="35.22.01") == both
    assert await ids(status="open", tier="bhabin") == both
    assert await ids(overdue="true") == both  # due two hours after 2026-11-01 08:00
    assert await ids(opened_from="2030-01-01T00:00:00Z") == set()


async def test_bad_input_is_422_never_500(api: RunningApi, client: httpx.AsyncClient) -> None:
    h = api.headers("kapolres")
    for params in (
        {"status": "lost"},
        {"limit": "201"},
        {"limit": "0"},
        {"cursor": "not-a-cursor"},
        {"cursor": "eyJzIjoib3BlbmVkX2F0In0"},  # valid base64, not a whole cursor
        {"district": "99.99.99"},
        {"village": "35.22.01"},
        {"sort": "name"},
        {"opened_from": "yesterday"},
        {"q": "a\x00b"},
    ):
        r = await client.get("/cases", params=params, headers=h)
        assert r.status_code == 422, (params, r.text)
        assert r.json()["detail"]
    # A cursor made for one sort order is refused for another.
    page = await client.get("/cases", params={"limit": "1", "sort": "opened_at"}, headers=h)
    cursor = page.json()["next_cursor"]
    r = await client.get("/cases", params={"cursor": cursor, "sort": "-updated_at"}, headers=h)
    assert r.status_code == 422 and "sort" in r.text
    r = await client.get("/stats", params={"from": "2031-01-02T00:00:00Z",
                                           "to": "2031-01-01T00:00:00Z"}, headers=h)  # fmt: skip
    assert r.status_code == 422
