"""A simulated citizen writing to a line (`POST /sandbox/inbound`): the webhook Meta would
send for the message, signed and delivered to the webhook URL; the citizen's 24-hour
window opens."""

from __future__ import annotations

import time
from typing import Any

from services.sandbox.identities import bsuid_for_phone, new_wamid
from services.sandbox.inbound_request import InboundRequest
from services.sandbox.media_store import tiny_png
from services.sandbox.state import Sandbox
from services.sandbox.webhook_bodies import Citizen, InboundSpec, Line, inbound_body


async def handle_inbound(sandbox: Sandbox, req: InboundRequest, base_url: str) -> dict[str, Any]:
    phone = req.from_
    user_id = req.user_id or (bsuid_for_phone(phone) if phone else None)
    citizen = Citizen(
        wa_id=None if req.hide_phone else phone, user_id=user_id,
        profile_name=req.profile_name or (f"Warga {phone[-4:]}" if phone else "Warga"),
        username=req.username,
    )
    line = sandbox.line(req.to_phone_number_id)
    spec = _spec(sandbox, req, line, citizen, base_url)
    wamid = new_wamid(phone or user_id)
    sent_at = float(req.timestamp) if req.timestamp else time.time()
    payload = inbound_body(spec, citizen, line, wamid, str(int(sent_at)))
    sandbox.citizens.saw_inbound(citizen, line.phone_number_id, sent_at)
    result = await sandbox.sender.deliver(payload, kind="message", attempts=req.attempts)
    sandbox.note_webhook("message", wamid, None, result)
    return {
        "wamid": wamid, "status_code": result.status_code, "attempts": result.attempts,
        "delivered": result.delivered, "error": result.error, "time": time.time(),
        "user_id": user_id, "wa_id": citizen.wa_id, "webhook": payload,
    }


def _spec(sandbox: Sandbox, req: InboundRequest, line: Line, citizen: Citizen,
          base_url: str) -> InboundSpec:
    context = req.context_id
    if context is None and req.type in ("interactive", "button"):
        who = citizen.wa_id or citizen.user_id or ""
        context = sandbox.sends.last_wamid_to(who, line.phone_number_id) or new_wamid(
            line.display_phone_number)
    if req.type == "image":
        data = tiny_png((req.caption or "").encode() + str(time.time()).encode())
        media = sandbox.media.add(data, "image/png")
        return InboundSpec(
            type="image", media_id=media.id, mime_type=media.mime_type,
            sha256=media.sha256, caption=req.caption, context_wamid=context,
            media_url=f"{base_url.rstrip('/')}/sandbox/media/{media.id}",
        )
    return InboundSpec(
        type=req.type, text=req.text, latitude=req.latitude, longitude=req.longitude,
        location_name=req.name, location_address=req.address, reply_id=req.reply_id,
        reply_title=req.reply_title, reply_description=req.reply_description,
        interactive_type=req.interactive_type, context_wamid=context,
    )
