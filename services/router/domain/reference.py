"""Case references a person can read over the phone and type back: `BJN-C0003V`.

`BJN-` and six Crockford base32 characters (no I, L, O, U): 30 bits. A case's reference
encodes where the message that opened it sits in the router's input log
(`reference_for_position`: 3 bits of partition, 27 bits of offset), so it is unique by
construction across partitions and restarts (one Kafka offset holds one message, and a
replay of that message gets the same reference) with no coordination between workers,
and it reads like a counter (`BJN-C0003V` is partition 3, offset 123). Unique while a
partition holds fewer than 2^27 (134 million) messages and the topic is not recreated;
the reference table keeps every case under a reference anyway, so a reference repeated
after a topic is recreated still reaches both cases (each refuses what its officer may
not do).

`make_reference(case_id)` (a hash of the case id) is the fallback for a case opened
without a log position (handlers driven directly, e.g. in unit tests).

`normalise_reference` forgives what people do when typing: lower case, a space or no
separator after the prefix, separators inside the code, O for 0 and I/L for 1.
"""

from __future__ import annotations

import hashlib
import re

PREFIX = "BJN"
CODE_LENGTH = 6
CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_SEPARATORS = r"[\s\-_.:/#]*"
_CODE_CHARS = r"[0-9A-Za-z]"
_REFERENCE_RE = re.compile(
    rf"(?<![0-9A-Za-z])({PREFIX}){_SEPARATORS}((?:{_CODE_CHARS}[\s\-_.]?){{{CODE_LENGTH - 1}}}"
    rf"{_CODE_CHARS})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_BARE_CODE_RE = re.compile(rf"(?<![0-9A-Za-z])({_CODE_CHARS}{{{CODE_LENGTH}}})(?![0-9A-Za-z])")


PARTITION_BITS = 3
OFFSET_BITS = 5 * CODE_LENGTH - PARTITION_BITS  # 27
MAX_PARTITIONS = 1 << PARTITION_BITS


def reference_for_position(partition: int, offset: int, prefix: str = PREFIX) -> str:
    """The reference of the case opened by the message at (partition, offset) of the
    input log: injective for partitions below 8 and offsets below 2^27."""
    if not 0 <= partition < MAX_PARTITIONS:
        raise ValueError(f"partition {partition} does not fit a reference (max {MAX_PARTITIONS})")
    number = (partition << OFFSET_BITS) | (offset & ((1 << OFFSET_BITS) - 1))
    chars = [
        CROCKFORD_ALPHABET[(number >> (5 * (CODE_LENGTH - 1 - i))) & 31] for i in range(CODE_LENGTH)
    ]
    return f"{prefix}-{''.join(chars)}"


def make_reference(case_id: str, attempt: int = 0, prefix: str = PREFIX) -> str:
    """`BJN-` and 6 Crockford base32 characters derived from `case_id` (and `attempt`)."""
    basis = case_id if attempt == 0 else f"{case_id}#{attempt}"
    number = int.from_bytes(hashlib.sha256(basis.encode()).digest()[:8], "big")
    chars = []
    for _ in range(CODE_LENGTH):
        chars.append(CROCKFORD_ALPHABET[number & 31])
        number >>= 5
    return f"{prefix}-{''.join(chars)}"


def _clean_code(raw: str) -> str | None:
    code = re.sub(r"[\s\-_.]", "", raw).upper().translate(_DECODE_CONFUSABLES)
    if len(code) != CODE_LENGTH or any(c not in CROCKFORD_ALPHABET for c in code):
        return None
    return code


def normalise_reference(text: str, *, allow_bare: bool = False) -> str | None:
    """The canonical `BJN-XXXXXX` for a typed reference, or None if there is none.

    The reference may stand alone or inside a sentence ("batalkan laporan bjn 7k3q9x").
    With `allow_bare`, six code characters alone without the prefix are accepted too (only
    when they contain a digit, so that an ordinary word is never taken for a reference).
    """
    stripped = text.strip()
    match = _REFERENCE_RE.fullmatch(stripped)
    if match:
        code = _clean_code(match.group(2))
        return f"{PREFIX}-{code}" if code else None
    found = find_reference(stripped)
    if found:
        return found[0]
    if allow_bare and _BARE_CODE_RE.fullmatch(stripped) and any(c.isdigit() for c in stripped):
        code = _clean_code(stripped)
        return f"{PREFIX}-{code}" if code else None
    return None


def find_reference(text: str) -> tuple[str, int, int] | None:
    """The first reference inside a longer text: (canonical reference, start, end)."""
    for match in _REFERENCE_RE.finditer(text):
        code = _clean_code(match.group(2))
        if code:
            return f"{PREFIX}-{code}", match.start(), match.end()
    return None


def find_references(text: str) -> list[str]:
    """Every reference in a text, canonical, in order, without repeats."""
    found: list[str] = []
    for match in _REFERENCE_RE.finditer(text):
        code = _clean_code(match.group(2))
        if code and f"{PREFIX}-{code}" not in found:
            found.append(f"{PREFIX}-{code}")
    return found
