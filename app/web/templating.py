"""The one Jinja2 environment every screen renders with, translated per request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.responses import HTMLResponse

from app.web import i18n

environment = Environment(
    loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
    autoescape=select_autoescape(),
    extensions=["jinja2.ext.i18n"],
)
templates = Jinja2Templates(env=environment)
templates.env.install_gettext_callables(i18n.gettext_raw, i18n.ngettext_raw, newstyle=True)
templates.env.filters["number"] = i18n.format_number
templates.env.filters["clock_time"] = i18n.format_clock_time
templates.env.filters["duration"] = i18n.format_duration
templates.env.filters["moment"] = i18n.format_moment


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    language: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page in the given language (by default the browser's, else French)."""
    language = language or i18n.choose_language(
        request.headers.get("accept-language"), None, request.query_params.get("lang")
    )
    i18n.use_language(language)
    return templates.TemplateResponse(
        request, name, {"lang": language, **(context or {})}, status_code=status_code
    )
