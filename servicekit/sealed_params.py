"""Secrets inside a message on a topic, sealed so that only their reader can open them.

A sign-in code travels from the API to the notifier on `notifications.requests`; whoever can
read that topic must not learn the code. The API seals it with AES-256-GCM under
`MATUR_SEALING_KEY` (shared by the API and the notifier only), binding it to the request's
message id, so a sealed value copied into another request does not open. The notifier opens
it just before rendering the WhatsApp message and keeps it nowhere.

Sealed values look like `v1.<base64 nonce+ciphertext>`; the parameter's name says it is
sealed (`sealed_code` for the code), never the value alone.
"""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = "v1"
DEV_SEALING_KEY = "matur-dev-sealing-key"  # refused with MATUR_ENV=production
_NONCE_BYTES = 12


class SealBroken(ValueError):
    """The value was not sealed with this key for this message (or was changed)."""


def _key(secret: str) -> bytes:
    """32 bytes from the configured secret (any length; a long random one in production)."""
    return hashlib.sha256(b"matur-sealing:" + secret.encode()).digest()


def seal(value: str, secret: str, bound_to: str) -> str:
    nonce = os.urandom(_NONCE_BYTES)
    sealed = AESGCM(_key(secret)).encrypt(nonce, value.encode(), bound_to.encode())
    return f"{VERSION}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def open_sealed(token: str, secret: str, bound_to: str) -> str:
    version, _, body = token.partition(".")
    if version != VERSION or not body:
        raise SealBroken("not a sealed value")
    try:
        raw = base64.urlsafe_b64decode(body.encode())
        plain = AESGCM(_key(secret)).decrypt(
            raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], bound_to.encode()
        )
    except (InvalidTag, ValueError) as exc:
        raise SealBroken("sealed value does not open with this key and message") from exc
    return plain.decode()
