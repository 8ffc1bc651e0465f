"""E-mails to participants: personal links before, mutual matches after; and their log."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status

from app.services import emails
from app.web.auth import require_admin
from app.web.deps import PathId, SessionDep, SettingsDep
from app.web.mail import COMPOSERS

router = APIRouter(
    prefix="/api/events/{event_id}/emails", tags=["e-mails"], dependencies=[Depends(require_admin)]
)

QUEUED_RESPONSES: dict = {
    202: {"content": {"application/json": {"example": {"queued": 48}}}},
    409: {"description": "no SMTP server configured, or (matches) the event is not finished"},
}
Resend = Annotated[bool, Query(description="write again to those already written to")]


@router.post("/links", status_code=status.HTTP_202_ACCEPTED, responses=QUEUED_RESPONSES)
def send_links(
    event_id: PathId,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    resend: Resend = False,
) -> dict[str, int]:
    """E-mail every registered participant their personal link and QR code, in the background."""
    return _queue(event_id, "links", request, session, settings.public_url, resend)


@router.post("/matches", status_code=status.HTTP_202_ACCEPTED, responses=QUEUED_RESPONSES)
def send_matches(
    event_id: PathId,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    resend: Resend = False,
) -> dict[str, int]:
    """After the event, e-mail everyone with a mutual match their matches and a vCard file."""
    return _queue(event_id, "matches", request, session, settings.public_url, resend)


@router.get("")
def email_log(event_id: PathId, session: SessionDep) -> list[dict]:
    """List the e-mails of the event: recipient, kind, status (queued, retrying, sent, failed)."""
    return emails.email_log(session, event_id)


def _queue(
    event_id: int, kind: str, request: Request, session, public_url: str, resend: bool
) -> dict[str, int]:
    queued = emails.queue_emails(
        session,
        event_id,
        kind,
        compose=COMPOSERS[kind],
        outbox=request.app.state.outbox,
        public_url=public_url,
        resend=resend,
    )
    return {"queued": queued}
