"""Meta's Graph API error codes, titles and HTTP statuses, and the error bodies it answers.

Clients must act on `error.code` and `error_data.details` (Meta says so), never on the
HTTP status. The sandbox still picks statuses the way a Graph client would meet them:

| codes                                   | HTTP |
| --------------------------------------- | ---- |
| 190 (token)                             | 401  |
| 10, 200-299 (permission)                | 403  |
| 4, 80007, 130429, 131056 (rate limits)  | 429  |
| 1, 2, 131000 (unknown / server)         | 500  |
| 131016, 133004, 131057 (unavailable)    | 503  |
| everything else                         | 400  |
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from typing import Any

ERRORS_HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"

# code -> (title, default details)
CATALOGUE: dict[int, tuple[str, str]] = {
    0: ("AuthException", "We were unable to authenticate the app user."),
    1: ("API Unknown", "Invalid request or possible server error."),
    2: ("API Service", "Temporary due to downtime or due to being overloaded."),
    4: ("API Too Many Calls", "The app has reached its API call rate limit."),
    10: ("Permission Denied", "Permission is either not granted or has been removed."),
    100: ("Invalid parameter", "Invalid parameter"),
    190: ("Access token has expired", "Error validating access token."),
    200: ("API Permission", "Permission is either not granted or has been removed."),
    368: (
        "Temporarily blocked for policies violations",
        "The WhatsApp Business Account associated with the app has been restricted or "
        "disabled for violating a platform policy.",
    ),
    80007: (
        "Rate limit issues",
        "The WhatsApp Business Account has reached its rate limit.",
    ),
    130429: (
        "Rate limit hit",
        "Cloud API message throughput has been reached.",
    ),
    130472: (
        "User's number is part of an experiment",
        "Failed to send message because this user's phone number is part of an experiment",
    ),
    131000: ("Something went wrong", "Message failed to send due to an unknown error."),
    131005: ("Access denied", "Permission is either not granted or has been removed."),
    131008: ("Required parameter is missing", "The request is missing a required parameter."),
    131009: ("Parameter value is not valid", "One or more parameter values are invalid."),
    131016: ("Service unavailable", "A service is temporarily unavailable."),
    131021: (
        "Recipient cannot be sender",
        "Sender and recipient phone number is the same.",
    ),
    131026: ("Message Undeliverable", "Message Undeliverable."),
    131031: (
        "Account has been locked",
        "The WhatsApp Business Account associated with the app has been restricted or "
        "disabled for violating a platform policy.",
    ),
    131042: ("Business eligibility payment issue", "There was an error related to payment."),
    131047: (
        "Re-engagement message",
        "Message failed to send because more than 24 hours have passed since the customer "
        "last replied to this number.",
    ),
    131048: (
        "Spam rate limit hit",
        "Message failed to send because there are restrictions on how many messages can be "
        "sent from this phone number.",
    ),
    131049: (
        "This message was not delivered to maintain healthy ecosystem engagement.",
        "In order to maintain a healthy ecosystem engagement, the message failed to be "
        "delivered.",
    ),
    131050: (
        "Unable to deliver the message. This recipient has chosen to stop receiving "
        "marketing messages on WhatsApp from your business",
        "The user has stopped marketing messages from the business.",
    ),
    131051: ("Unsupported message type", "Unsupported message type."),
    131052: ("Media download error", "Unable to download the media sent by the user."),
    131053: ("Media upload error", "Unable to upload the media used in the message."),
    131056: (
        "(Business Account, Consumer Account) pair rate limit hit",
        "Too many messages sent from the sender phone number to the same recipient phone "
        "number in a short period of time.",
    ),
    131057: ("Account in maintenance mode", "Business Account is in maintenance mode."),
    131062: (
        "Business-scoped user ID recipient not supported",
        "This message type does not support a business-scoped user ID recipient.",
    ),
    132000: (
        "Template Param Count Mismatch",
        "The number of variable parameter values included in the request did not match the "
        "number of variable parameters defined in the template.",
    ),
    132001: (
        "Template does not exist",
        "The template does not exist in the specified language or the template has not "
        "been approved.",
    ),
    133004: ("Server temporarily unavailable", "Server is temporarily unavailable."),
}

_RATE_LIMITS = {4, 80007, 130429, 131056}
_SERVER = {1, 2, 131000}
_UNAVAILABLE = {131016, 133004, 131057}


def http_status_for(code: int) -> int:
    if code == 190:
        return 401
    if code == 10 or 200 <= code <= 299:
        return 403
    if code in _RATE_LIMITS:
        return 429
    if code in _SERVER:
        return 500
    if code in _UNAVAILABLE:
        return 503
    return 400


def title_for(code: int) -> str:
    return CATALOGUE.get(code, ("Error", ""))[0]


def details_for(code: int) -> str:
    return CATALOGUE.get(code, ("", "Error"))[1]


def fbtrace_id() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(17)).decode().rstrip("=")[:23]


@dataclass
class GraphError(Exception):
    """A Graph API error, raised while handling a request and answered as Meta's body."""

    code: int
    details: str | None = None
    title: str | None = None
    message: str | None = None  # the whole `error.message` when Meta words it differently

    @property
    def http_status(self) -> int:
        return http_status_for(self.code)

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.details, self.title, self.message)


def error_body(
    code: int,
    details: str | None = None,
    title: str | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    """`{"error": {...}}` as the Graph API answers a refused call."""
    error: dict[str, Any] = {
        "message": message or f"(#{code}) {title or title_for(code)}",
        "type": "OAuthException",
        "code": code,
    }
    if code != 190:
        error["error_data"] = {
            "messaging_product": "whatsapp",
            "details": details or details_for(code),
        }
    error["fbtrace_id"] = fbtrace_id()
    return {"error": error}


def token_error() -> GraphError:
    return GraphError(
        code=190, message="Invalid OAuth access token - Cannot parse access token"
    )


def status_error_item(code: int, details: str | None = None) -> dict[str, Any]:
    """One `statuses[].errors[]` item of a `failed` status webhook."""
    title = title_for(code)
    return {
        "code": code,
        "title": title,
        "message": title,
        "error_data": {"details": details or details_for(code)},
        "href": ERRORS_HREF,
    }
