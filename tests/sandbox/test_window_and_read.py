"""Optional emulations: the 24-hour customer service window, and automatic read receipts."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from services.sandbox.client import SandboxClient
from tests.sandbox.servers import ACCESS_TOKEN, WebhookReceiver, running_sandbox

LINE = "103522000000000"
PATH = f"/v25.0/{LINE}/messages"


@pytest.fixture(scope="module")
def strict_sandbox(receiver_module: WebhookReceiver) -> Iterator[str]:
    with running_sandbox(receiver_module.url, enforce_window=True, auto_read=True) as url:
        yield url


@pytest.fixture
async def strict(strict_sandbox: str, receiver_module: WebhookReceiver
                 ) -> AsyncIterator[tuple[SandboxClient, httpx.AsyncClient]]:
    receiver_module.clear()
    async with SandboxClient(strict_sandbox) as sandbox, httpx.AsyncClient(
        base_url=strict_sandbox, headers={"Authorization": f"Bearer {ACCESS_TOKEN}"}
    ) as graph:
        await sandbox.reset()
        yield sandbox, graph


def text(to: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": "Halo"}}


def template(to: str) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": to, "type": "template",
            "template": {"name": "matur_kasus_baru", "language": {"code": "id"}}}


async def test_free_form_outside_the_window_is_refused_with_131047(
    strict: tuple[SandboxClient, httpx.AsyncClient],
) -> None:
    sandbox, graph = strict

    refused = await graph.post(PATH, json=text("+6281300000001"))
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == 131047
    assert error["message"] == "(#131047) Re-engagement message"
    assert "24 hours" in error["error_data"]["details"]

    assert (await graph.post(PATH, json=template("+6281300000001"))).status_code == 200

    await sandbox.send_inbound_text("6281300000001", "halo")
    assert (await graph.post(PATH, json=text("+6281300000001"))).status_code == 200
    # the window belongs to the line the citizen wrote to
    other_line = await graph.post("/v25.0/103522010000000/messages",
                                  json=text("+6281300000001"))
    assert other_line.json()["error"]["code"] == 131047


async def test_an_old_message_does_not_open_the_window(
    strict: tuple[SandboxClient, httpx.AsyncClient],
) -> None:
    sandbox, graph = strict
    await sandbox.send_inbound_text("6281300000002", "kemarin",
                                    timestamp=int(time.time()) - 25 * 3600)
    assert (await graph.post(PATH, json=text("+6281300000002"))).status_code == 400


async def test_auto_read_adds_a_read_status_and_templates_outside_the_window_are_billed(
    strict: tuple[SandboxClient, httpx.AsyncClient], receiver_module: WebhookReceiver
) -> None:
    _, graph = strict
    response = await graph.post(PATH, json=template("+6281300000003"))
    wamid = response.json()["messages"][0]["id"]

    posts = await receiver_module.wait_for(
        lambda r: any(s["id"] == wamid for s in r.value.get("statuses", [])), count=3)

    statuses = [p.value["statuses"][0] for p in posts]
    assert [s["status"] for s in statuses] == ["sent", "delivered", "read"]
    assert statuses[0]["pricing"] == {"billable": True, "pricing_model": "PMP",
                                      "category": "utility", "type": "regular"}
    assert "pricing" not in statuses[2]
