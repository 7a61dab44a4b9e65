"""What each sample file must normalise into: (topic, {dotted path in the event: value}).

Shared by the unit tests (pure normalisation) and the HTTP tests (events read from Kafka),
so both check the same content: type, sender, text or media id, line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from contracts.lines import citizen_key

SAMPLES = Path(__file__).parent / "samples"
SHARED_SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "whatsapp-samples"

BSUID = "US.13491208655302741918"
PYWA = {
    "line.phone_number_id": "1122334455667",
    "line.display_phone_number": "972123456789",
    "sender.user_id": BSUID,
    "sender.wa_id": "972987654321",
    "sender.key": citizen_key(BSUID, "972987654321"),
    "sender.profile_name": "Test Name",
    "sender.parent_user_id": "US.ENT.11815799212886844830",
}
RESTFB = {
    "line.phone_number_id": "10634295353625",
    "sender.user_id": None,
    "sender.wa_id": "491234567890",
    "sender.key": citizen_key(None, "491234567890"),
    "sender.profile_name": "TestUser",
}
INBOUND = "whatsapp.inbound"
STATUSES = "whatsapp.statuses"
DEADLETTER = "whatsapp.deadletter"

EXPECTED: dict[str, tuple[str, dict[str, Any]]] = {
    "inbound_audio.json": (INBOUND, {**PYWA, "type": "audio", "media.kind": "audio",
        "media.media_id": "1234567890987654321", "media.voice": False,
        "media.mime_type": "audio/ogg; codecs=opus", "context.forwarded": True}),
    "inbound_audio_voice.json": (INBOUND, {**PYWA, "type": "audio", "media.voice": True,
        "media.media_id": "1234567890987654321"}),
    "inbound_button_template_quick_reply.json": (INBOUND, {**PYWA, "type": "button",
        "text": "title", "choice.kind": "button", "choice.id": "callback_data",
        "choice.title": "title", "context.replied_to_wamid": "wamid.xyzxyz==",
        "context.replied_to_from": "972123456789", "wamid": "wamid.xsidjw"}),
    "inbound_button_template_quick_reply_2.json": (INBOUND, {**RESTFB, "type": "button",
        "text": "No", "choice.id": "No-Button-Payload"}),
    # Its one contacts[] entry is someone else (wa_id 222…): the sender keeps his own
    # number, key and no name, and the entry is not attached as his.
    "inbound_contacts_2.json": (INBOUND, {"type": "contacts",
        "line.phone_number_id": "1111111111111111", "sender.wa_id": "333333333333",
        "sender.key": citizen_key(None, "333333333333"), "sender.user_id": None,
        "sender.profile_name": None, "contact": None,
        "contacts_shared.0.name.formatted_name": "j_doe"}),
    "inbound_document.json": (INBOUND, {**PYWA, "type": "document", "text": "caption",
        "media.kind": "document", "media.filename": "filename.pdf",
        "media.mime_type": "application/pdf", "media.media_id": "1234567890987654321"}),
    "inbound_image_raw_escaped.json": (INBOUND, {**RESTFB, "type": "image",
        "text": "Some awesome image", "media.media_id": "400962571939895",
        "media.mime_type": "image\\/jpeg",
        "media.sha256": "law0CgE277wMMnIJU0XIxhDne6Ptmwaek\\/thVM7mVtg="}),
    "inbound_image_with_url.json": (INBOUND, {**PYWA, "type": "image", "text": None,
        "media.media_id": "65463453", "media.url": "https://lookaside.fbsbx.com/whatsapp_"
        "business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw"}),
    "inbound_location_current.json": (INBOUND, {**PYWA, "type": "location",
        "location.latitude": 12.25089, "location.longitude": 43.90539, "location.name": None}),
    "inbound_order.json": (INBOUND, {**PYWA, "type": "order",
        "raw.order.product_items.0.product_retailer_id": "HAMBURGER"}),
    "inbound_reaction.json": (INBOUND, {**RESTFB, "type": "reaction",
        "reaction_emoji": "\U0001f44d\U0001f3fb", "reaction_to_wamid": "wamid.xxxxxxxx"}),
    "inbound_reaction_removed.json": (INBOUND, {**PYWA, "type": "reaction",
        "reaction_emoji": None, "reaction_to_wamid": "wamid.yzxyzx="}),
    # `from` is a placeholder, its one contacts[] entry another number (972…): that
    # entry's BSUID is not the sender's.
    "inbound_revoke_deleted.json": (INBOUND, {"type": "revoke",
        "original_wamid": "<ORIGINAL_WHATSAPP_MESSAGE_ID>", "sender.user_id": None,
        "sender.wa_id": "<WHATSAPP_USER_PHONE_NUMBER>", "contact": None,
        "line.phone_number_id": "<BUSINESS_PHONE_NUMBER_ID>"}),
    "inbound_sticker.json": (INBOUND, {**PYWA, "type": "sticker", "media.kind": "sticker",
        "media.animated": False, "media.media_id": "1234567890987654321"}),
    "inbound_system_identity_changed.json": (INBOUND, {"type": "system",
        "text": "User identity changed", "system.type": "customer_identity_changed",
        "sender.wa_id": "972987654321", "sender.user_id": None,
        "raw.identity.hash": "xyzxyz"}),
    "inbound_text_forwarded.json": (INBOUND, {**PYWA, "type": "text",
        "text": "forwarded text", "context.forwarded": True,
        "context.frequently_forwarded": False}),
    "inbound_text_frequently_forwarded.json": (INBOUND, {**PYWA, "type": "text",
        "text": "text forwarded many times", "context.frequently_forwarded": True}),
    "inbound_text_reply_context.json": (INBOUND, {**PYWA, "type": "text",
        "text": "replied text", "context.replied_to_wamid": "wamid.xyzxyz==",
        "sent_at": "2023-10-11T17:19:06Z"}),
    "inbound_unknown_legacy_errors.json": (INBOUND, {**RESTFB, "type": "unknown",
        "errors.0.code": 131051, "errors.0.details": "Message type is not currently supported"}),
    "inbound_unsupported_with_type.json": (INBOUND, {**PYWA, "type": "unsupported",
        "errors.0.code": 131051, "errors.0.details": "Message type is currently not supported.",
        "raw.unsupported.type": "pool"}),
    "inbound_video.json": (INBOUND, {**PYWA, "type": "video", "text": "caption",
        "media.kind": "video", "media.media_id": "765756756"}),
    "status_failed_130472_experiment.json": (STATUSES, {"status": "failed",
        "wamid": "wamid.xyzxyz", "recipient_wa_id": "972987654321",
        "errors.0.code": 130472, "line.phone_number_id": "1122334455667"}),
    "status_failed_131026_undeliverable.json": (STATUSES, {"status": "failed",
        "errors.0.code": 131026, "errors.0.details": "Message Undeliverable.",
        "line.phone_number_id": "REDACTED"}),
    "status_played.json": (STATUSES, {"status": "played", "wamid": "wamid.xyzxyz",
        "pricing.pricing_model": "CBP", "conversation.origin.type": "service"}),
    # The recipient's BSUID comes from value.contacts (as a sender's does): keyed by it.
    "status_read.json": (STATUSES, {"status": "read", "wamid": "wamid.xyzxyz",
        "status_at": "2023-07-15T00:20:58Z", "recipient_wa_id": "972987654321",
        "recipient_user_id": BSUID, "recipient_key": citizen_key(BSUID, "972987654321")}),
    "status_sent_with_biz_opaque_callback_data.json": (STATUSES, {"status": "sent",
        "biz_opaque_callback_data": "some data"}),
    # Not webhooks (a Graph API response and error objects): authentic but not understood.
    "error_object_131047_reengagement.json": (DEADLETTER, {"body_truncated": False}),
    "error_object_131053_media_upload.json": (DEADLETTER, {"body_truncated": False}),
    "media_get_url_response.json": (DEADLETTER, {"body_truncated": False}),
    "outbound_error_190_token_expired_error_object.json": (DEADLETTER, {"body_truncated": False}),
}
WAMID_PATHS = ("wamid", "context.replied_to_wamid")


def sample_files() -> list[Path]:
    return sorted(SAMPLES.glob("*.json"))


def at(data: Any, dotted: str) -> Any:
    node = data
    for part in dotted.split("."):
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def mismatches(event: dict[str, Any], expected: dict[str, Any], run: str = "") -> list[str]:
    """Dotted paths whose value differs (with `run` applied to wamids, see unique_wamids)."""
    out = []
    for path, want in expected.items():
        if run and path in WAMID_PATHS and isinstance(want, str):
            want = with_run(want, run)
        got = at(event, path)
        if got != want:
            out.append(f"{path}: {got!r} != {want!r}")
    return out


def with_run(wamid: str, run: str) -> str:
    for prefix in ("wamid.", "<WHATSAPP_MESSAGE_ID>"):
        if wamid.startswith(prefix):
            return prefix + run + "-" + wamid[len(prefix) :]
    return wamid


_ID = re.compile(r'("id"\s*:\s*")(wamid\.|<WHATSAPP_MESSAGE_ID>)')


def unique_wamids(raw: bytes, run: str) -> bytes:
    """The same body with every message/status/context wamid made unique to `run`, edited
    as text so that the rest of the bytes (escapes, whitespace) stay exactly as they were."""
    return _ID.sub(lambda m: m.group(1) + m.group(2) + run + "-", raw.decode()).encode()


def first_item(body: bytes) -> dict[str, Any]:
    value = json.loads(body)["entry"][0]["changes"][0]["value"]
    items = value.get("messages") or value.get("statuses")
    assert isinstance(items, list)
    return dict(items[0])
