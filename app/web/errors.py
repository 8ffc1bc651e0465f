"""Turn every failure into JSON `{"detail": "…"}` with the right 4xx status."""

from __future__ import annotations

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from app.services.errors import Conflict, NotFound, TooLarge, Unprocessable

STATUS_OF = {
    NotFound: status.HTTP_404_NOT_FOUND,
    Conflict: status.HTTP_409_CONFLICT,
    TooLarge: status.HTTP_413_CONTENT_TOO_LARGE,
    Unprocessable: status.HTTP_422_UNPROCESSABLE_CONTENT,
}


def install_error_handlers(app: FastAPI) -> None:
    """Register one handler per service error, and a readable one for validation."""
    for error_type, code in STATUS_OF.items():
        app.add_exception_handler(error_type, _responder(code))
    app.add_exception_handler(RequestValidationError, _validation_error)


def _responder(code: int):
    async def respond(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=code)

    return respond


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """Say in one sentence which fields are wrong, and keep the details for scripts."""
    errors = exc.errors()
    detail = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in errors)
    return JSONResponse(
        {"detail": detail, "errors": _plain(errors)},
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
    )


def _where(location: tuple) -> str:
    parts = [str(part) for part in location if part not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def _plain(errors) -> list[dict]:
    return [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in errors]
