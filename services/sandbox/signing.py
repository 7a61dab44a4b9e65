"""Meta's webhook bytes and signature: compact JSON with `\\uXXXX` and `\\/` escapes, signed
with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw bytes, keyed by the app secret>`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from typing import Any

SIGNATURE_HEADER = "X-Hub-Signature-256"


def meta_json_bytes(payload: Any) -> bytes:
    """Serialise like Meta: no spaces, non-ASCII as lowercase `\\uXXXX` (emoji as surrogate
    pairs), and every `/` escaped as `\\/` (a `/` only ever occurs inside JSON strings)."""
    text = json.dumps(payload, ensure_ascii=True, separators=(",", ":"))
    return text.replace("/", "\\/").encode("ascii")


def signature(raw: bytes, app_secret: str) -> str:
    """The `X-Hub-Signature-256` header value for exactly these bytes."""
    return "sha256=" + hmac.new(app_secret.encode(), raw, hashlib.sha256).hexdigest()


def signature_valid(raw: bytes, header: str | None, app_secrets: Iterable[str]) -> bool:
    """True when `header` signs `raw` with one of the secrets (constant-time compare)."""
    if not header or not header.startswith("sha256="):
        return False
    given = header.removeprefix("sha256=")
    return any(
        hmac.compare_digest(hmac.new(s.encode(), raw, hashlib.sha256).hexdigest(), given)
        for s in app_secrets
    )
