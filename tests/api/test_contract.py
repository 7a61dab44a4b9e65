"""Schemathesis over the whole OpenAPI, once per role, against the API running as its own
process (`python -m services.api`): no 5xx, no response that breaks its schema.

Not run against: /auth/logout (it would revoke the run's own token), /events/stream (a
stream never ends), /metrics (Prometheus text, not part of the JSON API).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts.case_events import CaseEventKind, TimelineEntry
from contracts.topics import CASES_EVENTS
from tests.api.conftest import issue_role_tokens, wait_for
from tests.api.factories import next_event
from tests.api.own_process import api_process
from tests.api.scoped_cases import VISIBLE, make_scoped_cases
from tests.conftest import Infra

REPO = Path(__file__).resolve().parents[2]
ROLES = ("bhabin_a", "kapolsek_a", "kapolres", "dashboard", "admin", "system_a")
EXAMPLES = os.environ.get("MATUR_API_CONTRACT_EXAMPLES", "4")
# The coverage phase (boundary and invalid values of every parameter, ~1000 requests) does
# not depend on the role: it runs for one role; every role gets examples and fuzzing.
PHASES = {"kapolres": "examples,coverage,fuzzing"}


@pytest.fixture(scope="module")
async def contract_api(
    infra: Infra, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[str, dict[str, str], Path]]:
    """The API as a subprocess on its own database and topics (admin calls change the
    officer directory there; what the fuzzer triggers, sign-in codes and commands, stays
    apart)."""
    env = {
        "MATUR_API_TOKEN_RATE": "10000",
        "MATUR_API_TOKEN_BURST": "10000",
        "MATUR_API_SIGNIN_ANSWER_S": "0",  # the fuzzer signs in often; tested in tests/security
    }
    async with api_process(infra, "contract", tmp_path_factory.mktemp("contract-api"),
                           env) as api:  # fmt: skip
        tokens = await issue_role_tokens(api.settings)
        case_id = await _seed_cases(infra, api.topic_prefix, api.base_url, tokens["kapolres"])
        config = tmp_path_factory.mktemp("schemathesis") / "schemathesis.toml"
        # Real ids, so that case operations get past 404 for the roles that may see it.
        config.write_text(f'[parameters]\n"path.case_id" = "{case_id}"\n', encoding="utf-8")
        yield api.base_url, tokens, config


async def _seed_cases(infra: Infra, prefix: str, base_url: str, token: str) -> str:
    """Cases in and out of each role's areas, so that lists, exports and stats have rows;
    the id of one in district A (the fuzzer's `case_id`)."""
    events = [*make_scoped_cases().all]
    events.append(next_event(events[0], CaseEventKind.MESSAGE_ADDED, TimelineEntry(text="lagi")))
    producer = AIOKafkaProducer(bootstrap_servers=infra.kafka_bootstrap_servers)
    await producer.start()
    try:
        for e in events:
            await producer.send_and_wait(
                CASES_EVENTS.full_name(prefix), e.to_bytes(), key=e.case.case_id.encode()
            )
    finally:
        await producer.stop()
    async with httpx.AsyncClient(base_url=base_url) as client:

        async def all_there() -> bool:
            r = await client.get("/cases", headers={"Authorization": f"Bearer {token}"})
            return len(r.json()["items"]) == len(VISIBLE["kapolres"])

        await wait_for(all_there)
    return events[0].case.case_id


@pytest.mark.parametrize("who", ROLES)
async def test_openapi_contract_holds_for_role(
    who: str, contract_api: tuple[str, dict[str, str], Path]
) -> None:
    base_url, tokens, config = contract_api
    command = [
        str(Path(sys.executable).parent / "st"), "--config-file", str(config),
        "run", f"{base_url}/openapi.json",
        "-H", f"Authorization: Bearer {tokens[who]}",
        "--checks", "not_a_server_error,response_schema_conformance",
        "--max-examples", EXAMPLES, "--workers", "1", "--no-shrink", "--seed", "7",
        "--phases", PHASES.get(who, "examples,fuzzing"),
        "--exclude-path", "/auth/logout",
        "--exclude-path", "/events/stream",
        "--exclude-path", "/metrics",
        "--request-timeout", "10",
    ]  # fmt: skip
    proc = await asyncio.create_subprocess_exec(
        *command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO
    )
    out, _ = await proc.communicate()
    assert proc.returncode == 0, out.decode(errors="replace")[-6000:]
