"""contracts.clean_text: the one place text is made storable (issue 13)."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

from contracts.clean_text import (
    REPLACEMENT,
    CleanStr,
    CleanText,
    NestingTooDeep,
    clean_json,
    clean_text,
)

KEPT = [
    "",
    "Ada pencurian motor di depan balai desa",
    "\u200fمرحبا\u200e RTL marks",  # right-to-left and left-to-right marks
    "👨‍👩‍👧 zero-width joiner family, 🇮🇩 flag, 👍🏽 skin tone",
    "tab\tnewline\nbell\x07 other control characters stay",
    "\ufffd already a replacement character",
    "x" * 100_000,
]


@pytest.mark.parametrize("text", KEPT)
def test_storable_text_is_kept_as_it_is(text: str) -> None:
    assert clean_text(text) is text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\x00", REPLACEMENT),
        ("a\x00b\x00", f"a{REPLACEMENT}b{REPLACEMENT}"),
        ("\ud800", REPLACEMENT),
        ("lone low \udc00 end", f"lone low {REPLACEMENT} end"),
        ("high at the end \ud83d", f"high at the end {REPLACEMENT}"),
        ("\ud83d\ude00", "\U0001f600"),  # a pair as two code points is the character
        ("\ude00\ud83d", REPLACEMENT * 2),  # the wrong order is no pair
        ("\x00\ud800\ud83d\ude00", f"{REPLACEMENT}{REPLACEMENT}\U0001f600"),
    ],
)
def test_nul_and_unpaired_surrogates_become_replacement_characters(
    text: str, expected: str
) -> None:
    cleaned = clean_text(text)
    assert cleaned == expected
    cleaned.encode("utf-8")  # storable: encodes, and PostgreSQL takes it (no NUL)


def test_clean_json_cleans_every_string_and_key_and_keeps_the_rest() -> None:
    value = {"a\x00": ["x\ud800", 1, 2.5, None, True, {"k": "\x00"}], "ok": "ok"}
    assert clean_json(value) == {
        f"a{REPLACEMENT}": [f"x{REPLACEMENT}", 1, 2.5, None, True, {"k": REPLACEMENT}],
        "ok": "ok",
    }


def test_clean_json_refuses_to_walk_deeper_than_allowed() -> None:
    deep: list[object] = []
    for _ in range(10):
        deep = [deep]
    assert clean_json(deep, max_depth=11) == deep
    with pytest.raises(NestingTooDeep):
        clean_json(deep, max_depth=10)


def test_clean_str_fields_clean_what_they_are_given() -> None:
    class Note(BaseModel):
        text: CleanStr

    assert Note(text="catatan\x00 \ud800").text == f"catatan{REPLACEMENT} {REPLACEMENT}"
    assert Note.model_validate_json('{"text": "a\\u0000b"}').text == f"a{REPLACEMENT}b"


class Note(BaseModel):
    note: Annotated[str, CleanText(max_length=10)]
    rank: Annotated[str, CleanText(max_length=5, min_length=None, strip=None)] | None = None


def test_clean_text_fields_clean_first_then_hold_their_constraints() -> None:
    assert Note(note="  a\x00b\ud800  ").note == f"a{REPLACEMENT}b{REPLACEMENT}"
    assert Note(note="x", rank=" \x00 ").rank == f" {REPLACEMENT} "  # no strip asked
    for refused in ("", "   ", "x" * 11):
        with pytest.raises(ValidationError):
            Note(note=refused)
    assert Note.model_json_schema()["properties"]["note"] == {
        "maxLength": 10, "minLength": 1, "title": "Note", "type": "string"}
