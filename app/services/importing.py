"""Import a spreadsheet of members into an event in one transaction."""

from __future__ import annotations

from pydantic import ValidationError
from sqlmodel import Session, select

from app.adapters.database.tables import Registration
from app.adapters.spreadsheet import (
    MAX_BYTES,
    PersonRow,
    SheetRejected,
    parse_people_csv,
    person_of,
)
from app.services import reading
from app.services.errors import TooLarge, Unprocessable
from app.services.events import load_event
from app.services.participants import register
from app.services.people import upsert_people
from app.services.schemas import ImportLineError, ImportReport, ParticipantCreate

__all__ = ["MAX_BYTES", "import_people"]


def import_people(session: Session, event_id: int, data: bytes) -> ImportReport:
    """Create or update every good line and register it; report the bad lines by row and name."""
    event = load_event(session, event_id)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        sheet = parse_people_csv(data)
    except SheetRejected as rejected:
        raise (TooLarge if rejected.status == 413 else Unprocessable)(str(rejected)) from None
    errors = [
        ImportLineError(line=e.line, message=e.message, person=e.person) for e in sheet.errors
    ]
    registered = set(
        session.exec(select(Registration.person_id).where(Registration.event_id == event.id)).all()
    )
    valid = [details for row in sheet.rows if (details := _validated(row, errors)) is not None]
    people = upsert_people(session, valid)
    imported = sum(created for _, created in people)
    newly, known = 0, 0
    for person, created in people:
        if person.id not in registered:
            register(session, event, person)
            registered.add(person.id)
            newly, known = newly + 1, known + (not created)
    session.commit()
    reading.read_soon(session, event.id)
    errors.sort(key=lambda error: error.line)
    return ImportReport(
        imported=imported,
        updated=len(people) - imported,
        errors=errors,
        registered=newly,
        known=known,
    )


def _validated(row: PersonRow, errors: list[ImportLineError]) -> dict | None:
    """Hold a row to the same rules as adding one person (lengths, e-mail), or report it."""
    fields = {name: getattr(row, name) for name in ParticipantCreate.model_fields}
    try:
        return ParticipantCreate(**fields).model_dump()
    except ValidationError as invalid:
        message = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in invalid.errors())
        errors.append(ImportLineError(line=row.line, message=message, person=person_of(row)))
        return None
