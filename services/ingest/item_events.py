"""One Meta webhook item -> one contracts event: `messages[]` -> InboundMessage,
`statuses[]` -> DeliveryStatus, `value.errors[]` -> ChannelError.

Pure functions. Each event keeps the raw item exactly as Meta sent it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from contracts.lines import Line, Sender, citizen_key
from contracts.whatsapp_events import (
    ChannelError,
    DeliveryStatus,
    ErrorDetail,
    InboundMessage,
    LocationPin,
    MediaRef,
    MessageContext,
    ReplyChoice,
)
from services.ingest.meta_webhook import Contact, MessageItem, MetaError, StatusItem


class ItemError(ValueError):
    """An item that is readable JSON but not something we can turn into an event."""


def epoch_seconds(value: str | int | None, fallback: datetime) -> datetime:
    """Meta's timestamps are Unix seconds, usually as a string."""
    if value is None:
        return fallback
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return fallback


def error_details(errors: list[MetaError]) -> list[ErrorDetail]:
    return [
        ErrorDetail(
            code=e.code,
            title=e.title,
            message=e.message,
            details=(e.error_data.details if e.error_data else None) or e.details,
            href=e.href,
        )
        for e in errors
    ]


# --- inbound messages ----------------------------------------------------------------------


Contacts = list[tuple[Contact, dict[str, Any]]]
"""The readable `contacts[]` entries of a change: the model and the entry as Meta sent it."""


def matching_contact(
    contacts: Contacts, user_id: str | None, wa_id: str | None
) -> tuple[Contact, dict[str, Any]] | None:
    """The `contacts[]` entry describing the user a message comes from (or a status is
    about): the one with the same BSUID or phone number; a lone entry only when it names
    nobody else (no other BSUID, no other number), so a message is never keyed by another
    user's entry."""
    for contact, raw in contacts:
        if user_id and contact.user_id == user_id:
            return contact, raw
        if wa_id and contact.wa_id == wa_id:
            return contact, raw
    if len(contacts) == 1:
        contact, raw = contacts[0]
        other_user = bool(user_id and contact.user_id and contact.user_id != user_id)
        other_number = bool(wa_id and contact.wa_id and contact.wa_id != wa_id)
        if not (other_user or other_number):
            return contacts[0]
    return None


def sender_of(msg: MessageItem, contact: Contact | None) -> Sender:
    """BSUID first, phone number as an optional attribute (usernames arrive without one).

    A `user_changed_user_id` system message has neither `from` nor contacts: the sender is
    the user under their previous id, so it stays in the order of their earlier messages.
    """
    user_id = msg.from_user_id or (contact.user_id if contact else None)
    if not user_id and msg.system is not None:
        user_id = msg.system.previous_user_id or msg.system.user_id
    wa_id = msg.from_ or (contact.wa_id if contact else None)
    if not user_id and not wa_id:
        raise ItemError("message without a sender (no from, from_user_id or contact)")
    profile = contact.profile if contact else None
    return Sender(
        key=citizen_key(user_id, wa_id),
        user_id=user_id,
        wa_id=wa_id,
        profile_name=profile.name if profile else None,
        username=profile.username if profile else None,
        parent_user_id=msg.from_parent_user_id or (contact.parent_user_id if contact else None),
    )


