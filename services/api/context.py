"""What the request handlers share: pool, producer, projector, area names, the officer
directory, limiters.

A route takes it as a parameter `ctx: Ctx`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import asyncpg
from aiokafka import AIOKafkaProducer
from fastapi import Depends, Request

from services.api.access.cache import PrincipalCache
from services.api.access.ratelimit import RateLimiter
from services.api.directory.areas import AreaDirectory
from services.api.directory.live import LiveOfficers
from services.api.projection.consumer import Projector
from services.api.settings import ApiSettings
from services.api.stream.signal import ChangeSignal


@dataclass(frozen=True)
class Limiters:
    per_token: RateLimiter
    sign_in_officer: RateLimiter
    sign_in_ip: RateLimiter


@dataclass
class ApiContext:
    settings: ApiSettings
    pool: asyncpg.Pool
    producer: AIOKafkaProducer
    areas: AreaDirectory
    regency_code: str
    limiters: Limiters
    signal: ChangeSignal
    commands_topic: str
    notification_requests_topic: str
    principals: PrincipalCache
    officers: LiveOfficers
    projector: Projector | None = None
    producer_started: bool = False


async def api_context(request: Request) -> ApiContext:
    """(async: FastAPI would run a plain function in a worker thread, per request.)"""
    ctx: ApiContext = request.app.state.ctx
    return ctx


Ctx = Annotated[ApiContext, Depends(api_context)]
