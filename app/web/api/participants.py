"""Participants: add, list, import from a spreadsheet, check in, mark gone."""

from fastapi import APIRouter, Depends, UploadFile, status

from app.services import clock, importing, participants
from app.services.schemas import ImportReport, ParticipantCreate, ParticipantPublic
from app.web.auth import require_admin
from app.web.deps import LiveDep, PathId, SessionDep

router = APIRouter(
    prefix="/api/events/{event_id}/participants",
    tags=["participants"],
    dependencies=[Depends(require_admin)],
)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ParticipantPublic)
def add_participant(
    event_id: PathId, data: ParticipantCreate, session: SessionDep
) -> ParticipantPublic:
    """Register one person; the same e-mail (any case) updates that person."""
    return participants.add_participant(session, event_id, data)


@router.get("", response_model=list[ParticipantPublic])
def list_participants(event_id: PathId, session: SessionDep) -> list[ParticipantPublic]:
    """List the event's participants with their personal tokens and status."""
    return participants.list_participants(session, event_id)


@router.post(
    "/import",
    response_model=ImportReport,
    responses={
        413: {"description": "file over 5 MB or 20,000 rows"},
        422: {"description": "not a CSV"},
    },
)
def import_participants(event_id: PathId, file: UploadFile, session: SessionDep) -> ImportReport:
    """Import a spreadsheet export (CSV, `,` `;` or tab, UTF-8 or Windows-1252)."""
    data = file.file.read(importing.MAX_BYTES + 1)
    return importing.import_people(session, event_id, data)


@router.post("/{person_id}/checkin", response_model=ParticipantPublic)
def check_in(
    event_id: PathId, person_id: PathId, session: SessionDep, live: LiveDep
) -> ParticipantPublic:
    """Mark someone present; after the plan exists they join as a walk-in and it is re-planned."""
    participant = participants.check_in(session, event_id, person_id)
    live.announce_from_thread(event_id, clock.catch_up(session, event_id).public)
    return participant


@router.post("/{person_id}/leave", response_model=ParticipantPublic)
def leave(
    event_id: PathId, person_id: PathId, session: SessionDep, live: LiveDep
) -> ParticipantPublic:
    """Mark someone gone; the rounds not yet started are re-planned without them."""
    participant = participants.leave(session, event_id, person_id)
    live.announce_from_thread(event_id, clock.catch_up(session, event_id).public)
    return participant
