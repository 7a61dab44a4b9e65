"""Reading the API as officers do: sign in with the one-time code that arrives on their
WhatsApp (through the notifier and the sandbox), then read cases with the bearer token."""

from __future__ import annotations

import asyncio
import re
import sys
import time
from collections.abc import Callable
from typing import Any

import httpx

from contracts.roster import Officer
from tests.e2e.people import REPO
from tests.e2e.whatsapp import Outbox

CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")


class OfficerApi:
    """One officer's signed-in view of the API."""

    def __init__(self, base_url: str, officer: Officer, token: str) -> None:
        self.officer = officer
        self.http = httpx.AsyncClient(base_url=base_url, timeout=10.0,
                                      headers={"Authorization": f"Bearer {token}"})

    async def aclose(self) -> None:
        await self.http.aclose()

    async def case(self, case_id: str) -> httpx.Response:
        return await self.http.get(f"/cases/{case_id}")

    async def listed_ids(self, **params: Any) -> set[str]:
        ids: set[str] = set()
        cursor: str | None = None
        while True:
            query = {"limit": 200, **params, **({"cursor": cursor} if cursor else {})}
            page = await self.http.get("/cases", params=query)
            assert page.status_code == 200, page.text
            data = page.json()
            ids |= {item["case_id"] for item in data["items"]}
            cursor = data.get("next_cursor")
            if not cursor:
                return ids

    async def wait_case(self, case_id: str, match: Callable[[dict[str, Any]], bool],
                        what: str, within: float = 30.0) -> dict[str, Any]:
        """Poll GET /cases/{id} until the case is there and `match`es."""
        deadline = time.monotonic() + within
        last: Any = None
        while True:
            response = await self.case(case_id)
            if response.status_code == 200:
                last = response.json()
                if match(last):
                    return dict(last)
            else:
                last = f"{response.status_code} {response.text[:300]}"
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.officer.officer_id}: case {case_id} never {what} within "
                    f"{within:.0f}s; last answer: {last}"
                )
            await asyncio.sleep(0.3)

    async def stats(self) -> dict[str, Any]:
        response = await self.http.get("/stats")
        assert response.status_code == 200, response.text
        return dict(response.json())


async def sign_in(base_url: str, outbox: Outbox, officer: Officer,
                  within: float = 30.0) -> OfficerApi:
    """Ask for a code, read it from the officer's WhatsApp, exchange it for a token."""
    async with httpx.AsyncClient(base_url=base_url, timeout=10.0) as http:
        before = {s.seq for s in await outbox.to(officer.wa_id)}
        asked = await http.post("/auth/request-code", json={"officer_id": officer.officer_id})
        assert asked.status_code == 202, asked.text
        message = await outbox.wait_for(
            officer.wa_id,
            lambda s: s.seq not in before and s.kind == "otp" and bool(CODE.search(s.text)),
            f"sign-in code for {officer.officer_id}",
            within,
        )
        match = CODE.search(message.text)
        assert match is not None
        verified = await http.post("/auth/verify", json={"officer_id": officer.officer_id,
                                                         "code": match.group(1)})
        assert verified.status_code == 200, verified.text
        return OfficerApi(base_url, officer, verified.json()["token"])


async def admin_session(base_url: str, stack_env: dict[str, str]) -> httpx.AsyncClient:
    """An API client with an admin token issued as an operator issues the first one:
    `python -m services.api.tokens issue --role admin` (the token on stdout)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "services.api.tokens", "issue", "--role", "admin",
        "--name", "e2e-admin", env=stack_env, cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 0, err.decode()
    token = out.decode().strip().splitlines()[-1]
    return httpx.AsyncClient(base_url=base_url, timeout=15.0,
                             headers={"Authorization": f"Bearer {token}"})
