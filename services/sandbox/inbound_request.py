"""`POST /sandbox/inbound`: what a simulated citizen sends, as the sandbox's own JSON."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from services.sandbox.settings import KAPOLRES_LINE


class InboundRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    from_: str | None = Field(default=None, alias="from", description="Phone, digits, no '+'")
    to_phone_number_id: str = KAPOLRES_LINE
    type: Literal["text", "location", "interactive", "button", "image"] = "text"
    text: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    name: str | None = Field(default=None, description="Location name")
    address: str | None = Field(default=None, description="Location address")
    reply_id: str | None = None
    reply_title: str | None = None
    reply_description: str | None = None
    interactive_type: Literal["list_reply", "button_reply"] = "list_reply"
    context_id: str | None = Field(
        default=None,
        description="wamid of the business message replied to; interactive and button "
        "replies default to the newest message the sandbox sent this user on this line",
    )
    caption: str | None = None
    profile_name: str | None = None
    username: str | None = None
    user_id: str | None = Field(
        default=None, description="BSUID; default derived deterministically from the phone"
    )
    hide_phone: bool = Field(
        default=False, description="A username user: no wa_id/from in the webhook"
    )
    timestamp: int | None = Field(default=None, description="Unix seconds; default now")
    attempts: int | None = Field(default=None, ge=1, le=50)

    @model_validator(mode="after")
    def _complete(self) -> InboundRequest:
        if self.from_ is not None:
            self.from_ = self.from_.strip().lstrip("+")
            if not self.from_.isdigit():
                raise ValueError("'from' must be a phone number in digits")
        if not self.from_ and not self.user_id:
            raise ValueError("give 'from' (a phone) or 'user_id' (a BSUID)")
        if self.hide_phone and not self.user_id and not self.from_:
            raise ValueError("a hidden phone needs a user_id or a phone to derive it from")
        if self.type == "text" and not self.text:
            raise ValueError("a text message needs 'text'")
        if self.type == "location" and (self.latitude is None or self.longitude is None):
            raise ValueError("a location needs 'latitude' and 'longitude'")
        if self.type in ("interactive", "button") and not self.reply_id:
            raise ValueError("a reply needs 'reply_id'")
        return self


class FailureRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    code: int
    count: int = Field(default=1, ge=1)
    phone_number_id: str | None = None
    to: str | None = None
    is_async: bool = Field(default=False, alias="async")
    details: str | None = None
