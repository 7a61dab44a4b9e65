"""`X-Hub-Signature-256`: HMAC-SHA256 of the raw request body, keyed with the app secret.

Checked over the bytes exactly as received, before any parsing (re-serialised JSON would
not match as soon as a citizen types an emoji). Several secrets are accepted so the app
secret can be rotated without losing webhooks signed with the old one.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from enum import StrEnum

PREFIX = "sha256="


class SignatureCheck(StrEnum):
    VALID = "valid"
    MISSING = "missing"  # answer 401
    MISMATCH = "mismatch"  # answer 403


def sign(body: bytes, secret: str) -> str:
    """The header value Meta would send for `body`."""
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def check_signature(body: bytes, header: str | None, secrets: Sequence[str]) -> SignatureCheck:
    if not header or not header.strip():
        return SignatureCheck.MISSING
    value = header.strip()
    if not value.lower().startswith(PREFIX):
        return SignatureCheck.MISMATCH
    given = value[len(PREFIX) :].lower().encode()
    valid = False
    for secret in secrets:  # no early exit: the time taken does not tell which secret matched
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest().encode()
        valid |= hmac.compare_digest(expected, given)
    return SignatureCheck.VALID if valid else SignatureCheck.MISMATCH


def verify_token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of the GET handshake's `hub.verify_token`."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
