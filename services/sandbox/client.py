"""A small async client of the sandbox's `/sandbox/*` controls, for tests and the CLI."""

from __future__ import annotations

import asyncio
import os
import time
from types import TracebackType
from typing import Any

import httpx

from services.sandbox.settings import KAPOLRES_LINE

DEFAULT_URL = "http://127.0.0.1:8090"


def default_sandbox_url() -> str:
    return os.environ.get("SANDBOX_URL") or os.environ.get("WHATSAPP_API_BASE_URL") or DEFAULT_URL


class SandboxClient:
    def __init__(self, base_url: str | None = None, timeout: float = 30.0) -> None:
        self._http = httpx.AsyncClient(base_url=base_url or default_sandbox_url(),
                                       timeout=timeout)

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._http.request(method, path, **kwargs)
        response.raise_for_status()
        return response.json()

    # simulated citizens ----------------------------------------------------------------
    async def send_inbound(self, **fields: Any) -> dict[str, Any]:
        """POST /sandbox/inbound; the answer has wamid, status_code, attempts, webhook."""
        if "from_" in fields:
            fields["from"] = fields.pop("from_")
        body = {k: v for k, v in fields.items() if v is not None}
        result: dict[str, Any] = await self._json("POST", "/sandbox/inbound", json=body)
        return result

    async def send_inbound_text(self, from_: str, text: str, line: str = KAPOLRES_LINE,
                                **extra: Any) -> dict[str, Any]:
        return await self.send_inbound(from_=from_, type="text", text=text,
                                       to_phone_number_id=line, **extra)

    async def send_inbound_location(self, from_: str, latitude: float, longitude: float,
                                    line: str = KAPOLRES_LINE, **extra: Any) -> dict[str, Any]:
        return await self.send_inbound(from_=from_, type="location", latitude=latitude,
                                       longitude=longitude, to_phone_number_id=line, **extra)

    async def send_inbound_choice(self, from_: str, reply_id: str, title: str | None = None,
                                  line: str = KAPOLRES_LINE, kind: str = "list_reply",
                                  **extra: Any) -> dict[str, Any]:
        """A tap on a list row (`list_reply`), a reply button (`button_reply`), or a template
        quick-reply button (`button`)."""
        if kind == "button":
            return await self.send_inbound(from_=from_, type="button", reply_id=reply_id,
                                           reply_title=title, to_phone_number_id=line, **extra)
        return await self.send_inbound(from_=from_, type="interactive", reply_id=reply_id,
                                       reply_title=title, interactive_type=kind,
                                       to_phone_number_id=line, **extra)

    async def deliver_raw(self, payload: Any, attempts: int | None = None) -> dict[str, Any]:
        """Sign and deliver any webhook body (e.g. a sample file) as Meta would."""
        params = {"attempts": attempts} if attempts else None
        result: dict[str, Any] = await self._json("POST", "/sandbox/deliver", json=payload,
                                                  params=params)
        return result

    # what the business sent -------------------------------------------------------------
    async def list_messages(self, to: str | None = None, phone_number_id: str | None = None,
                            since: float | None = None,
                            accepted: bool | None = None) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"to": to, "phone_number_id": phone_number_id,
                                  "since": since}
        if accepted is not None:
            params["accepted"] = "true" if accepted else "false"
        data = await self._json("GET", "/sandbox/messages",
                                params={k: v for k, v in params.items() if v is not None})
        messages: list[dict[str, Any]] = data["messages"]
        return messages

    async def wait_for_messages(self, to: str, count: int = 1, within: float = 10.0,
                                since: float | None = None,
                                accepted: bool | None = True) -> list[dict[str, Any]]:
        """Poll until at least `count` messages to `to` are recorded (or time runs out,
        returning what there is)."""
        deadline = time.monotonic() + within
        while True:
            found = await self.list_messages(to=to, since=since, accepted=accepted)
            if len(found) >= count or time.monotonic() >= deadline:
                return found
            await asyncio.sleep(0.1)

    async def webhooks(self, since: float | None = None) -> dict[str, Any]:
        params = {"since": since} if since is not None else None
        result: dict[str, Any] = await self._json("GET", "/sandbox/webhooks", params=params)
        return result

    # failures and reset -----------------------------------------------------------------
    async def inject_failure(self, code: int, count: int = 1, *,
                             phone_number_id: str | None = None, to: str | None = None,
                             is_async: bool = False, details: str | None = None
                             ) -> list[dict[str, Any]]:
        body = {"code": code, "count": count, "phone_number_id": phone_number_id, "to": to,
                "async": is_async, "details": details}
        data = await self._json("POST", "/sandbox/failures",
                                json={k: v for k, v in body.items() if v is not None})
        failures: list[dict[str, Any]] = data["failures"]
        return failures

    async def list_failures(self) -> list[dict[str, Any]]:
        failures: list[dict[str, Any]] = (await self._json("GET", "/sandbox/failures"))[
            "failures"]
        return failures

    async def clear_failures(self) -> None:
        await self._json("DELETE", "/sandbox/failures")

    async def clear(self) -> None:
        """Forget recorded messages and pending failures."""
        await self._json("DELETE", "/sandbox/messages")
        await self._json("DELETE", "/sandbox/failures")

    async def reset(self) -> None:
        """Also forget the users seen (closing their windows) and the webhook log."""
        await self._json("POST", "/sandbox/reset")
