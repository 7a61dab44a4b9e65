"""Officers' WhatsApp numbers, for requests that name an officer only by id: from the
officer directory (`directory.officers`), followed live, so a changed number applies to
the next request."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from contracts.notifications import NotificationRequest, RecipientKind
from contracts.roster import Roster

log = logging.getLogger(__name__)


class OfficerDirectory:
    def __init__(self, phones: Mapping[str, str] | None = None) -> None:
        self._phones = dict(phones or {})

    @classmethod
    def of(cls, roster: Roster) -> OfficerDirectory:
        """The numbers of a directory snapshot (or a roster file's model)."""
        directory = cls()
        directory.apply(roster)
        return directory

    def apply(self, snapshot: Roster) -> None:
        """Take the numbers of the directory's latest snapshot (a feed listener)."""
        self._phones = {o.officer_id: o.wa_id for o in snapshot.officers if o.wa_id}
        log.info("officer numbers applied", extra={"officers": len(self._phones)})

    def __len__(self) -> int:
        return len(self._phones)

    def complete(self, req: NotificationRequest) -> NotificationRequest:
        """The request, with the officer's number filled in when it names none."""
        recipient = req.recipient
        if recipient.kind != RecipientKind.OFFICER or recipient.wa_id or recipient.user_id:
            return req
        phone = self._phones.get(recipient.officer_id or recipient.key)
        if phone is None:
            return req
        return req.model_copy(update={"recipient": recipient.model_copy(update={"wa_id": phone})})
