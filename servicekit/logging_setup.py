"""Structured logs: one JSON object a line in production, readable lines locally.

Secrets never reach the logs: values of registered secrets are replaced by `***`, and
Indonesian phone numbers are masked wherever they appear in a message or a field, and so
are WhatsApp message ids (a wamid is base64 around the recipient's number): each becomes
`wamid~<hash>`, the same for the same wamid, so log lines about one message still match.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

_PHONE = re.compile(r"(?<!\d)(\+?62|0)(8\d{2})\d{4,8}(\d{2})(?!\d)")
_WAMID = re.compile(r"wamid\.[A-Za-z0-9+/=_-]+")
_secrets: set[str] = set()
_STD_ATTRS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def register_secret(value: str | None) -> None:
    """Never print this value (an app secret, an access token)."""
    if value and len(value) >= 4:
        _secrets.add(value)


def redact(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, "***")
    text = _WAMID.sub(_wamid_digest, text)
    return _PHONE.sub(lambda m: f"{m.group(1)}{m.group(2)}****{m.group(3)}", text)


def _wamid_digest(match: re.Match[str]) -> str:
    return "wamid~" + hashlib.sha256(match.group(0).encode()).hexdigest()[:12]


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STD_ATTRS}


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(_fields(record))
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return redact(json.dumps(out, default=str, ensure_ascii=False))


class ConsoleFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        ts = datetime.fromtimestamp(record.created).strftime("%H:%M:%S")
        extra = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        line = f"{ts} {record.levelname:<7} {self.service:<9} {record.getMessage()}"
        if extra:
            line += f"  {extra}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return redact(line)


def configure_logging(service: str, fmt: str = "auto", level: str = "INFO") -> None:
    if fmt == "auto":
        fmt = "console" if sys.stderr.isatty() else "json"
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service) if fmt == "json" else ConsoleFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiokafka", "kafka", "faust", "mode", "uvicorn.access", "httpx"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
