"""Sign-in with a one-time WhatsApp code, logout, who-am-I, and admin token revocation."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field, StringConstraints, model_validator

from contracts.clean_text import CleanText
from contracts.notifications import NotificationKind, NotificationRequest, Recipient, RecipientKind
from servicekit.sealed_params import seal
from services.api.access.dependencies import admin_only, current_principal, too_many
from services.api.access.roles import Principal, Role
from services.api.access.secrets import new_code, new_token_id
from services.api.access.session_cookie import clear_session_cookie
from services.api.access.sign_in_guard import (
    LOCKED_RETRY_S,
    client_ip,
    even_answer_time,
    subject_of,
)
from services.api.access.store import (
    OfficerRecord,
    consume_code,
    find_officer,
    issue_token,
    live_tokens,
    recent_failures,
    record_failure,
    revoke_token,
    store_code,
)
from services.api.context import ApiContext, api_context
from services.api.database import Conn
from services.api.errors import NOT_FOUND, ErrorOut

log = logging.getLogger(__name__)
router = APIRouter(tags=["auth"])

OfficerId = Annotated[str, CleanText(max_length=64, strip=None)]
WaId = Annotated[str, StringConstraints(pattern=r"^\+?\d{6,20}$")]


class Identity(BaseModel):
    officer_id: OfficerId | None = None
    wa_id: WaId | None = Field(default=None, description="The officer's WhatsApp number")

    @model_validator(mode="after")
    def one_given(self) -> Identity:
        if not self.officer_id and not self.wa_id:
            raise ValueError("give officer_id or wa_id")
        return self


class CodeRequested(BaseModel):
    detail: str
    expires_in_s: int


class VerifyIn(Identity):
    code: Annotated[str, StringConstraints(pattern=r"^\d{6}$")]


class TokenOut(BaseModel):
    token: str
    token_id: str
    role: Role
    officer_id: str | None
    expires_at: datetime


class MeOut(BaseModel):
    token_id: str
    role: Role
    name: str
    officer_id: str | None
    scope: list[str]


SIGN_IN_RESPONSES: dict[int | str, dict[str, object]] = {
    429: {"model": ErrorOut, "description": "Too many sign-in attempts"},
    503: {"model": ErrorOut, "description": "The code could not be sent"},
}


async def _officer(ctx: ApiContext, who: Identity) -> OfficerRecord | None:
    async with ctx.pool.acquire() as conn:
        officer = await find_officer(conn, officer_id=who.officer_id, wa_id=who.wa_id)
    return officer if officer and officer.active else None


@router.post("/auth/request-code", status_code=202, response_model=CodeRequested,
             responses=SIGN_IN_RESPONSES)  # fmt: skip
async def request_code(
    who: Identity, request: Request, ctx: ApiContext = Depends(api_context)
) -> CodeRequested:
    """Send a one-time code to the officer's registered WhatsApp number. The answer, and
    its time, are the same whether or not the officer exists."""
    async with even_answer_time(ctx.settings.sign_in_answer_s):
        return await _request_code(who, request, ctx)


async def _request_code(who: Identity, request: Request, ctx: ApiContext) -> CodeRequested:
    wait = ctx.limiters.sign_in_ip.check(client_ip(request))
    if wait:
        raise too_many(wait)
    officer = await _officer(ctx, who)
    wait = ctx.limiters.sign_in_officer.check(
        subject_of(officer.officer_id if officer else None, who)
    )
    if wait:
        raise too_many(wait)
    answer = CodeRequested(
        detail="Jika nomor terdaftar, kode masuk dikirim lewat WhatsApp.",
        expires_in_s=ctx.settings.sign_in_code_ttl_s,
    )
    if officer is None:
        log.info("sign-in code asked for an unknown officer")
        return answer
    code = new_code()
    async with ctx.pool.acquire() as conn:
        await store_code(conn, officer.officer_id, code, ctx.settings.sign_in_code_ttl_s)
    message_id = f"otp:{officer.officer_id}:{new_token_id()[4:]}"
    secret = ctx.settings.sealing_key.get_secret_value()
    notification = NotificationRequest(
        message_id=message_id,
        kind=NotificationKind.SIGN_IN_CODE,
        recipient=Recipient(
            kind=RecipientKind.OFFICER,
            key=officer.officer_id,
            wa_id=officer.wa_id,
            officer_id=officer.officer_id,
        ),
        line_phone_number_id=ctx.settings.system_line_id,
        params={"sealed_code": seal(code, secret, bound_to=message_id)},
    )
    try:
        await ctx.producer.send_and_wait(
            ctx.notification_requests_topic,
            value=notification.to_bytes(),
            key=officer.officer_id.encode(),
        )
    except Exception as exc:
        log.error("sign-in code not published", extra={"error": repr(exc)})
        raise HTTPException(503, "Could not send the code; please try again") from exc
    log.info("sign-in code sent", extra={"officer_id": officer.officer_id})
    return answer


VERIFY_RESPONSES: dict[int | str, dict[str, object]] = {
    401: {"model": ErrorOut, "description": "Wrong or expired code"},
    429: SIGN_IN_RESPONSES[429],
}


async def exchange_code(body: VerifyIn, request: Request, ctx: ApiContext) -> TokenOut:
    """A new officer token for a right code; 401 otherwise, 429 after
    MATUR_API_SIGNIN_MAX_ATTEMPTS_PER_DAY wrong codes (whichever codes) in 24 hours. The
    same answers, in no less than MATUR_API_SIGNIN_ANSWER_S, for an unknown officer."""
    async with even_answer_time(ctx.settings.sign_in_answer_s):
        wait = ctx.limiters.sign_in_ip.check(client_ip(request))
        if wait:
            raise too_many(wait)
        officer = await _officer(ctx, body)
        subject = subject_of(officer.officer_id if officer else None, body)
        async with ctx.pool.acquire() as conn:
            if await recent_failures(conn, subject) >= ctx.settings.sign_in_max_failures_per_day:
                raise too_many(LOCKED_RETRY_S)
            if officer is not None and await consume_code(
                conn, officer.officer_id, body.code, ctx.settings.sign_in_max_attempts
            ):
                return await _signed_in(conn, officer, ctx)
            await record_failure(conn, subject)
        raise HTTPException(401, "Wrong or expired code")


async def _signed_in(conn: Conn, officer: OfficerRecord, ctx: ApiContext) -> TokenOut:
    issued = await issue_token(
        conn,
        Role(officer.tier),
        officer.name,
        timedelta(hours=ctx.settings.token_ttl_hours),
        officer_id=officer.officer_id,
    )
    log.info("officer signed in", extra={"officer_id": officer.officer_id})
    return TokenOut(
        token=issued.token,
        token_id=issued.token_id,
        role=issued.role,
        officer_id=officer.officer_id,
        expires_at=issued.expires_at,
    )


@router.post("/auth/verify", response_model=TokenOut, responses=VERIFY_RESPONSES)
async def verify(
    body: VerifyIn, request: Request, ctx: ApiContext = Depends(api_context)
) -> TokenOut:
    """Exchange the one-time code for a short-lived bearer token."""
    return await exchange_code(body, request, ctx)


@router.get("/auth/me", response_model=MeOut)
async def me(principal: Principal = Depends(current_principal)) -> MeOut:
    return MeOut(
        token_id=principal.token_id,
        role=principal.role,
        name=principal.name,
        officer_id=principal.officer_id,
        scope=list(principal.scope),
    )


@router.post("/auth/logout", status_code=204, response_class=Response)
async def logout(
    request: Request,
    principal: Principal = Depends(current_principal),
    ctx: ApiContext = Depends(api_context),
) -> Response:
    """Revoke the token this request carries (and forget the console's session cookie)."""
    async with ctx.pool.acquire() as conn:
        await revoke_token(conn, principal.token_id)
    ctx.principals.clear()
    response = Response(status_code=204)
    clear_session_cookie(response, request, ctx.settings.cookie_secure)
    return response


class TokenInfoOut(BaseModel):
    token_id: str
    role: Role
    name: str
    officer_id: str | None
    scope: list[str]
    reveal_reporter: bool
    issued_at: datetime
    expires_at: datetime


AreaCode = Annotated[str, StringConstraints(pattern=r"^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$")]


class NewTokenIn(BaseModel):
    role: Literal[Role.SYSTEM, Role.DASHBOARD]
    name: Annotated[str, CleanText(max_length=100)]
    scope: list[AreaCode] = Field(min_length=1, max_length=500)
    days: float = Field(default=90.0, gt=0, le=366)
    reveal_reporter: bool = Field(default=False, description="system only: reporters unmasked")


@router.post("/admin/tokens", status_code=201, response_model=TokenOut, tags=["admin"])
async def admin_issue(
    body: NewTokenIn, _: Principal = Depends(admin_only), ctx: ApiContext = Depends(api_context)
) -> TokenOut:
    """Issue a token for another police system or a dashboard (shown once)."""
    async with ctx.pool.acquire() as conn:
        issued = await issue_token(
            conn,
            body.role,
            body.name,
            timedelta(days=body.days),
            scope=tuple(dict.fromkeys(body.scope)),
            reveal_reporter=body.reveal_reporter and body.role is Role.SYSTEM,
        )
    log.info("token issued", extra={"token_id": issued.token_id, "role": issued.role})
    return TokenOut(
        token=issued.token,
        token_id=issued.token_id,
        role=issued.role,
        officer_id=None,
        expires_at=issued.expires_at,
    )


@router.get("/admin/tokens", response_model=list[TokenInfoOut], tags=["admin"])
async def admin_tokens(
    _: Principal = Depends(admin_only), ctx: ApiContext = Depends(api_context)
) -> list[TokenInfoOut]:
    """Live tokens (ids and holders, never the tokens), newest first, at most 1000."""
    async with ctx.pool.acquire() as conn:
        rows = await live_tokens(conn)
    return [TokenInfoOut(**dict(r)) for r in rows]


@router.post("/admin/tokens/{token_id}/revoke", status_code=204, response_class=Response,
             responses=NOT_FOUND, tags=["admin"])  # fmt: skip
async def admin_revoke(
    token_id: str = Path(..., max_length=64),
    _: Principal = Depends(admin_only),
    ctx: ApiContext = Depends(api_context),
) -> Response:
    async with ctx.pool.acquire() as conn:
        if not await revoke_token(conn, token_id):
            raise HTTPException(404, "No such live token")
    ctx.principals.clear()
    return Response(status_code=204)
