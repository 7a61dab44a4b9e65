"""Importing a roster file into the directory topics: only what differs from what the
topics hold is written; with `replace`, lines and officers the file does not name are
removed (tombstones). Used by the admin CLI (`python -m services.api.directory import`),
by `make run` (MATUR_ROSTER_FILE) and by the test fixtures."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from contracts.areas import read_area_data
from contracts.directory import polres_of
from contracts.directory_state import import_changes
from contracts.roster import Roster, RosterError, load_roster
from servicekit.directory_feed import read_directory
from servicekit.kafka_clients import durable_producer
from services.api.directory.publishing import publish_records

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    written: int  # records that added or changed something
    removed: int  # tombstones (with replace)
    unchanged: int  # entries of the file the directory already held as they are


async def import_roster(
    bootstrap_servers: str,
    topic_prefix: str,
    roster: Roster,
    area_data_dir: Path,
    replace: bool = False,
) -> ImportResult:
    """Publish the roster's Polres, lines and officers (acks=all) where they differ."""
    areas = read_area_data(area_data_dir, [roster.regency_code])
    _check_areas(roster, {roster.regency_code, *(a.code for a in areas.districts + areas.villages)})
    polres = polres_of(roster, areas.regencies[0].name)
    current = await read_directory(bootstrap_servers, topic_prefix, "matur-directory-import")
    records = import_changes(current, roster, polres, replace)
    if records:
        producer = durable_producer(bootstrap_servers, "matur-directory-import")
        await producer.start()
        try:
            await publish_records(producer, topic_prefix, records)
        finally:
            await producer.stop()
    removed = sum(1 for r in records if r.value is None)
    result = ImportResult(
        written=len(records) - removed,
        removed=removed,
        unchanged=1 + len(roster.lines) + len(roster.officers) - (len(records) - removed),
    )
    log.info("roster imported", extra={"regency": roster.regency_code, **vars(result)})
    return result


async def import_roster_file(
    bootstrap_servers: str,
    topic_prefix: str,
    path: Path,
    area_data_dir: Path,
    replace: bool = False,
) -> ImportResult:
    """`import_roster` of a file (RosterError names the file and the bad entry)."""
    roster = load_roster(path)
    try:
        return await import_roster(bootstrap_servers, topic_prefix, roster, area_data_dir, replace)
    except RosterError as exc:
        raise RosterError(f"roster file {path}: {exc}") from None


def _check_areas(roster: Roster, known: set[str]) -> None:
    """Every area a line or an officer serves must be the regency or one of its districts
    or villages."""
    entries = [("lines", i, "phone_number_id", x.phone_number_id, x.area_codes)
               for i, x in enumerate(roster.lines)]
    entries += [("officers", i, "officer_id", x.officer_id, x.area_codes)
                for i, x in enumerate(roster.officers)]
    for kind, index, id_field, ident, codes in entries:
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise RosterError(
                f"{kind}[{index}] ({id_field} {ident!r}): area codes not in regency "
                f"{roster.regency_code}: {', '.join(unknown)}"
            )
