"""Where the local stack keeps what it downloads and what it runs (all git-ignored)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCAL = Path(os.environ.get("MATUR_LOCAL_DIR", REPO / ".local"))
DEPLOY = REPO / "deploy"
KAFKA_LIBS = LOCAL / "kafka" / "libs"
KAFKA_DATA = LOCAL / "kafka" / "data"
PG_DATA = LOCAL / "postgres" / "data"
RUN = LOCAL / "run"  # pid files and logs of what the stack started
LOGS = LOCAL / "logs"
