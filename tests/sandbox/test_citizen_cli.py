"""`matur`: a person plays a citizen through the sandbox and reads what came back."""

from __future__ import annotations

import asyncio

import httpx
from typer.testing import CliRunner

from devstack.citizen_cli import app
from services.sandbox.client import SandboxClient
from tests.sandbox.servers import WebhookReceiver

LINE = "103522000000000"


async def run_cli(sandbox_url: str, *args: str) -> str:
    def invoke() -> str:
        result = CliRunner().invoke(app, list(args), env={"SANDBOX_URL": sandbox_url})
        assert result.exit_code == 0, result.output
        return result.output

    return await asyncio.to_thread(invoke)


async def test_send_delivers_the_text_and_prints_the_reply(
    sandbox_url: str, client: SandboxClient, receiver: WebhookReceiver,
    graph: httpx.AsyncClient,
) -> None:
    async def reply_when_the_report_arrives() -> None:
        await receiver.wait_for(lambda r: "messages" in r.value)
        await graph.post(f"/v25.0/{LINE}/messages", json={
            "messaging_product": "whatsapp", "to": "+6281234567890", "type": "interactive",
            "interactive": {"type": "list", "body": {"text": "Di desa mana kejadiannya?"},
                            "action": {"button": "Pilih desa", "sections": [{"rows": [
                                {"id": "village:35.22.07.2001", "title": "Sukorejo",
                                 "description": "Kec. Bojonegoro"}]}]}}})

    replier = asyncio.create_task(reply_when_the_report_arrives())
    output = await run_cli(sandbox_url, "send", "081234567890", "Motor saya dicuri 🙏",
                           "--wait", "8")
    await replier

    [post] = [r for r in receiver.snapshot() if "messages" in r.value]
    assert post.value["messages"][0]["text"]["body"] == "Motor saya dicuri 🙏"
    assert post.value["messages"][0]["from"] == "6281234567890"
    assert "sent wamid." in output
    assert "Di desa mana kejadiannya?" in output
    assert "(village:35.22.07.2001) Sukorejo - Kec. Bojonegoro" in output


async def test_location_accepts_a_southern_latitude(
    sandbox_url: str, client: SandboxClient, receiver: WebhookReceiver
) -> None:
    await run_cli(sandbox_url, "location", "6281234567890", "-7.15", "111.88", "--wait", "0")
    [post] = await receiver.wait_for(lambda r: "messages" in r.value)
    assert post.value["messages"][0]["location"] == {"latitude": -7.15, "longitude": 111.88}


async def test_inbox_shows_templates_with_their_parameters(
    sandbox_url: str, client: SandboxClient, graph: httpx.AsyncClient
) -> None:
    await graph.post(f"/v25.0/{LINE}/messages", json={
        "messaging_product": "whatsapp", "to": "+6281100000000", "type": "template",
        "template": {"name": "matur_kasus_baru", "language": {"code": "id"}, "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "MTR-7K2Q"},
                                            {"type": "text", "parameter_name": "desa",
                                             "text": "Sukorejo"}]},
            {"type": "button", "sub_type": "quick_reply", "index": "0",
             "parameters": [{"type": "payload", "payload": "ack:case-1"}]}]}})

    output = await run_cli(sandbox_url, "inbox", "+62 811-0000-0000")

    assert "template matur_kasus_baru (id)" in output
    assert "body: MTR-7K2Q | desa=Sukorejo" in output
    assert "button 0 quick_reply: payload=ack:case-1" in output


async def test_lines_lists_the_roster(sandbox_url: str) -> None:
    output = await run_cli(sandbox_url, "lines")
    assert "103522000000000" in output and "+6285335220000" in output
