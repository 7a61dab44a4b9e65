"""Media the simulated users "send" (kept in memory so ingest can download it)."""

from __future__ import annotations

import base64
import hashlib
import secrets
import struct
import threading
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Media:
    id: str
    data: bytes
    mime_type: str

    @property
    def sha256(self) -> str:
        """Base64 of the SHA-256, as Meta's webhooks carry it."""
        return base64.b64encode(hashlib.sha256(self.data).digest()).decode()


def tiny_png(seed: bytes) -> bytes:
    """A valid 1x1 PNG whose colour depends on `seed` (so each upload differs)."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))

    rgb = hashlib.sha256(seed).digest()[:3]
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" + rgb)) + chunk(b"IEND", b""))


class MediaStore:
    def __init__(self, limit: int = 1000) -> None:
        self._items: dict[str, Media] = {}
        self._limit = limit
        self._lock = threading.Lock()

    def add(self, data: bytes, mime_type: str) -> Media:
        media = Media(id=str(10**14 + secrets.randbelow(9 * 10**14)), data=data,
                      mime_type=mime_type)
        with self._lock:
            if len(self._items) >= self._limit:
                self._items.pop(next(iter(self._items)))
            self._items[media.id] = media
        return media

    def get(self, media_id: str) -> Media | None:
        with self._lock:
            return self._items.get(media_id)
