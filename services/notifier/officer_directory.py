"""Officers' WhatsApp numbers from the roster, for requests that name an officer only by id."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from contracts.notifications import NotificationRequest, RecipientKind
from contracts.roster import load_roster

log = logging.getLogger(__name__)


class OfficerDirectory:
    def __init__(self, phones: Mapping[str, str]) -> None:
        self._phones = dict(phones)

    @classmethod
    def from_roster_file(cls, path: Path) -> OfficerDirectory:
        try:
            roster = load_roster(path)
        except (OSError, ValueError) as exc:
            log.warning("no roster: officers must come with their number", extra={
                "roster_file": str(path), "error": repr(exc)})
            return cls({})
        return cls({o.officer_id: o.wa_id for o in roster.officers if o.wa_id})

    def complete(self, req: NotificationRequest) -> NotificationRequest:
        """The request, with the officer's number filled in when it names none."""
        recipient = req.recipient
        if recipient.kind != RecipientKind.OFFICER or recipient.wa_id or recipient.user_id:
            return req
        phone = self._phones.get(recipient.officer_id or recipient.key)
        if phone is None:
            return req
        return req.model_copy(update={"recipient": recipient.model_copy(update={"wa_id": phone})})
