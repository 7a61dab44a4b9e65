"""The complete JSON body of `POST /{version}/{phone_number_id}/messages`: the message part
(free-form or template) with its addressee, reply context and callback data."""

from __future__ import annotations

from contracts.notifications import NotificationRequest
from services.notifier.addressing import address
from services.notifier.catalogue.bodies import Body, free_form
from services.notifier.catalogue.limits import CALLBACK_DATA_MAX
from services.notifier.catalogue.templates import TemplateNames, template


def render(
    req: NotificationRequest, *, use_template: bool, names: TemplateNames | None = None
) -> Body:
    """The whole request body, free-form inside the 24-hour window, else the template.

    `biz_opaque_callback_data` carries the notification id, so that a status webhook proves
    a send even when the API's answer was lost (see the README, "exactly once").
    """
    part = template(req, names or TemplateNames()) if use_template else free_form(req)
    body: Body = {"messaging_product": "whatsapp", **address(req.recipient), **part}
    if req.reply_to_wamid and not use_template:
        body["context"] = {"message_id": req.reply_to_wamid}
    body["biz_opaque_callback_data"] = req.message_id[:CALLBACK_DATA_MAX]
    return body


def mark_as_read(wamid: str) -> Body:
    """Mark an inbound message (and the ones before it) as read [M-read]."""
    return {"messaging_product": "whatsapp", "status": "read", "message_id": wamid}
