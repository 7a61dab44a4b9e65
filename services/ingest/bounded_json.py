"""Parse a webhook body whatever its nesting, and make its strings storable.

`json.loads` recurses once per nesting level and raises `RecursionError` near Python's
recursion limit (about 1,000 levels), and pydantic refuses to serialise past 255 levels, so
one message nested deeply used to fail the whole POST with a 500. Here:

- a body is parsed with `json.loads`; only when that fails for its depth (or for an integer
  longer than Python converts) it is parsed again after every subtree deeper than
  `CUT_DEPTH` has been replaced by a marker string (the item holding it is then deeper than
  `ITEM_MAX_DEPTH` and goes to the dead letter, see `normalise.py`);
- every string of the parsed body, object keys included, goes through
  `contracts.clean_text` (NUL and unpaired surrogates become U+FFFD). JSON can carry those
  only as `\\u` escapes (bytes that are not UTF-8 become U+FFFD, and JSON refuses raw
  control characters), so a body without such an escape skips the walk (an emoji's
  escaped surrogate pair does not count).

Pure functions, no I/O.
"""

from __future__ import annotations

import json
import re
from typing import Any

from contracts.clean_text import NestingTooDeep, clean_json

ITEM_MAX_DEPTH = 32
"""Containers one webhook item (a message, a status, a contact…) may nest; Meta's deepest
items nest about 5. A deeper item is dead-lettered instead of published."""

CUT_DEPTH = 64
"""Absolute depth beyond which a body that `json.loads` cannot take is cut before parsing
(items sit 7 levels down, so a cut item is always deeper than `ITEM_MAX_DEPTH`)."""

CUT_MARKER = '"[nested too deep: removed]"'

_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]', re.DOTALL)
_ESCAPE_NEEDING_CLEANING = re.compile(  # \u0000, a lone high or a lone low surrogate
    r"\\u0000"
    r"|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_INT_DIGITS_MAX = 4300  # Python's int_max_str_digits default


class BodyNotJson(ValueError):
    """The body cannot be read as JSON at all (the reason is the message)."""


def parse_body(body: bytes) -> Any:
    """The body as JSON data with clean strings; `BodyNotJson` when it is not JSON.

    Bytes that are not UTF-8 become U+FFFD (Meta sends UTF-8; one bad byte must not cost
    the other items of the body)."""
    text = body.decode("utf-8", errors="replace").removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise BodyNotJson(f"body is not JSON: {err}"[:300]) from None
    except (RecursionError, ValueError):
        data = _parse_bounded(text)
    if _ESCAPE_NEEDING_CLEANING.search(text) is None:
        return data
    try:
        return clean_json(data, max_depth=CUT_DEPTH + 2)
    except NestingTooDeep:  # parsed, but too deep to walk: cut it as the slow path does
        return clean_json(_parse_bounded(text), max_depth=CUT_DEPTH + 2)


def _parse_bounded(text: str) -> Any:
    """The slow path: subtrees below `CUT_DEPTH` cut out, over-long integers kept as text."""
    try:
        return json.loads(cut_deep(text, CUT_DEPTH), parse_int=_bounded_int)
    except (RecursionError, ValueError) as err:
        raise BodyNotJson(f"body is not JSON: {type(err).__name__}: {err}"[:300]) from None


def _bounded_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= _INT_DIGITS_MAX else digits


def cut_deep(text: str, max_depth: int) -> str:
    """`text` with every array or object opened below `max_depth` levels replaced by
    `CUT_MARKER` (strings are skipped whole, so brackets inside them do not count)."""
    out: list[str] = []
    last = 0
    depth = 0
    cut_from = -1
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth == max_depth + 1:
                cut_from = match.start()
        elif token in ("]", "}"):
            if depth == max_depth + 1 and cut_from >= 0:
                out += (text[last:cut_from], CUT_MARKER)
                last = match.end()
                cut_from = -1
            depth -= 1
    out.append(text[last:])
    return "".join(out)


def nesting_exceeds(value: Any, limit: int) -> bool:
    """True when `value` holds containers nested more than `limit` deep (itself counting
    as one). Iterative: safe on any depth `json.loads` produced."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False
