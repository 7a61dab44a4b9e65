"""Actions are published as commands for the router, keyed by the reporter, and never
change the case tables themselves."""

from __future__ import annotations

import json

import httpx
import pytest

from contracts.case_commands import CaseCommand
from contracts.topics import CASES_COMMANDS
from services.api.app import create_app
from tests.api.conftest import VILLAGE_A1, Publish, RunningApi, wait_projected
from tests.api.factories import opened
from tests.api.kafka_reading import find_published
from tests.conftest import Infra


@pytest.mark.parametrize(
    ("path", "body", "kind"),
    [
        ("acknowledge", None, "acknowledge"),
        ("resolve", {"note": "Sudah ditangani, pelaku diamankan"}, "resolve"),
        ("notes", {"note": "Saksi: pak RT"}, "add_note"),
        ("escalate", {"note": "Butuh Kapolsek"}, "escalate"),
        ("reopen", None, "reopen"),
        ("reassign", {"officer_id": "ksk-a"}, "reassign"),
    ],
)
async def test_action_becomes_a_command(
    path: str,
    body: dict[str, str] | None,
    kind: str,
    api: RunningApi,
    client: httpx.AsyncClient,
    publish: Publish,
    infra: Infra,
) -> None:
    event = opened(VILLAGE_A1, "Pencurian helm di parkiran")
    await publish([event])
    await wait_projected(infra, event.case.case_id, 1)
    r = await client.post(
        f"/cases/{event.case.case_id}/{path}", json=body, headers=api.headers("bhabin_a")
    )
    assert r.status_code == 202, r.text
    command_id = r.json()["command_id"]

    command, record = await find_published(
        infra.kafka_bootstrap_servers,
        CASES_COMMANDS.full_name(infra.topic_prefix),
        CaseCommand,
        lambda c: c.message_id == command_id,
    )
    assert record.key == event.case.reporter.key.encode()
    assert command.kind == kind and command.case_id == event.case.case_id
    assert command.citizen_key == event.case.reporter.key
    assert command.actor.officer_id == "bhb-a" and command.actor.role == "bhabin"
    if body and "note" in body:
        assert command.note == body["note"]
    if path == "reassign":
        assert command.target_officer_id == "ksk-a" and command.target_tier == "kapolsek"
    # The case itself is unchanged until the router's event comes back.
    case = (await client.get(f"/cases/{event.case.case_id}", headers=api.headers("kapolres")))
    assert case.json()["version"] == 1


async def test_bad_actions_are_422(
    api: RunningApi, client: httpx.AsyncClient, publish: Publish, infra: Infra
) -> None:
    event = opened(VILLAGE_A1, "Anak hilang")
    await publish([event])
    await wait_projected(infra, event.case.case_id, 1)
    url = f"/cases/{event.case.case_id}"
    h = api.headers("kapolsek_a")
    assert (await client.post(url + "/resolve", json={}, headers=h)).status_code == 422
    assert (await client.post(url + "/resolve", json={"note": "  "}, headers=h)).status_code == 422
    # Reassigning to an officer of another district, or to nobody, is refused.
    r = await client.post(url + "/reassign", json={"officer_id": "bhb-b"}, headers=h)
    assert r.status_code == 422 and "area" in r.text
    r = await client.post(url + "/reassign", json={"officer_id": "nobody"}, headers=h)
    assert r.status_code == 422


def test_each_action_keeps_its_own_request_body() -> None:
    """The six routes share one implementation; each still documents and parses its own
    body (required or not) and answers as before."""
    paths = create_app().openapi()["paths"]
    expected = {
        "acknowledge": ("acknowledge", "OptionalNoteIn", False),
        "resolve": ("resolve", "RequiredNoteIn", True),
        "notes": ("add_note", "RequiredNoteIn", True),
        "escalate": ("escalate", "OptionalNoteIn", False),
        "reopen": ("reopen", "OptionalNoteIn", False),
        "reassign": ("reassign", "ReassignIn", True),
    }
    for path, (name, model, required) in expected.items():
        operation = paths[f"/cases/{{case_id}}/{path}"]["post"]
        assert operation["operationId"] == f"{name}_cases__case_id__{path}_post"
        body = operation["requestBody"]
        assert body.get("required", False) is required, path
        assert f"#/components/schemas/{model}" in json.dumps(body), path
        assert set(operation["responses"]) == {"202", "401", "403", "404", "422", "429", "503"}
        assert [p["name"] for p in operation["parameters"]] == ["case_id"]
