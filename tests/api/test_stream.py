"""The live stream delivers case events of the caller's areas promptly, and resumes from
Last-Event-ID."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from tests.api.conftest import VILLAGE_A1, VILLAGE_A2, VILLAGE_B1, Publish, RunningApi
from tests.api.factories import opened

# Generous against a loaded test machine; the stream itself wakes on every projected batch.
PROMPT_S = 2.0


@contextlib.asynccontextmanager
async def stream(
    api: RunningApi, who: str, last_event_id: str | None = None
) -> AsyncIterator[asyncio.Queue[dict[str, Any]]]:
    headers = api.headers(who)
    if last_event_id:
        headers["Last-Event-ID"] = last_event_id
    events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    opened_ok = asyncio.Event()

    async def read() -> None:
        async with (
            httpx.AsyncClient(base_url=api.base_url, timeout=httpx.Timeout(10, read=60)) as client,
            client.stream("GET", "/events/stream", headers=headers) as r,
        ):
            assert r.status_code == 200
            frame: dict[str, Any] = {}
            async for line in r.aiter_lines():
                opened_ok.set()
                if line.startswith("id: "):
                    frame["id"] = line[4:]
                elif line.startswith("data: "):
                    frame["data"] = json.loads(line[6:])
                elif line == "" and "data" in frame:
                    await events.put(frame)
                    frame = {}

    task = asyncio.create_task(read())
    await asyncio.wait_for(opened_ok.wait(), 10)
    try:
        yield events
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def next_for(events: asyncio.Queue[dict[str, Any]], case_id: str) -> dict[str, Any]:
    while True:
        frame = await asyncio.wait_for(events.get(), PROMPT_S)
        if frame["data"]["case_id"] == case_id:
            return frame


async def test_stream_delivers_in_scope_events_and_resumes(
    api: RunningApi, publish: Publish
) -> None:
    mine, other = opened(VILLAGE_A1, "Ada maling"), opened(VILLAGE_B1, "Ada tawuran")
    async with stream(api, "bhabin_a") as events:
        await publish([other, mine])
        frame = await next_for(events, mine.case.case_id)
        assert frame["data"]["kind"] == "opened"
        assert frame["data"]["case"]["reference"] == mine.case.reference
        last_id = frame["id"]

    missed, unseen = opened(VILLAGE_A2, "Ada judi"), opened(VILLAGE_B1, "Ada balap liar")
    await publish([missed, unseen])
    async with stream(api, "bhabin_a", last_event_id=last_id) as events:
        frame = await next_for(events, missed.case.case_id)
        assert int(frame["id"]) > int(last_id)
    # Everything this officer received is of his own villages.
    async with stream(api, "bhabin_a", last_event_id="0") as events:
        seen = []
        with contextlib.suppress(TimeoutError):
            while True:
                seen.append((await asyncio.wait_for(events.get(), 0.5))["data"])
        assert seen and all(
            e["case"]["village_code"] in (VILLAGE_A1, VILLAGE_A2) for e in seen
        )
        assert other.case.case_id not in {e["case_id"] for e in seen}
        ids = [e["seq"] for e in seen]
        assert ids == sorted(ids)


async def test_stream_shows_dashboards_no_reporter(api: RunningApi, publish: Publish) -> None:
    event = opened(VILLAGE_B1, "Ada pencurian kabel")
    async with stream(api, "dashboard") as events:
        await publish([event])
        frame = await next_for(events, event.case.case_id)
    assert frame["data"]["case"]["reporter"] is None
    assert frame["data"]["case"]["reporter_hidden"] is True
    async with stream(api, "kapolsek_b", last_event_id=str(int(frame["id"]) - 1)) as events:
        shown = (await next_for(events, event.case.case_id))["data"]["case"]["reporter"]
    assert shown["wa_id"] == event.case.reporter.wa_id


async def test_stream_refuses_a_bad_last_event_id(api: RunningApi) -> None:
    async with httpx.AsyncClient(base_url=api.base_url) as client:
        r = await client.get(
            "/events/stream", headers={**api.headers("kapolres"), "Last-Event-ID": "abc"}
        )
        assert r.status_code == 422
        r = await client.get("/events/stream", headers=api.headers("admin"))
        assert r.status_code == 403