def _content(msg: MessageItem) -> dict[str, Any]:
    """The readable content of a message, by type (also used for an edit's new content)."""
    out: dict[str, Any] = {}
    if msg.text is not None:
        out["text"] = msg.text.body
    found = msg.media()
    if found is not None:
        kind, media = found
        out["media"] = MediaRef(
            kind=kind,
            media_id=media.id,
            mime_type=media.mime_type,
            sha256=media.sha256,
            caption=media.caption,
            filename=media.filename,
            url=media.url,
            voice=media.voice,
            animated=media.animated,
        )
        if media.caption:
            out["text"] = media.caption
    if msg.location is not None:
        loc = msg.location
        out["location"] = LocationPin(
            latitude=loc.latitude,
            longitude=loc.longitude,
            name=loc.name,
            address=loc.address,
            url=loc.url,
        )
    if msg.interactive is not None:
        inter = msg.interactive
        reply = inter.button_reply or inter.list_reply
        if reply is not None:
            kind = inter.type or ("button_reply" if inter.button_reply else "list_reply")
            out["choice"] = ReplyChoice(
                kind=kind, id=reply.id, title=reply.title, description=reply.description
            )
            out["text"] = reply.title
        elif inter.nfm_reply is not None:
            flow = inter.nfm_reply
            out["choice"] = ReplyChoice(kind="nfm_reply", id=flow.name, title=flow.body)
            out["text"] = flow.body
    if msg.button is not None:
        out["choice"] = ReplyChoice(kind="button", id=msg.button.payload, title=msg.button.text)
        out["text"] = msg.button.text
    if msg.reaction is not None:
        out["reaction_emoji"] = msg.reaction.emoji or None  # "" or absent: reaction removed
        out["reaction_to_wamid"] = msg.reaction.message_id
    if msg.order is not None and msg.order.text:
        out["text"] = msg.order.text
    if msg.system is not None:
        out["text"] = msg.system.body
    if msg.contacts is not None:
        out["contacts_shared"] = msg.contacts
    return out


def inbound_message(
    raw: dict[str, Any],
    contacts: Contacts,
    line: Line,
    waba_id: str | None,
    received_at: datetime,
) -> InboundMessage:
    msg = MessageItem.model_validate(raw)
    match = matching_contact(contacts, msg.from_user_id, msg.from_)
    contact, raw_contact = match if match else (None, None)
    content = _content(msg)
    original_wamid = None
    if msg.revoke is not None:
        original_wamid = msg.revoke.original_message_id
    if msg.edit is not None:
        original_wamid = msg.edit.original_message_id
        if msg.edit.message:
            content.update(_content(MessageItem.model_validate({"id": msg.id, **msg.edit.message})))
    ctx = msg.context
    return InboundMessage(
        message_id=f"in:{msg.id}",
        wamid=msg.id,
        waba_id=waba_id,
        line=line,
        sender=sender_of(msg, contact),
        sent_at=epoch_seconds(msg.timestamp, received_at),
        received_at=received_at,
        type=msg.type or "unknown",
        context=MessageContext(
            replied_to_wamid=ctx.id,
            replied_to_from=ctx.from_,
            forwarded=bool(ctx.forwarded),
            frequently_forwarded=bool(ctx.frequently_forwarded),
        )
        if ctx is not None
        else None,
        referral=raw.get("referral") if isinstance(raw.get("referral"), dict) else None,
        system=raw.get("system") if isinstance(raw.get("system"), dict) else None,
        errors=error_details(msg.errors),
        raw=raw,
        contact=raw_contact,
        original_wamid=original_wamid,
        **content,
    )


# --- statuses and errors -------------------------------------------------------------------


def delivery_status(
    raw: dict[str, Any], contacts: Contacts, line: Line, received_at: datetime
) -> DeliveryStatus:
    """The recipient is keyed like a sender: BSUID first, from the status or else from the
    matching `value.contacts` entry, the phone number only without either."""
    st = StatusItem.model_validate(raw)
    match = matching_contact(contacts, st.recipient_user_id, st.recipient_id)
    contact = match[0] if match else None
    user_id = st.recipient_user_id or (contact.user_id if contact else None)
    wa_id = st.recipient_id or (contact.wa_id if contact else None)
    recipient_key = citizen_key(user_id, wa_id) if (user_id or wa_id) else None
    return DeliveryStatus(
        message_id=f"st:{st.id}:{st.status}",
        wamid=st.id,
        status=st.status,
        status_at=epoch_seconds(st.timestamp, received_at),
        line=line,
        recipient_wa_id=wa_id,
        recipient_user_id=user_id,
        recipient_key=recipient_key,
        errors=error_details(st.errors),
        pricing=st.pricing,
        conversation=st.conversation,
        biz_opaque_callback_data=st.biz_opaque_callback_data,
        raw=raw,
    )


def channel_error(
    raw: dict[str, Any], line: Line, waba_id: str | None, field_name: str, message_id: str
) -> ChannelError:
    err = MetaError.model_validate(raw)
    return ChannelError(
        message_id=message_id,
        line=line,
        waba_id=waba_id,
        field=field_name,
        errors=error_details([err]),
        raw=raw,
    )
