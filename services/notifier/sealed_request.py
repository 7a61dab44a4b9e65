"""A request's sealed parameters opened just before rendering (servicekit/sealed_params.py).

A parameter named `sealed_<name>` carries a secret (the sign-in code) sealed by its
producer for this request's message id; the rendered message needs `<name>` in clear. The
opened request lives only in memory for the render: nothing stores or publishes it.
"""

from __future__ import annotations

from contracts.notifications import NotificationRequest
from servicekit.sealed_params import open_sealed

SEALED = "sealed_"


def opened(req: NotificationRequest, secret: str) -> NotificationRequest:
    """The request with each `sealed_x` parameter opened into `x`; a seal that does not
    open raises `SealBroken` (a ValueError: the send is dead-lettered as unrenderable)."""
    params = req.params or {}
    sealed = {k: v for k, v in params.items() if k.startswith(SEALED) and isinstance(v, str)}
    if not sealed:
        return req
    clear = {k: v for k, v in params.items() if k not in sealed}
    for key, token in sealed.items():
        clear[key.removeprefix(SEALED)] = open_sealed(token, secret, bound_to=req.message_id)
    return req.model_copy(update={"params": clear})
