"""A router killed with SIGKILL and restarted loses no case and escalates exactly once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Infra
from tests.router.builders import describe, inbound, village_with_bhabin
from tests.router.test_worker import of_case, open_case
from tests.router.worker_harness import (
    TopicWatch,
    Worker,
    worker_env,
)

pytestmark = pytest.mark.integration

VILLAGE = village_with_bhabin()


async def test_kill_and_restart_loses_no_case_and_escalates_once(
    infra: Infra, prefix: str, watch: TopicWatch, tmp_path: Path
) -> None:
    env = worker_env(infra.env(), tmp_path, prefix, sla_seconds=4.0)
    first = Worker(env, tmp_path / "first.log")
    first.start()
    try:
        await first.wait_ready()
        case_id = await open_case(
            watch, f"kemarin ayam saya dicuri orang {describe(VILLAGE)}", "6281234560005"
        )
        # Kill -9 as soon as the deadline command is out, before or while it escalates.
        try:
            await watch.wait_for(
                "cases.commands",
                lambda v: v["case_id"] == case_id and v["kind"] == "deadline_reached",
            )
        except AssertionError as missing:
            raise AssertionError(f"{missing}\n{first.tail(200)}") from None
        first.kill()
    finally:
        first.stop()
    second = Worker(env, tmp_path / "second.log")
    second.start()
    try:
        await second.wait_ready()
        follow_up = inbound("ini fotonya pak", photo=True, wa_id="6281234560005")
        await watch.send_inbound(follow_up)
        [added] = await watch.wait_for(
            "cases.events",
            lambda v: v["kind"] == "message_added" and v["entry"].get("wamid") == follow_up.wamid,
        )
        assert added.value["case"]["case_id"] == case_id  # the case survived the kill
        await watch.wait_for(
            "cases.kapolres", lambda v: of_case(case_id)(v) and v["action"] == "escalated"
        )
    finally:
        second.stop()
    escalations = watch.where(
        "cases.kapolsek", lambda v: of_case(case_id)(v) and v["action"] == "escalated"
    )
    assert len({r.id for r in escalations}) == 1, "escalated to Kapolsek more than once"
    # Re-emitted messages after the restart carry identical ids: per id, identical case
    # content (the version) whatever the number of copies.
    events = watch.where("cases.events", of_case(case_id))
    by_id: dict[str, set[tuple[str, int]]] = {}
    for e in events:
        by_id.setdefault(e.id, set()).add((e.value["kind"], e.value["case"]["version"]))
    assert all(len(v) == 1 for v in by_id.values())
    versions = sorted({v for kinds in by_id.values() for _, v in kinds})
    assert versions == list(range(1, len(versions) + 1))


async def test_deadlines_follow_their_partitions_when_a_second_worker_joins(
    infra: Infra, prefix: str, watch: TopicWatch, tmp_path: Path
) -> None:
    env = worker_env(infra.env(), tmp_path / "a", prefix, sla_seconds=6.0)
    first = Worker(env, tmp_path / "a.log")
    second = Worker({**env, "ROUTER_STORE_DIR": str(tmp_path / "b")}, tmp_path / "b.log")
    first.start()
    try:
        await first.wait_ready()
        case_ids = [
            await open_case(
                watch, f"kemarin ayam saya dicuri orang {describe(VILLAGE)}", f"62812345700{n:02d}"
            )
            for n in range(8)
        ]
        for case_id in case_ids:
            await watch.wait_for("cases.bhabin", of_case(case_id))
        second.start()  # rebalance: about half of the partitions (and deadlines) move
        await second.wait_ready()
        for case_id in case_ids:
            await watch.wait_for("cases.kapolres", escalated(case_id))
    finally:
        first.stop()
        second.stop()
    for case_id in case_ids:
        ids = {r.id for r in watch.where("cases.kapolsek", of_case(case_id))}
        assert len(ids) == 1, f"{case_id} escalated to Kapolsek {len(ids)} times"


def escalated(case_id: str) -> Callable[[dict[str, Any]], bool]:
    return lambda v: of_case(case_id)(v) and v["action"] == "escalated"
