"""The sandbox answers `/messages` calls exactly as Meta's Cloud API documents."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import httpx
import pytest

from services.sandbox.client import SandboxClient
from tests.sandbox.servers import WebhookReceiver

LINE = "103522000000000"
PATH = f"/v25.0/{LINE}/messages"
CITIZEN = "+6281234567890"


def text(to: str = CITIZEN, body: str = "Laporan Anda kami terima.") -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to,
            "type": "text", "text": {"preview_url": False, "body": body}}


def village_list(rows: int = 3, *, row_title: str = "Sukorejo", button: str = "Pilih desa",
                 description: str = "Kec. Bojonegoro", header: str = "Lokasi kejadian",
                 footer: str = "Matur Polres Bojonegoro") -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp", "to": CITIZEN, "type": "interactive",
        "interactive": {
            "type": "list",
            "header": {"type": "text", "text": header},
            "body": {"text": "Di desa mana kejadiannya?"},
            "footer": {"text": footer},
            "action": {"button": button, "sections": [{"title": "Desa", "rows": [
                {"id": f"village:35.22.07.20{i:02d}", "title": row_title[:-2] + f"{i:02d}"
                 if len(row_title) > 2 else row_title, "description": description}
                for i in range(rows)
            ]}]},
        },
    }


def reply_buttons(titles: list[str], ids: list[str] | None = None) -> dict[str, Any]:
    ids = ids or [f"ack:case-{i}" for i in range(len(titles))]
    return {
        "messaging_product": "whatsapp", "to": CITIZEN, "type": "interactive",
        "interactive": {"type": "button", "body": {"text": "Kasus baru MTR-7K2Q"},
                        "action": {"buttons": [{"type": "reply", "reply": {"id": i, "title": t}}
                                               for i, t in zip(ids, titles, strict=True)]}},
    }


def template(components: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": CITIZEN, "type": "template",
            "template": {"name": "matur_kasus_baru", "language": {"code": "id"},
                         "components": components if components is not None else [
                             {"type": "body", "parameters": [
                                 {"type": "text", "text": "MTR-7K2Q"},
                                 {"type": "text", "text": "Kapolsek"}]}]}}


def assert_meta_error(response: httpx.Response, code: int, http_status: int = 400) -> str:
    assert response.status_code == http_status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["code"] == code
    assert error["type"] == "OAuthException"
    assert error["message"].startswith(f"(#{code}) ")
    assert error["error_data"]["messaging_product"] == "whatsapp"
    assert error["error_data"]["details"]
    assert error["fbtrace_id"]
    return str(error["error_data"]["details"])


async def test_text_send_answers_exactly_as_meta_documents(
    graph: httpx.AsyncClient, client: SandboxClient
) -> None:
    response = await graph.post(PATH, json=text())

    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["messaging_product", "contacts", "messages"]
    assert body["messaging_product"] == "whatsapp"
    assert body["contacts"] == [{"input": CITIZEN, "wa_id": "6281234567890"}]
    assert len(body["messages"]) == 1 and list(body["messages"][0]) == ["id"]
    wamid = body["messages"][0]["id"]
    assert wamid.startswith("wamid.")
    base64.b64decode(wamid.removeprefix("wamid."), validate=True)

    again = (await graph.post(PATH, json=text())).json()["messages"][0]["id"]
    assert again != wamid

    recorded = await client.list_messages(to="6281234567890")
    assert [r["wamid"] for r in recorded] == [wamid, again]
    assert recorded[0]["body"] == text()
    assert recorded[0]["phone_number_id"] == LINE
    assert recorded[0]["response"] == body


async def test_phone_formats_are_normalised_like_meta(graph: httpx.AsyncClient) -> None:
    formatted = await graph.post(PATH, json=text(to="+62 812-3456-7890"))
    without_plus = await graph.post(PATH, json=text(to="6281234567890"))
    local = await graph.post(PATH, json=text(to="081234567890"))

    assert formatted.json()["contacts"][0]["wa_id"] == "6281234567890"
    assert without_plus.json()["contacts"][0]["wa_id"] == "6281234567890"
    # Meta prepends the line's country code to a number without '+': a local 0812... is
    # misaddressed, as Meta warns.
    assert local.json()["contacts"][0] == {"input": "081234567890", "wa_id": "62081234567890"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"},
                                     {"Authorization": "Basic dGVzdA=="}])
async def test_a_bad_token_is_refused_with_code_190(
    sandbox_url: str, client: SandboxClient, headers: dict[str, str]
) -> None:
    async with httpx.AsyncClient(base_url=sandbox_url, headers=headers) as http:
        response = await http.post(PATH, json=text())

    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == 190
    assert error["type"] == "OAuthException"
    assert error["fbtrace_id"]
    assert await client.list_messages(accepted=True) == []


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"to": CITIZEN, "type": "text", "text": {"body": "x"}}, "messaging_product"),
        ({**text(), "messaging_product": "sms"}, "messaging_product"),
        ({"messaging_product": "whatsapp", "type": "text", "text": {"body": "x"}}, "to"),
        ({**text(), "type": "poll"}, "type"),
        ({**text(), "text": {"body": ""}}, "text['body']"),
        ({**text(), "text": None}, "text"),
        (text(body="x" * 4097), "4096"),
        ({**template(), "template": {"name": "matur_kasus_baru", "language": {}}},
         "language"),
        ({**template(), "template": {"language": {"code": "id"}}}, "name"),
        ({"messaging_product": "whatsapp", "status": "read"}, "message_id"),
    ],
)
async def test_invalid_requests_get_code_100_in_metas_error_body(
    graph: httpx.AsyncClient, body: dict[str, Any], needle: str
) -> None:
    details = assert_meta_error(await graph.post(PATH, json=body), 100)
    assert needle in details


async def test_a_text_of_exactly_4096_characters_is_accepted(graph: httpx.AsyncClient) -> None:
    assert (await graph.post(PATH, json=text(body="é" * 4096))).status_code == 200


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        (village_list(rows=11), "row count"),
        (village_list(row_title="R" * 25), "Row title"),
        (village_list(button="B" * 21), "Button title"),
        (village_list(description="D" * 73), "Row description"),
        (village_list(header="H" * 61), "Header"),
        (village_list(footer="F" * 61), "Footer"),
        (reply_buttons(["Terima", "Teruskan", "Tolak", "Nanti"]), "buttons"),
        (reply_buttons(["Terima", "Terima"]), "unique"),
        (reply_buttons(["T" * 21]), "Button title"),
        (reply_buttons(["Terima"], ids=["a" * 257]), "Button id"),
    ],
)
async def test_interactive_limits_are_enforced_with_131009(
    graph: httpx.AsyncClient, body: dict[str, Any], needle: str
) -> None:
    details = assert_meta_error(await graph.post(PATH, json=body), 131009)
    assert needle in details


async def test_interactive_messages_at_the_limits_are_accepted(
    graph: httpx.AsyncClient,
) -> None:
    at_limit = village_list(rows=10, row_title="R" * 24, button="B" * 20,
                            description="D" * 72, header="H" * 60, footer="F" * 60)
    buttons = reply_buttons(["Terima", "Teruskan", "T" * 20], ids=["a" * 256, "b", "c"])
    assert (await graph.post(PATH, json=at_limit)).status_code == 200
    assert (await graph.post(PATH, json=buttons)).status_code == 200


async def test_rows_split_over_sections_count_together(graph: httpx.AsyncClient) -> None:
    body = village_list(rows=6)
    sections = body["interactive"]["action"]["sections"]
    second = {"title": "Desa lain", "rows": [
        {"id": f"village:other-{i}", "title": f"Lain {i}"} for i in range(5)]}
    sections.append(second)
    assert_meta_error(await graph.post(PATH, json=body), 131009)


async def test_template_send_is_accepted_with_message_status(graph: httpx.AsyncClient) -> None:
    response = await graph.post(PATH, json=template([
        {"type": "body", "parameters": [
            {"type": "text", "parameter_name": "reference", "text": "MTR-7K2Q"}]},
        {"type": "button", "sub_type": "quick_reply", "index": "0",
         "parameters": [{"type": "payload", "payload": "ack:case-1"}]},
    ]))

    assert response.status_code == 200
    message = response.json()["messages"][0]
    assert message["id"].startswith("wamid.")
    assert message["message_status"] == "accepted"


async def test_mark_as_read_answers_success(graph: httpx.AsyncClient) -> None:
    response = await graph.post(PATH, json={"messaging_product": "whatsapp", "status": "read",
                                            "message_id": "wamid.HBgLMTY1MDM4Nzk0MzkVAgA="})
    assert response.status_code == 200
    assert response.json() == {"success": True}


async def test_a_bsuid_only_send_answers_with_user_id_and_no_wa_id(
    graph: httpx.AsyncClient,
) -> None:
    body = {"messaging_product": "whatsapp", "recipient": "ID.13491208655302741918",
            "type": "text", "text": {"body": "Halo"}}
    response = await graph.post(PATH, json=body)

    assert response.status_code == 200
    assert response.json()["contacts"] == [
        {"input": "ID.13491208655302741918", "user_id": "ID.13491208655302741918"}]


@pytest.mark.parametrize(("code", "http_status"),
                         [(130429, 429), (131056, 429), (131000, 500), (131026, 400)])
async def test_injected_failures_fail_the_next_n_sends_then_succeed(
    graph: httpx.AsyncClient, client: SandboxClient, code: int, http_status: int
) -> None:
    await client.inject_failure(code, count=2, to="+62 812-3456-7890")

    other = await graph.post(PATH, json=text(to="+6289999999999"))
    first = await graph.post(PATH, json=text())
    second = await graph.post(PATH, json=text())
    third = await graph.post(PATH, json=text())

    assert other.status_code == 200  # a different recipient is not affected
    assert_meta_error(first, code, http_status)
    assert_meta_error(second, code, http_status)
    assert third.status_code == 200
    assert await client.list_failures() == []
    refused = await client.list_messages(to="+6281234567890", accepted=False)
    assert [r["response"]["error"]["code"] for r in refused] == [code, code]


async def test_failures_can_be_scoped_to_a_line_and_cleared(
    graph: httpx.AsyncClient, client: SandboxClient
) -> None:
    await client.inject_failure(4, count=5, phone_number_id="103522010000000")

    assert (await graph.post(PATH, json=text())).status_code == 200
    assert_meta_error(await graph.post("/v25.0/103522010000000/messages", json=text()), 4, 429)
    await client.clear_failures()
    assert (await graph.post("/v25.0/103522010000000/messages", json=text())).status_code == 200


async def test_media_of_an_inbound_image_can_be_downloaded_with_the_token(
    graph: httpx.AsyncClient, client: SandboxClient, receiver: WebhookReceiver,
    sandbox_url: str,
) -> None:
    sent = await client.send_inbound(from_="6281234567890", type="image",
                                     caption="Foto motor")
    image = sent["webhook"]["entry"][0]["changes"][0]["value"]["messages"][0]["image"]

    info = await graph.get(f"/v25.0/{image['id']}")
    assert info.status_code == 200
    meta = info.json()
    assert set(meta) == {"url", "mime_type", "sha256", "file_size", "id", "messaging_product"}
    assert meta["id"] == image["id"] and meta["sha256"] == image["sha256"]

    content = await graph.get(meta["url"])
    assert content.status_code == 200
    assert content.headers["content-type"] == meta["mime_type"]
    assert len(content.content) == meta["file_size"]
    assert base64.b64encode(hashlib.sha256(content.content).digest()).decode() == meta["sha256"]

    async with httpx.AsyncClient() as anonymous:
        assert (await anonymous.get(meta["url"])).status_code == 401
    unknown = await graph.get("/v25.0/999")
    assert unknown.status_code == 400
    assert unknown.json()["error"]["code"] == 100
    assert "Unsupported get request" in unknown.json()["error"]["message"]
