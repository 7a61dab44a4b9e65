"""Opaque tokens and one-time codes: generated with `secrets`, stored only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_PREFIX = "mtr_"  # noqa: S105  (a prefix, not a secret)


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def new_token_id() -> str:
    return "tok_" + secrets.token_hex(8)


def new_code() -> str:
    """Six digits, the form a person types back from WhatsApp."""
    return f"{secrets.randbelow(1_000_000):06d}"


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def code_hash(salt: bytes, officer_id: str, code: str) -> bytes:
    return hashlib.sha256(salt + officer_id.encode() + b":" + code.encode()).digest()


def code_matches(salt: bytes, officer_id: str, code: str, stored: bytes) -> bool:
    return hmac.compare_digest(code_hash(salt, officer_id, code), stored)
