"""The citizens' corpus: labelled messages by independent writers, split once into a
development part and a frozen evaluation part.

Each `writer_*.jsonl` line is one message with its labels (see README.md in this folder).
The split is decided by a keyed hash of the message id, so it never depends on the rules or
on the order of the files; `frozen_eval.sha256` holds the digest of the evaluation part as
it was frozen, and a test fails when any of it changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
FROZEN_DIGEST = HERE / "frozen_eval.sha256"
EVAL_SHARE = 0.4  # of every writer's messages; decided once, with the salt below
_SPLIT_SALT = b"matur-corpus-split-v1:"

VILLAGE_KINDS = frozenset({"one", "ambiguous", "none"})
INTENTS = frozenset(
    {"report", "thanks", "greeting", "followup", "question", "ask_bhabin", "service"}
)
# Messages that must not open a case.
NOT_A_CASE = frozenset({"thanks", "greeting", "followup", "ask_bhabin"})


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    style: str
    village_kind: str
    village_code: str | None
    candidates: tuple[str, ...]
    emergency: bool
    category: str
    about_police: bool
    intent: str

    @property
    def opens_case(self) -> bool:
        return self.intent not in NOT_A_CASE

    @property
    def in_eval(self) -> bool:
        return in_eval(self.id)

    def canonical(self) -> str:
        """One stable line per message: what the frozen digest is taken over."""
        return json.dumps(self.__dict__, ensure_ascii=False, sort_keys=True)


def in_eval(message_id: str) -> bool:
    digest = hashlib.sha256(_SPLIT_SALT + message_id.encode()).digest()
    return int.from_bytes(digest[:4], "big") < EVAL_SHARE * 2**32


def _parse(line: str, where: str) -> Labelled:
    raw = json.loads(line)
    item = Labelled(
        id=raw["id"],
        text=raw["text"],
        style=raw["style"],
        village_kind=raw["village_kind"],
        village_code=raw.get("village_code"),
        candidates=tuple(sorted(raw.get("candidates") or ())),
        emergency=bool(raw["emergency"]),
        category=raw["category"],
        about_police=bool(raw["about_police"]),
        intent=raw["intent"],
    )
    if item.village_kind not in VILLAGE_KINDS or item.intent not in INTENTS:
        raise ValueError(f"{where}: bad village_kind or intent in {item.id}")
    if (item.village_kind == "one") != (item.village_code is not None):
        raise ValueError(f"{where}: {item.id} village_code does not fit village_kind")
    if (item.village_kind == "ambiguous") != bool(item.candidates):
        raise ValueError(f"{where}: {item.id} candidates do not fit village_kind")
    return item


def load(paths: Iterable[Path] | None = None) -> list[Labelled]:
    items: list[Labelled] = []
    for path in sorted(paths if paths is not None else HERE.glob("writer_*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                items.append(_parse(line, f"{path.name}:{n}"))
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError("message ids repeat across the corpus files")
    return items


def development(items: Iterable[Labelled]) -> list[Labelled]:
    return [i for i in items if not i.in_eval]


def evaluation(items: Iterable[Labelled]) -> list[Labelled]:
    return [i for i in items if i.in_eval]


def eval_digest(items: Iterable[Labelled]) -> str:
    lines = sorted(i.canonical() for i in evaluation(items))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
