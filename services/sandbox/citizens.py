"""The simulated WhatsApp users the sandbox has seen, and their customer service windows."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from services.sandbox.identities import bsuid_for_phone
from services.sandbox.webhook_bodies import Citizen

WINDOW_SECONDS = 24 * 3600


@dataclass
class _Known:
    wa_id: str | None
    user_id: str | None
    profile_name: str | None


class CitizenDirectory:
    def __init__(self) -> None:
        self._by_wa: dict[str, _Known] = {}
        self._by_user: dict[str, _Known] = {}
        self._last_inbound: dict[tuple[str, str], float] = {}  # (line, wa:/bsuid: key)
        self._lock = threading.Lock()

    def saw_inbound(self, citizen: Citizen, phone_number_id: str, at: float | None = None) -> None:
        """Remember the user and open (or reset) their 24-hour window on this line."""
        at = time.time() if at is None else at
        known = _Known(citizen.wa_id, citizen.user_id, citizen.profile_name)
        with self._lock:
            if citizen.wa_id:
                self._by_wa[citizen.wa_id] = known
                self._last_inbound[(phone_number_id, "wa:" + citizen.wa_id)] = at
            if citizen.user_id:
                self._by_user[citizen.user_id] = known
                self._last_inbound[(phone_number_id, "bsuid:" + citizen.user_id)] = at

    def recipient(self, wa_id: str | None, user_id: str | None) -> Citizen:
        """Who a send addressed, completed from what inbound messages taught us. A phone
        never seen gets its deterministic BSUID; a BSUID never seen stays phone-less."""
        with self._lock:
            known = (self._by_wa.get(wa_id) if wa_id else None) or (
                self._by_user.get(user_id) if user_id else None
            )
        if known is not None:
            return Citizen(
                wa_id=wa_id or known.wa_id,
                user_id=(known.user_id if wa_id else user_id) or user_id,
                profile_name=known.profile_name,
            )
        return Citizen(wa_id=wa_id, user_id=user_id or (bsuid_for_phone(wa_id) if wa_id else None))

    def window_open(self, phone_number_id: str, citizen: Citizen, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        keys = []
        if citizen.wa_id:
            keys.append((phone_number_id, "wa:" + citizen.wa_id))
        if citizen.user_id:
            keys.append((phone_number_id, "bsuid:" + citizen.user_id))
        with self._lock:
            latest = max((self._last_inbound.get(k, 0.0) for k in keys), default=0.0)
        return now - latest < WINDOW_SECONDS

    def clear(self) -> None:
        with self._lock:
            self._by_wa.clear()
            self._by_user.clear()
            self._last_inbound.clear()
