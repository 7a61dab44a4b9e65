"""Authentic webhook bodies carrying one poison item next to a good one (issue 13).

Each poison is spliced into the encoded body as raw JSON text, because the poison is the
text itself: an escaped lone surrogate or NUL, or nesting that `json.dumps` could not even
produce. The good message of the same body must still be published.
"""

from __future__ import annotations

from tests.ingest.webhooks import change, contact, encode, text_message, webhook

PLACEHOLDER = "POISON-PLACEHOLDER"

NESTED = 100_000  # levels: beyond json.loads' recursion limit and pydantic's 255


def nested(levels: int, inner: bytes = b"0") -> bytes:
    return b"[" * levels + inner + b"]" * levels


# name -> (field of the poison message the raw JSON goes into, raw JSON text; RUN becomes
# the test's run id)
POISONS: dict[str, tuple[str, bytes]] = {
    "lone high surrogate in the text": ("text", b'"Tolong \\ud800 ada maling"'),
    "lone low surrogate in the text": ("text", b'"\\udc00"'),
    "NUL in the text": ("text", b'"ada\\u0000maling"'),
    "NUL in the message id": ("id", b'"wamid.RUN-poison\\u0000"'),
    "lone surrogate in the message id": ("id", b'"wamid.RUN-poison\\udfff"'),
    "NUL and surrogate in the profile name": ("name", b'"Bu \\u0000Sri \\ud83d"'),
    "nested 300 levels in the message": ("referral", nested(300)),
    "nested 100000 levels in the message": ("referral", nested(NESTED)),
    "integer of 5000 digits": ("unknown_field", b"9" * 5000),
    "bytes that are not UTF-8": ("text", b'"rusak \xff\xfe \xed\xa0\x80"'),
}

# poisons after which the item itself is not published but dead-lettered
DEAD_LETTERED = {"nested 300 levels in the message", "nested 100000 levels in the message"}


def body_with_poison(run: str, field: str, raw: bytes, wa_id: str = "6281399000001") -> bytes:
    """Two messages from two senders: `wamid.<run>-good`, and the poisoned
    `wamid.<run>-poison` (whose `field` holds `raw`)."""
    poisoned = text_message(f"wamid.{run}-poison", wa_id="6281399000002")
    poisoned_contact = contact("6281399000002")
    if field == "text":
        poisoned["text"] = {"body": PLACEHOLDER}
    elif field == "id":
        poisoned["id"] = PLACEHOLDER
    elif field == "name":
        poisoned_contact["profile"] = {"name": PLACEHOLDER}
    else:
        poisoned[field] = PLACEHOLDER
    body = webhook([change(
        messages=[text_message(f"wamid.{run}-good", wa_id=wa_id), poisoned],
        contacts=[contact(wa_id), poisoned_contact],
    )])
    return encode(body).replace(f'"{PLACEHOLDER}"'.encode(), raw.replace(b"RUN", run.encode()))
