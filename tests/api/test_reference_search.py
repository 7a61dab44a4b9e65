"""A case is found by the reference the citizen quotes, however it is typed, within the
caller's areas only: `GET /cases?q=BJN-...` and `GET /cases/BJN-...`."""

from __future__ import annotations

import secrets

import httpx

from contracts.case_events import CaseEvent
from services.api.cases.reference_search import reference_candidates
from tests.api.conftest import VILLAGE_A1, Publish, RunningApi, wait_projected
from tests.api.factories import opened
from tests.conftest import Infra

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_candidates_forgive_case_separators_and_confusable_letters() -> None:
    for typed in ("BJN-C0003V", "bjn-c0003v", "BJNC0003V", "bjn c0003v", " bjn_c0003v ",
                  "BJN-CO0O3V"):
        assert "BJN-C0003V" in reference_candidates(typed), typed
    assert reference_candidates("bjn c0003v") == ("BJN-C0003V",)


def test_candidates_are_none_for_sentences_and_case_ids() -> None:
    for typed in ("motor saya dicuri", "c_9f2a77e1b3-0a1b2c3d4e5f", "", "BJN", "x" * 40,
                  "BJN-C0003V!", "BJNKU-", "12-345678"):
        assert reference_candidates(typed) == (), typed


def with_reference(event: CaseEvent, reference: str) -> CaseEvent:
    case = event.case.model_copy(update={"reference": reference})
    return event.model_copy(update={"case": case})


async def published_case(publish: Publish, infra: Infra) -> CaseEvent:
    code = "C" + "".join(secrets.choice(CROCKFORD) for _ in range(3)) + "01"
    event = with_reference(opened(VILLAGE_A1, "Sapi hilang dari kandang"), f"BJN-{code}")
    await publish([event])
    await wait_projected(infra, event.case.case_id, 1)
    return event


async def test_list_search_finds_the_case_by_its_reference_typed_any_way(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    event = await published_case(publish, infra)
    reference = event.case.reference
    code = reference.removeprefix("BJN-")
    typed_ways = (reference, reference.lower(), "BJN" + code, "bjn " + code.lower(),
                  "BJN-" + code.replace("0", "O").replace("1", "l"))
    for who in ("bhabin_a", "kapolsek_a", "kapolres", "dashboard"):
        for typed in typed_ways:
            r = await client.get("/cases", params={"q": typed}, headers=api.headers(who))
            assert r.status_code == 200, r.text
            assert [c["case_id"] for c in r.json()["items"]] == [event.case.case_id], (who, typed)
    for who in ("bhabin_b", "kapolsek_b"):
        r = await client.get("/cases", params={"q": reference}, headers=api.headers(who))
        assert r.status_code == 200 and r.json()["items"] == [], (who, r.text)


async def test_detail_resolves_a_reference_within_scope_only(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    event = await published_case(publish, infra)
    reference = event.case.reference
    for typed in (reference, reference.lower(), reference.replace("-", "")):
        r = await client.get(f"/cases/{typed}", headers=api.headers("bhabin_a"))
        assert r.status_code == 200, (typed, r.text)
        assert r.json()["case_id"] == event.case.case_id
        assert r.json()["reference"] == reference
    for who in ("bhabin_b", "kapolsek_b"):
        r = await client.get(f"/cases/{reference}", headers=api.headers(who))
        assert r.status_code == 404, (who, r.text)
    missing = await client.get("/cases/BJN-ZZZZZZ", headers=api.headers("kapolres"))
    assert missing.status_code == 404
