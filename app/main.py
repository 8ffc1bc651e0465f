"""create_app(settings): the one place that wires settings, database, hub and routers."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles

from app.adapters.database.engine import make_engine
from app.adapters.hub import make_hub
from app.adapters.mailer import SmtpServer
from app.config import Settings
from app.services import reading
from app.services.admin_token import ensure_admin_token
from app.services.live import Live
from app.services.outbox import Outbox
from app.web import (
    host,
    pages,
    phone,
    printing,
    public,
    report,
    screen,
    ws,
)
from app.web.api import (
    banner,
    clock,
    emails,
    events,
    exports,
    follow_up,
    health,
    me,
    pairs,
    participants,
    plan,
)
from app.web.errors import install_error_handlers
from app.web.rate_limit import RateLimits
from app.web.security_headers import SecurityHeaders
from app.web.server_send import KeepServerSend

HERE = Path(__file__).parent
log = logging.getLogger("tablehop")


@cache
def _freeze_start_up_objects() -> None:
    """Keep the collector from rescanning start-up objects at every generation-2 pass.

    A storm of reconnecting phones triggers many such passes. Once per process: a test run
    builds many apps, and only the first start-up's survivors belong in the frozen set.
    """
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for these settings (each test builds its own)."""
    settings = settings or Settings()
    admin_token, generated = ensure_admin_token(settings.admin_token, settings.data_dir)
    if generated:
        print(f"Tablehop admin token (kept in {settings.data_dir}/admin_token): {admin_token}")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        hub = make_hub(settings.redis_url)
        await hub.connect()
        app.state.live = Live(hub, app.state.engine)
        await app.state.live.start()
        app.state.reader.warm_up()
        _freeze_start_up_objects()
        yield
        await app.state.live.stop()
        await hub.disconnect()
        await anyio.to_thread.run_sync(app.state.outbox.close)
        await anyio.to_thread.run_sync(app.state.reader.close)
        app.state.engine.dispose()

    app = FastAPI(
        title="Tablehop",
        summary="Run a business speed-networking event on the day.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.admin_token = admin_token
    app.state.engine = make_engine(settings.sqlalchemy_url)
    app.state.outbox = Outbox(app.state.engine, SmtpServer.from_settings(settings))
    app.state.reader = reading.attach(app.state.engine, settings)
    install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1000)  # phones on a crowded stadium Wi-Fi
    app.add_middleware(KeepServerSend)
    app.add_middleware(RateLimits, redis_url=settings.redis_url)
    app.add_middleware(SecurityHeaders)
    # The live feed first: a reconnecting crowd is matched against one route, not every one.
    routers = (
        ws, health, events, participants, pairs, plan, clock, banner, me, follow_up, exports,
        emails, pages, *host.MODULES, printing, report, screen, phone, public,
    )  # fmt: skip
    for module in routers:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
