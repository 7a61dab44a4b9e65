"""The directory topics' state: records applied (upsert, tombstone, bad record), the
snapshot handed to the services, and what a roster import writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from contracts.directory import Polres, polres_of
from contracts.directory_state import BadRecord, DirectoryState, import_changes
from contracts.hierarchy import Tier
from contracts.lines import Line
from contracts.roster import Officer, Roster, RosterError, load_roster
from contracts.topics import DIRECTORY_LINES, DIRECTORY_OFFICERS, DIRECTORY_POLRES

OFFICERS = DIRECTORY_OFFICERS.name
ADI = Officer(officer_id="bhb-a", name="Bripka Adi", tier=Tier.BHABIN, wa_id="6281100000001",
              area_codes=("35.22.01.2001",))
BUDI = Officer(officer_id="bhb-b", name="Bripka Budi", tier=Tier.BHABIN, wa_id="6281100000002",
               area_codes=("35.22.02.2001",))
POLRES = Polres(regency_code="35.22", name="Polres Bojonegoro", sample=True, note="contoh")
LINE = Line(phone_number_id="103522000000000", tier=Tier.KAPOLRES, area_codes=("35.22",))


def test_a_value_upserts_and_a_tombstone_removes() -> None:
    state = DirectoryState()
    state.apply(OFFICERS, b"bhb-b", BUDI.to_bytes())
    state.apply(OFFICERS, b"bhb-a", ADI.to_bytes())
    moved = ADI.model_copy(update={"area_codes": ("35.22.01.2002",)})
    state.apply(OFFICERS, b"bhb-a", moved.to_bytes())
    assert state.snapshot().officers == (moved, BUDI)  # sorted by id, latest value
    state.apply(OFFICERS, b"bhb-b", None)
    state.apply(OFFICERS, b"nobody", None)  # removing what is not there is fine
    assert state.snapshot().officers == (moved,)


def test_a_bad_record_changes_nothing_and_says_why_without_the_value() -> None:
    state = DirectoryState()
    state.apply(OFFICERS, b"bhb-a", ADI.to_bytes())
    broken = json.dumps({**ADI.model_dump(mode="json"), "tier": "general"}).encode()
    with pytest.raises(BadRecord, match="tier") as caught:
        state.apply(OFFICERS, b"bhb-a", broken)
    assert ADI.wa_id not in str(caught.value)
    for key, value in ((b"bhb-a", b"{not json"), (None, ADI.to_bytes()),
                       (b"someone-else", ADI.to_bytes()), (b"\xff", ADI.to_bytes())):
        with pytest.raises(BadRecord):
            state.apply(OFFICERS, key, value)
    with pytest.raises(BadRecord, match="not a directory topic"):
        state.apply("cases.events", b"x", b"{}")
    assert state.snapshot().officers == (ADI,)


def test_the_snapshot_is_roster_shaped_and_names_the_first_polres() -> None:
    state = DirectoryState()
    empty = state.snapshot()
    assert (empty.regency_code, empty.polres, empty.lines, empty.officers) == ("", (), (), ())
    state.apply(DIRECTORY_POLRES.name, b"35.22", POLRES.to_bytes())
    state.apply(DIRECTORY_LINES.name, LINE.phone_number_id.encode(), LINE.to_bytes())
    snapshot = state.snapshot()
    assert isinstance(snapshot, Roster)
    assert (snapshot.regency_code, snapshot.sample, snapshot.note) == ("35.22", True, "contoh")
    assert snapshot.line(LINE.phone_number_id) == LINE
    assert snapshot.line("999").tier is None


def test_an_import_writes_only_what_differs_and_replace_removes_the_rest() -> None:
    state = DirectoryState()
    for officer in (ADI, BUDI):
        state.apply(OFFICERS, officer.officer_id.encode(), officer.to_bytes())
    state.apply(DIRECTORY_POLRES.name, b"35.22", POLRES.to_bytes())
    moved = BUDI.model_copy(update={"area_codes": ("35.22.02.2002",)})
    roster = Roster(regency_code="35.22", lines=(LINE,), officers=(ADI, moved))
    polres = POLRES
    changes = import_changes(state.snapshot(), roster, polres)
    assert [(c.topic, c.key, c.value) for c in changes] == [
        (DIRECTORY_LINES, LINE.phone_number_id, LINE),
        (DIRECTORY_OFFICERS, "bhb-b", moved),
    ]
    smaller = Roster(regency_code="35.22", officers=(ADI,))
    assert import_changes(state.snapshot(), smaller, polres) == []
    replaced = import_changes(state.snapshot(), smaller, polres, replace=True)
    assert [(c.topic, c.key, c.value) for c in replaced] == [(DIRECTORY_OFFICERS, "bhb-b", None)]



def test_replace_removes_only_the_importing_regencys_officers_and_lines() -> None:
    tuban = Officer(officer_id="tbn-a", name="Bripka Tono", tier=Tier.BHABIN,
                    wa_id="6281100000009", area_codes=("35.23.01.2001",))
    tuban_line = Line(phone_number_id="103523000000000", tier=Tier.KAPOLRES,
                      area_codes=("35.23",))
    state = DirectoryState()
    for officer in (ADI, BUDI, tuban):
        state.apply(OFFICERS, officer.officer_id.encode(), officer.to_bytes())
    for line in (LINE, tuban_line):
        state.apply(DIRECTORY_LINES.name, line.phone_number_id.encode(), line.to_bytes())
    state.apply(DIRECTORY_POLRES.name, b"35.22", POLRES.to_bytes())
    bojonegoro_only = Roster(regency_code="35.22", officers=(ADI,))
    replaced = import_changes(state.snapshot(), bojonegoro_only, POLRES, replace=True)
    assert [(c.topic, c.key, c.value) for c in replaced] == [
        (DIRECTORY_LINES, LINE.phone_number_id, None),
        (DIRECTORY_OFFICERS, "bhb-b", None),
    ]

def test_the_polres_of_a_roster_file() -> None:
    roster = Roster(regency_code="35.22", sample=True, note="n")
    assert polres_of(roster, "Kabupaten Bojonegoro") == Polres(
        regency_code="35.22", name="Polres Bojonegoro", reference_prefix="BJN", sample=True,
        note="n")
    named = roster.model_copy(update={"polres_name": "Polres Bojonegoro Kota"})
    assert polres_of(named, "Kabupaten Bojonegoro").name == "Polres Bojonegoro Kota"


def test_a_bad_roster_file_is_one_error_naming_the_file_and_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    entry = {**ADI.model_dump(mode="json"), "tier": "general"}
    path.write_text(json.dumps({"regency_code": "35.22", "officers": [BUDI.model_dump(mode="json"),
                                                                      entry]}))
    with pytest.raises(RosterError, match=r"roster\.json: officers\[1\] \(officer_id 'bhb-a'\): "
                                          r"tier: Input should be") as caught:
        load_roster(path)
    assert ADI.wa_id not in str(caught.value)
    path.write_text(json.dumps({"regency_code": "35.22", "officers": [
        ADI.model_dump(mode="json"), ADI.model_dump(mode="json")]}))
    with pytest.raises(RosterError, match="officer_id given more than once: bhb-a"):
        load_roster(path)
    path.write_text("{oops")
    with pytest.raises(RosterError, match="not JSON"):
        load_roster(path)
    with pytest.raises(RosterError, match="not readable"):
        load_roster(tmp_path / "missing.json")
