"""`make run` imports the roster file into the directory topics after creating them and
before starting the services (`MATUR_ROSTER_FILE`, default the sample roster): the same
import as `python -m services.api.directory import FILE`, so running it again changes
only what the file changed."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from devstack.paths import REPO

SAMPLE_ROSTER = "deploy/sample-data/roster.bojonegoro.sample.json"
DEFAULT_AREA_DATA_DIR = "../shared/data/idn-area"


def _from_repo(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else REPO / path


def import_roster_for_run(bootstrap_servers: str, topic_prefix: str) -> None:
    """Import MATUR_ROSTER_FILE; a bad file stops `make run` with the reason."""
    from contracts.areas import AreaDataError
    from contracts.roster import RosterError
    from services.api.directory.importer import import_roster_file

    path = _from_repo(os.environ.get("MATUR_ROSTER_FILE") or SAMPLE_ROSTER)
    areas = _from_repo(os.environ.get("MATUR_AREA_DATA_DIR") or DEFAULT_AREA_DATA_DIR)
    try:
        result = asyncio.run(import_roster_file(bootstrap_servers, topic_prefix, path, areas))
    except (RosterError, AreaDataError, ValueError) as exc:
        sys.exit(f"[directory] not imported: {exc}")
    print(f"[directory] {path.name} imported: {result.written} written, "
          f"{result.unchanged} unchanged (officers move with PUT /directory/officers/{{id}} "
          "or python -m services.api.directory import FILE)")
