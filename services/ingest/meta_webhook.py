"""Our own pydantic models of Meta's WhatsApp Cloud API webhook body.

Permissive on purpose: unknown fields are kept (`extra="allow"`), unknown message types are
just strings, and almost every field is optional, because Meta adds fields and types
without notice. Lists of updates stay plain dicts at the envelope level so that each item is
validated on its own: one item we cannot read never hides the others.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class MetaModel(BaseModel):
    model_config = ConfigDict(
        extra="allow", populate_by_name=True, frozen=True, coerce_numbers_to_str=True
    )


# --- envelope ------------------------------------------------------------------------------


class WebhookBody(MetaModel):
    object: str | None = None
    entry: list[Any]


class Entry(MetaModel):
    id: str | None = Field(default=None, description="WhatsApp Business Account id")
    changes: list[Any] = Field(default_factory=list)


class Change(MetaModel):
    field: str | None = None
    value: dict[str, Any]


class Metadata(MetaModel):
    phone_number_id: str
    display_phone_number: str | None = None


class Profile(MetaModel):
    name: str | None = None
    username: str | None = None


class Contact(MetaModel):
    wa_id: str | None = None
    user_id: str | None = None
    parent_user_id: str | None = None
    profile: Profile | None = None


class ChangeValue(MetaModel):
    """`changes[].value` of the `messages` field: messages, statuses or errors."""

    messaging_product: str | None = None
    metadata: Metadata
    contacts: list[Any] = Field(default_factory=list)
    messages: list[Any] = Field(default_factory=list)
    statuses: list[Any] = Field(default_factory=list)
    errors: list[Any] = Field(default_factory=list)


# --- parts of items ------------------------------------------------------------------------


class ErrorData(MetaModel):
    details: str | None = None


class MetaError(MetaModel):
    code: int | None = None
    title: str | None = None
    message: str | None = None
    details: str | None = None  # legacy shape: details at the top level
    error_data: ErrorData | None = None
    href: str | None = None


class Context(MetaModel):
    from_: str | None = Field(default=None, alias="from")
    id: str | None = None
    forwarded: bool | None = None
    frequently_forwarded: bool | None = None
    referred_product: dict[str, Any] | None = None


class TextBody(MetaModel):
    body: str | None = None


class Media(MetaModel):
    id: str | None = None
    mime_type: str | None = None
    sha256: str | None = None
    caption: str | None = None
    filename: str | None = None
    url: str | None = None
    voice: bool | None = None
    animated: bool | None = None


class Location(MetaModel):
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None
    url: str | None = None


class ButtonReply(MetaModel):
    id: str | None = None
    title: str | None = None
    description: str | None = None


class FlowReply(MetaModel):
    name: str | None = None
    body: str | None = None
    response_json: str | None = None


class Interactive(MetaModel):
    type: str | None = None
    button_reply: ButtonReply | None = None
    list_reply: ButtonReply | None = None
    nfm_reply: FlowReply | None = None


class TemplateButton(MetaModel):
    payload: str | None = None
    text: str | None = None


class Reaction(MetaModel):
    message_id: str | None = None
    emoji: str | None = None


class Order(MetaModel):
    catalog_id: str | None = None
    text: str | None = None
    product_items: list[dict[str, Any]] = Field(default_factory=list)


class System(MetaModel):
    body: str | None = None
    type: str | None = None
    wa_id: str | None = None
    new_wa_id: str | None = None  # older payloads
    user_id: str | None = None
    previous_user_id: str | None = None


class Revoke(MetaModel):
    original_message_id: str | None = None


class Edit(MetaModel):
    original_message_id: str | None = None
    message: dict[str, Any] | None = None


MEDIA_TYPES = ("image", "video", "audio", "document", "sticker")


class MessageItem(MetaModel):
    """One item of `value.messages`. Only `id` is required: it is the dedupe key."""

    id: str = Field(min_length=1)
    from_: str | None = Field(default=None, alias="from")
    from_user_id: str | None = None
    from_parent_user_id: str | None = None
    timestamp: str | int | None = None
    type: str | None = None
    group_id: str | None = None
    context: Context | None = None
    referral: dict[str, Any] | None = None
    errors: list[MetaError] = Field(default_factory=list)
    text: TextBody | None = None
    image: Media | None = None
    video: Media | None = None
    audio: Media | None = None
    document: Media | None = None
    sticker: Media | None = None
    location: Location | None = None
    contacts: list[dict[str, Any]] | None = None
    interactive: Interactive | None = None
    button: TemplateButton | None = None
    reaction: Reaction | None = None
    order: Order | None = None
    system: System | None = None
    unsupported: dict[str, Any] | None = None
    revoke: Revoke | None = None
    edit: Edit | None = None

    def media(self) -> tuple[str, Media] | None:
        for kind in MEDIA_TYPES:
            media = getattr(self, kind)
            if media is not None:
                return kind, media
        return None


class StatusItem(MetaModel):
    """One item of `value.statuses`: what became of a message we sent."""

    id: str = Field(min_length=1)
    status: str = Field(min_length=1)
    timestamp: str | int | None = None
    recipient_id: str | None = None
    recipient_user_id: str | None = None
    recipient_parent_user_id: str | None = None
    errors: list[MetaError] = Field(default_factory=list)
    conversation: dict[str, Any] | None = None
    pricing: dict[str, Any] | None = None
    biz_opaque_callback_data: str | None = None
