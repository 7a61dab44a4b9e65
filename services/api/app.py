"""The api service's HTTP app: wiring of the pool, producer, projection and routers."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from contracts.topics import (
    API_DEADLETTER,
    CASES_COMMANDS,
    CASES_EVENTS,
    NOTIFICATIONS_EVENTS,
    NOTIFICATIONS_REQUESTS,
)
from servicekit.directory_feed import DirectoryFeed
from servicekit.health import health_router
from servicekit.kafka_clients import durable_producer
from servicekit.logging_setup import register_secret
from servicekit.settings import repo_path
from services.api.access import routes as access_routes
from services.api.access import session_routes
from services.api.access.cache import PrincipalCache
from services.api.access.ratelimit import RateLimiter
from services.api.access.sign_in_guard import trust_forwarded_headers
from services.api.cases import actions
from services.api.cases import routes as case_routes
from services.api.console.mounting import mount_console
from services.api.context import ApiContext, Limiters
from services.api.daily_summary.job import daily_summary_job
from services.api.database import create_pool, migrate
from services.api.directory import routes as directory_routes
from services.api.directory.areas import load_areas
from services.api.directory.live import LiveOfficers
from services.api.errors import COMMON_RESPONSES
from services.api.projection.batch import ProjectionTopics
from services.api.projection.consumer import Projector
from services.api.projection.dead_letters import DeadLetterSink
from services.api.security_headers import SecurityHeaders
from services.api.settings import ApiSettings
from services.api.stats import routes as stats_routes
from services.api.stream import routes as stream_routes
from services.api.stream.signal import ChangeSignal
from services.api.timing import RequestTiming

log = logging.getLogger(__name__)

def limiters(settings: ApiSettings) -> Limiters:
    return Limiters(
        per_token=RateLimiter(settings.token_burst, settings.token_rate_per_s),
        sign_in_officer=RateLimiter(
            settings.sign_in_officer_burst, settings.sign_in_officer_per_min / 60
        ),
        sign_in_ip=RateLimiter(settings.sign_in_ip_burst, settings.sign_in_ip_per_min / 60),
    )


def projection_topics(settings: ApiSettings) -> ProjectionTopics:
    return ProjectionTopics(
        CASES_EVENTS.full_name(settings.topic_prefix),
        NOTIFICATIONS_EVENTS.full_name(settings.topic_prefix),
    )


@contextlib.asynccontextmanager
async def running(app: FastAPI, settings: ApiSettings) -> AsyncIterator[None]:
    dsn = settings.database_url.get_secret_value()
    register_secret(dsn.split("@")[0].rsplit(":", 1)[-1] if "@" in dsn else None)
    conn = await asyncpg.connect(dsn)
    try:
        await migrate(conn, settings.projection_schema)
    finally:
        await conn.close()
    pool = await create_pool(
        dsn, settings.projection_schema, settings.pool_min_size, settings.pool_max_size
    )
    producer = durable_producer(settings.kafka_bootstrap_servers, "matur-api")
    principals = PrincipalCache(settings.token_cache_s)
    officers = LiveOfficers(
        DirectoryFeed(settings.kafka_bootstrap_servers, settings.topic_prefix, "matur-api-dir"),
        pool, producer, principals, settings.topic_prefix,
    )
    regency = (await officers.start()).regency_code or settings.regency_code
    ctx = ApiContext(
        settings=settings,
        pool=pool,
        producer=producer,
        areas=load_areas(repo_path(settings.area_data_dir), regency),
        regency_code=regency,
        limiters=limiters(settings),
        signal=ChangeSignal(),
        principals=principals,
        officers=officers,
        commands_topic=CASES_COMMANDS.full_name(settings.topic_prefix),
        notification_requests_topic=NOTIFICATIONS_REQUESTS.full_name(settings.topic_prefix),
    )
    app.state.ctx = ctx
    summary = daily_summary_job(ctx) if settings.daily_summary else None
    try:
        await producer.start()
        ctx.producer_started = True
        if settings.projection_enabled:
            ctx.projector = Projector(
                pool, settings.kafka_bootstrap_servers, settings.group(settings.projection_group),
                projection_topics(settings), regency,
                DeadLetterSink(producer, API_DEADLETTER.full_name(settings.topic_prefix)),
                on_applied=ctx.signal.notify,
            )
            ctx.projector.start()
        if summary:
            summary.start()
        log.info("api started", extra={"regency": regency, "projection": ctx.projector is not None})
        yield
    finally:
        if summary:
            await summary.stop()
        if ctx.projector:
            await ctx.projector.stop()
        await officers.stop()
        ctx.producer_started = False
        await producer.stop()
        await pool.close()


def create_app(settings: ApiSettings | None = None) -> FastAPI:
    settings = settings or ApiSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with running(app, settings):
            yield

    app = FastAPI(
        title="Matur API",
        version="1.0.0",
        description="Case state, timeline and statistics for officers and dashboards of "
        "Polres Bojonegoro, each caller seeing only their own areas.",
        lifespan=lifespan,
        responses=COMMON_RESPONSES,
        docs_url=None,  # served offline by the console package (console/swagger.py)
        redoc_url=None,
    )

    async def readiness() -> dict[str, bool]:
        ctx: ApiContext | None = getattr(app.state, "ctx", None)
        if ctx is None:
            return {"database": False, "kafka_producer": False, "projection": False}
        try:
            async with ctx.pool.acquire(timeout=2) as conn:
                db = await conn.fetchval("SELECT 1") == 1
        except Exception:
            db = False
        projection = ctx.projector.alive if ctx.projector else not settings.projection_enabled
        return {"database": db, "kafka_producer": ctx.producer_started, "projection": projection}

    app.include_router(health_router("api", readiness))
    app.include_router(access_routes.router)
    app.include_router(session_routes.router)
    app.include_router(case_routes.router)
    app.include_router(actions.router)
    app.include_router(directory_routes.router)
    app.include_router(stats_routes.router)
    app.include_router(stream_routes.router)
    mount_console(app)

    @app.exception_handler(asyncpg.DataError)
    async def bad_data(_: Request, exc: asyncpg.DataError) -> JSONResponse:
        return JSONResponse({"detail": f"invalid input: {exc.__class__.__name__}"}, status_code=422)

    @app.exception_handler(OverflowError)
    async def overflow(_: Request, exc: OverflowError) -> JSONResponse:
        return JSONResponse({"detail": "a date or number is out of range"}, status_code=422)

    app.add_middleware(RequestTiming)
    app.add_middleware(SecurityHeaders)
    trust_forwarded_headers(app, settings.trusted_proxy_list)  # outermost: the client first
    return app
