"""Applying directory records, and what a roster import changes (pure, no Kafka).

`DirectoryState` is what a reader of the three directory topics holds: apply each record
(a value upserts its key, a null value removes it), take an immutable `DirectorySnapshot`
when wanted. A record that cannot be read raises `BadRecord` and changes nothing, so the
reader can log it and go on.

`import_changes` compares a roster file with the current state: only what differs is
written, and with `replace` whatever the file no longer names is removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from contracts.areas import within
from contracts.base import ContractModel, validation_problems
from contracts.directory import DirectorySnapshot, Polres
from contracts.lines import Line
from contracts.roster import Officer, Roster
from contracts.topics import DIRECTORY_LINES, DIRECTORY_OFFICERS, DIRECTORY_POLRES, Topic


class BadRecord(ValueError):
    """A directory record that cannot be applied; the message says why (never its value)."""


@dataclass(frozen=True)
class DirectoryRecord:
    """One record to write: a value, or None to remove the key (a tombstone)."""

    topic: Topic
    key: str
    value: ContractModel | None

    def value_bytes(self) -> bytes | None:
        return None if self.value is None else self.value.to_bytes()


# topic name -> (value model, the value's field that is its key)
_KINDS: dict[str, tuple[type[ContractModel], str]] = {
    DIRECTORY_POLRES.name: (Polres, "regency_code"),
    DIRECTORY_LINES.name: (Line, "phone_number_id"),
    DIRECTORY_OFFICERS.name: (Officer, "officer_id"),
}


def key_of(topic: Topic, value: ContractModel) -> str:
    """The Kafka key of a directory value: the id it carries."""
    return str(getattr(value, _KINDS[topic.name][1]))


class DirectoryState:
    """The directory as applied so far, by key."""

    def __init__(self) -> None:
        self.polres: dict[str, Polres] = {}
        self.lines: dict[str, Line] = {}
        self.officers: dict[str, Officer] = {}
        self._tables: dict[str, dict[str, Any]] = {
            DIRECTORY_POLRES.name: self.polres,
            DIRECTORY_LINES.name: self.lines,
            DIRECTORY_OFFICERS.name: self.officers,
        }

    def apply(self, topic_name: str, key: bytes | None, value: bytes | None) -> None:
        """Upsert (a value) or remove (None) one key; BadRecord when it cannot be read."""
        table = self._tables.get(topic_name)
        if table is None:
            raise BadRecord(f"not a directory topic: {topic_name}")
        if not key:
            raise BadRecord("record without a key")
        try:
            name = key.decode()
        except UnicodeDecodeError:
            raise BadRecord("key is not UTF-8") from None
        if value is None:
            table.pop(name, None)
            return
        model, id_field = _KINDS[topic_name]
        try:
            item = model.model_validate_json(value)
        except ValidationError as exc:
            raise BadRecord("; ".join(validation_problems(exc))[:500]) from None
        if getattr(item, id_field) != name:
            raise BadRecord(f"key {name!r} is not the {id_field} its value carries")
        table[name] = item

    def snapshot(self) -> DirectorySnapshot:
        polres = tuple(self.polres[k] for k in sorted(self.polres))
        first = polres[0] if polres else None
        return DirectorySnapshot(
            regency_code=first.regency_code if first else "",
            sample=first.sample if first else False,
            note=first.note if first else None,
            polres=polres,
            lines=tuple(self.lines[k] for k in sorted(self.lines)),
            officers=tuple(self.officers[k] for k in sorted(self.officers)),
        )


def import_changes(
    current: DirectorySnapshot, roster: Roster, polres: Polres, replace: bool = False
) -> list[DirectoryRecord]:
    """The records that make the directory hold what the roster file says: the Polres,
    lines and officers that are new or differ; with `replace`, a removal for each line
    and officer of the file's regency that the file does not name (other Polres, and
    their lines and officers, are kept)."""
    records: list[DirectoryRecord] = []
    for topic, now, wanted in (
        (DIRECTORY_POLRES, current.polres, (polres,)),
        (DIRECTORY_LINES, current.lines, roster.lines),
        (DIRECTORY_OFFICERS, current.officers, roster.officers),
    ):
        have = {key_of(topic, item): item for item in now}
        want = {key_of(topic, item): item for item in wanted}
        records += [
            DirectoryRecord(topic, key, item) for key, item in want.items() if have.get(key) != item
        ]
        if replace and topic is not DIRECTORY_POLRES:
            records += [
                DirectoryRecord(topic, key, None)
                for key, item in have.items()
                if key not in want and _serves(item, roster.regency_code)
            ]
    return records


def _serves(item: object, regency_code: str) -> bool:
    """Whether a line or officer serves inside the regency (an item without areas counts
    as the importing regency's: nothing else claims it)."""
    areas = getattr(item, "area_codes", ())
    return not areas or any(within(area, regency_code) for area in areas)
