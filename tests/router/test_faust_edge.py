"""The Faust internals the router relies on (listed in services/router/faust_edge.py) are
there: on the installed faust-streaming classes, and on a real worker against the real
Kafka. An upgrade that removes or renames one fails here, naming it and the version."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from faust.transport.consumer import Consumer

from services.router.faust_edge import (
    FAUST_VERSION,
    ON_CLASSES,
    ON_LIVE_APP,
    missing_on_classes,
    missing_on_live_app,
)
from tests.conftest import Infra
from tests.router.worker_harness import Worker, worker_env

UPGRADE = (
    "faust-streaming changed under the router's no-loss guarantee; adapt "
    "services/router/faust_edge.py (and its list) before upgrading:\n"
)


def test_the_installed_faust_classes_have_every_internal_the_router_relies_on() -> None:
    missing = missing_on_classes()
    assert not missing, UPGRADE + "\n".join(missing)


def test_a_removed_internal_is_named_with_the_faust_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delattr(Consumer, "_new_offset")
    [problem] = missing_on_classes()
    assert problem.startswith(
        f"faust-streaming {FAUST_VERSION}: faust.transport.consumer:Consumer._new_offset "
        "is missing"
    )


def test_a_commit_that_stops_asking_new_offset_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    def commits_from_elsewhere(self: Consumer, tps: object) -> dict[object, int]:
        return {}

    monkeypatch.setattr(Consumer, "_filter_committable_offsets", commits_from_elsewhere)
    assert any(
        "_filter_committable_offsets uses _new_offset" in p for p in missing_on_classes()
    )


def test_a_live_app_without_the_internals_is_refused_by_name() -> None:
    """The worker runs this check before it takes over the commits, and stops if
    anything is missing."""
    problems = missing_on_live_app(object())  # type: ignore[arg-type]
    assert len(problems) == sum(where.startswith("app.") for where in ON_LIVE_APP)
    assert any("app.consumer._new_offset is missing" in p for p in problems)
    assert all(":" in where for where in ON_CLASSES)


@pytest.mark.integration
async def test_a_real_worker_has_every_internal_the_router_relies_on(
    infra: Infra, prefix: str, tmp_path: Path
) -> None:
    out = tmp_path / "probe.json"
    env = {**worker_env(infra.env(), tmp_path, prefix), "PROBE_OUT": str(out)}
    worker = Worker(env, tmp_path / "probe.log", module="tests.router.faust_edge_probe")
    worker.start()
    try:
        deadline = time.monotonic() + 90
        while not out.exists():
            assert worker.process is not None and worker.process.poll() is None, worker.tail()
            assert time.monotonic() < deadline, f"no probe result\n{worker.tail()}"
            await asyncio.sleep(0.3)
    finally:
        worker.stop()
    result = json.loads(out.read_text())
    assert result["faust"] == FAUST_VERSION
    assert not result["missing"], UPGRADE + "\n".join(result["missing"])
