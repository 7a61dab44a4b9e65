"""Events ingest publishes from Meta's WhatsApp Cloud API webhooks.

One event per item of `messages`, `statuses` and `errors`, each carrying the line it arrived
on and the raw item as Meta sent it (nothing is lost when Meta adds a field).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from contracts.base import ContractModel, Message
from contracts.lines import Line, Sender


class MediaRef(ContractModel):
    kind: str  # image, video, audio, document, sticker
    media_id: str | None = None
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None
    url: str | None = None
    voice: bool | None = None
    animated: bool | None = None


class LocationPin(ContractModel):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None
    url: str | None = None


class ReplyChoice(ContractModel):
    """A tap on an interactive list row, a reply button, or a template quick-reply button."""

    kind: str  # list_reply, button_reply, button (template), nfm_reply
    id: str | None = None
    title: str | None = None
    description: str | None = None


class MessageContext(ContractModel):
    replied_to_wamid: str | None = None
    replied_to_from: str | None = None
    forwarded: bool = False
    frequently_forwarded: bool = False


class ErrorDetail(ContractModel):
    code: int | None = None
    title: str | None = None
    message: str | None = None
    details: str | None = None
    href: str | None = None


class InboundMessage(Message):
    """Topic `whatsapp.inbound`, key `sender.key`. message_id = `in:<wamid>`."""

    wamid: str
    waba_id: str | None = None
    line: Line
    sender: Sender
    sent_at: datetime
    received_at: datetime
    type: str = Field(description="Meta's message type, kept as sent (unknown types too)")
    text: str | None = Field(default=None, description="Body, caption or tapped title")
    media: MediaRef | None = None
    location: LocationPin | None = None
    choice: ReplyChoice | None = None
    reaction_emoji: str | None = None
    reaction_to_wamid: str | None = None
    context: MessageContext | None = None
    referral: dict[str, Any] | None = None
    system: dict[str, Any] | None = None
    contacts_shared: list[dict[str, Any]] | None = None
    errors: list[ErrorDetail] = Field(default_factory=list)
    raw: dict[str, Any] = Field(description="The message item exactly as Meta sent it")
    contact: dict[str, Any] | None = Field(
        default=None, description="The matching `contacts[]` entry exactly as Meta sent it"
    )
    original_wamid: str | None = Field(
        default=None, description="For `revoke` and `edit`: the message deleted or edited"
    )


class DeliveryStatus(Message):
    """Topic `whatsapp.statuses`, key = wamid of our outbound message.
    message_id = `st:<wamid>:<status>`."""

    wamid: str
    status: str  # sent, delivered, read, failed, played (kept as sent if new)
    status_at: datetime
    line: Line
    recipient_wa_id: str | None = None
    recipient_user_id: str | None = None
    recipient_key: str | None = None
    errors: list[ErrorDetail] = Field(default_factory=list)
    pricing: dict[str, Any] | None = None
    conversation: dict[str, Any] | None = None
    biz_opaque_callback_data: str | None = None
    raw: dict[str, Any]


class ChannelError(Message):
    """Topic `whatsapp.errors`: system, app or account level errors (`value.errors`)."""

    line: Line
    waba_id: str | None = None
    field: str = "messages"
    errors: list[ErrorDetail]
    raw: dict[str, Any]


class WebhookDeadLetter(Message):
    """Topic `whatsapp.deadletter`: an authentic (signed) webhook we could not understand.

    Kept with its raw body so it can be replayed after a fix; Meta got a 200.
    """

    reason: str
    body: str = Field(description="The raw request body, decoded as UTF-8 with replacement")
    body_base64: str | None = Field(
        default=None,
        description="The raw body bytes (as far as `body` holds them), base64, when they are "
        "not valid UTF-8 (then `body` alone could not give them back); None otherwise",
    )
    received_at: datetime
    field: str | None = None
    body_sha256: str | None = Field(default=None, description="SHA-256 of the raw body (hex)")
    body_truncated: bool = Field(
        default=False, description="True when `body` holds only the start of a very large body"
    )
    rejected: list[dict[str, Any]] = Field(
        default_factory=list,
        description="Items of an otherwise readable body that could not be understood: "
        "{path, reason, item}; the rest of that body was published normally",
    )
