"""What the notifier's log (JSON lines, one file across its restarts) says about sends in
doubt: how many each start found (calls the kill before it cut off), and how many were
sent again because the status pipeline went past them without their status."""

from __future__ import annotations

import json
from pathlib import Path

FOUND = "sends in doubt found at start"
RESENT_PREFIX = "send in doubt: the status pipeline went past its call"


def in_doubt_counts(log_path: Path) -> dict[str, int]:
    found = resent = 0
    if not log_path.exists():
        return {"in_doubt_at_restarts": 0, "in_doubt_resent": 0}
    for line in log_path.read_text(errors="replace").splitlines():
        if FOUND not in line and RESENT_PREFIX not in line:
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        message = str(entry.get("msg", ""))
        if message == FOUND:
            found += int(entry.get("in_doubt") or 0)
        elif message.startswith(RESENT_PREFIX):
            resent += 1
    return {"in_doubt_at_restarts": found, "in_doubt_resent": resent}
