"""Importing a roster file: only what differs is written, `--replace` removes the rest,
and a bad file is one clear error naming the file and the entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contracts.areas import DEFAULT_AREA_DATA_DIR
from contracts.roster import RosterError
from servicekit.directory_feed import read_directory
from servicekit.settings import repo_path
from services.api.directory.__main__ import main as directory_cli
from services.api.directory.importer import import_roster_file
from tests.conftest import Infra

AREAS = repo_path(DEFAULT_AREA_DATA_DIR)
SAMPLE = repo_path("deploy/sample-data/roster.bojonegoro.sample.json")


def small_roster(tmp_path: Path, officers: int, **change: object) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["officers"] = data["officers"][:officers]
    data["lines"] = data["lines"][:2]
    if change:
        data["officers"][0] = {**data["officers"][0], **change}
    path = tmp_path / f"roster-{officers}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


async def test_import_writes_what_differs_and_replace_removes_the_rest(
    infra: Infra, prefix: str, tmp_path: Path
) -> None:
    bootstrap = infra.kafka_bootstrap_servers
    first = await import_roster_file(bootstrap, prefix, small_roster(tmp_path, 5), AREAS)
    assert (first.written, first.removed, first.unchanged) == (1 + 2 + 5, 0, 0)
    again = await import_roster_file(bootstrap, prefix, small_roster(tmp_path, 5), AREAS)
    assert (again.written, again.removed, again.unchanged) == (0, 0, 8)
    fewer = small_roster(tmp_path, 3)
    kept = await import_roster_file(bootstrap, prefix, fewer, AREAS)
    assert (kept.written, kept.removed) == (0, 0)
    assert len((await read_directory(bootstrap, prefix)).officers) == 5
    replaced = await import_roster_file(bootstrap, prefix, fewer, AREAS, replace=True)
    assert (replaced.written, replaced.removed) == (0, 2)
    snapshot = await read_directory(bootstrap, prefix)
    assert len(snapshot.officers) == 3 and snapshot.polres[0].name == "Polres Bojonegoro"
    assert snapshot.regency_code == "35.22" and snapshot.sample


async def test_an_officer_outside_the_regency_is_refused(
    infra: Infra, prefix: str, tmp_path: Path
) -> None:
    path = small_roster(tmp_path, 2, area_codes=["35.23.01.2001"])
    with pytest.raises(RosterError, match=r"roster-2\.json: officers\[0\] \(officer_id '.+'\): "
                                          r"area codes not in regency 35\.22: 35\.23\.01\.2001"):
        await import_roster_file(infra.kafka_bootstrap_servers, prefix, path, AREAS)
    assert (await read_directory(infra.kafka_bootstrap_servers, prefix)).officers == ()


def test_the_admin_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                       infra: Infra, tmp_path: Path) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", infra.kafka_bootstrap_servers)
    monkeypatch.setenv("MATUR_TOPIC_PREFIX", "no-such-prefix.")
    assert directory_cli(["import", str(small_roster(tmp_path, 2))]) == 2
    assert "directory topics not found" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text('{"regency_code": "35.22", "officers": [{}]}')
    assert directory_cli(["import", str(tmp_path / "bad.json")]) == 2
    assert "bad.json: officers[0]: officer_id: Field required" in capsys.readouterr().err
