"""Text that enters Matur is made storable once, where it enters.

NUL (U+0000) and unpaired UTF-16 surrogates (U+D800–U+DFFF without their partner) are valid
in a Python `str` and in escaped JSON (`\\u0000`, `\\ud800`), but PostgreSQL refuses NUL in
`text` and `jsonb`, and a lone surrogate cannot be encoded as UTF-8 at all: one such
character used to stop a consumer on every retry. Ingest (every string of a webhook, keys
included) and the API's input models (notes, directory edits) pass their text through
`clean_text` / `clean_json` / `CleanStr`, so nothing downstream ever sees them.

Each such character becomes U+FFFD (the replacement character): the reader sees that
something was there, and the text keeps its length. A surrogate pair that arrives as two
code points (possible in a `str`, never from `json.loads`, which joins them) is joined into
the character it encodes. Everything else (RTL marks, zero-width joiners, emoji, any
script) is kept as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from annotated_types import GroupedMetadata
from pydantic import BeforeValidator, StringConstraints

REPLACEMENT = "\ufffd"

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class NestingTooDeep(ValueError):
    """A JSON value nested deeper than `clean_json` was allowed to walk."""


def clean_text(text: str) -> str:
    """`text` with NUL and unpaired surrogates replaced by U+FFFD (the same object when
    there is none, so the common case costs one regex scan)."""
    if _UNSTORABLE.search(text) is None:
        return text
    if _SURROGATE.search(text) is not None:
        # UTF-16 round trip: a well-formed pair becomes its character, a lone half U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", REPLACEMENT)


def clean_json(value: Any, max_depth: int = 128) -> Any:
    """A parsed JSON value with `clean_text` applied to every string, object keys included.

    Containers nested deeper than `max_depth` raise `NestingTooDeep` (the walk is
    recursive; callers bound the depth of what they parse first).
    """
    return _clean(value, max_depth)


def _clean(value: Any, budget: int) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        if budget <= 0:
            raise NestingTooDeep("JSON nested too deep to clean")
        return {clean_text(k): _clean(v, budget - 1) for k, v in value.items()}
    if isinstance(value, list):
        if budget <= 0:
            raise NestingTooDeep("JSON nested too deep to clean")
        return [_clean(v, budget - 1) for v in value]
    return value


def _clean_if_text(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


CLEANED = BeforeValidator(_clean_if_text)
"""Metadata for `Annotated[str, StringConstraints(...), CLEANED]` (last, so it runs
first): NUL and unpaired surrogates become U+FFFD before the constraints see the text
(pydantic refuses a constrained string holding a lone surrogate). `CleanText` is both."""

CleanStr = Annotated[str, CLEANED]
"""A `str` field of an input model whose NUL and unpaired surrogates become U+FFFD."""


@dataclass(frozen=True)
class CleanText(GroupedMetadata):
    """`Annotated[str, CleanText(max_length=200)]`: an input text field, cleaned (`CLEANED`)
    and then held to its constraints (stripped by default, at least one character)."""

    max_length: int
    min_length: int | None = 1
    strip: bool | None = True

    def __iter__(self) -> Iterator[object]:
        yield StringConstraints(
            strip_whitespace=self.strip, min_length=self.min_length, max_length=self.max_length
        )
        yield CLEANED
