"""The case references a typed text may stand for (pure), so that a case can be found by
the reference the citizen quotes: `BJN-C0003V`, `bjn c0003v`, `BJNC0003V`, `bjn-coo03v`.

A reference is a prefix of letters (`BJN`, the roster's `reference_prefix`), a dash and a
code of Crockford base32 characters. People drop or change the separator, type lower
case, and O for 0 or I/L for 1 (letters Crockford never uses). The first separator ends
the prefix; without one the prefix length is unknown, so every split of 2-5 letters and a
code of 4-8 characters is a candidate. Candidates are compared with the stored references
for equality, so a wrong split (or a short phrase that merely looks like a reference)
simply matches nothing.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-_.:/#]+")
_TYPED = re.compile(r"[A-Z]{2,5}[0-9A-Z]{4,8}")
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
PREFIX_LENGTHS = range(2, 6)
CODE_LENGTHS = range(4, 9)


def reference_candidates(text: str) -> tuple[str, ...]:
    """The canonical references (`PREFIX-CODE`) `text` may be typed for; () when it does
    not look like one (a sentence, a case id, an ordinary long word)."""
    typed = text.strip().upper()
    compact = _SEPARATORS.sub("", typed)
    if not _TYPED.fullmatch(compact):
        return ()
    separator = _SEPARATORS.search(typed)
    cuts = [separator.start()] if separator else PREFIX_LENGTHS
    found: list[str] = []
    for cut in cuts:
        prefix, code = compact[:cut], compact[cut:]
        if not prefix.isalpha() or len(code) not in CODE_LENGTHS:
            continue
        for variant in (code, code.translate(_CONFUSABLES)):
            reference = f"{prefix}-{variant}"
            if reference not in found:
                found.append(reference)
    return tuple(found)
