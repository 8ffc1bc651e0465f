"""Import a spreadsheet of members into an event in one transaction."""

from __future__ import annotations

from pydantic import ValidationError
from sqlmodel import Session, select

from app.adapters.database.tables import Club, Registration
from app.adapters.spreadsheet import MAX_BYTES, PersonRow, SheetRejected, parse_people_csv
from app.services.errors import TooLarge, Unprocessable
from app.services.events import load_event
from app.services.participants import register
from app.services.people import upsert_person
from app.services.schemas import ImportLineError, ImportReport, ParticipantCreate

__all__ = ["MAX_BYTES", "import_people"]


def import_people(session: Session, event_id: int, data: bytes) -> ImportReport:
    """Create or update every good line and register it; report the bad lines by row."""
    event = load_event(session, event_id)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        sheet = parse_people_csv(data)
    except SheetRejected as rejected:
        raise (TooLarge if rejected.status == 413 else Unprocessable)(str(rejected)) from None
    errors = [ImportLineError(line=e.line, message=e.message) for e in sheet.errors]
    registered = set(
        session.exec(select(Registration.person_id).where(Registration.event_id == event.id)).all()
    )
    clubs: dict[str, Club] = {}
    imported = updated = 0
    for row in sheet.rows:
        details = _validated(row, errors)
        if details is None:
            continue
        person, created = upsert_person(session, details, clubs)
        imported, updated = (imported + 1, updated) if created else (imported, updated + 1)
        if person.id not in registered:
            register(session, event, person)
            registered.add(person.id)
    session.commit()
    errors.sort(key=lambda error: error.line)
    return ImportReport(imported=imported, updated=updated, errors=errors)


def _validated(row: PersonRow, errors: list[ImportLineError]) -> dict | None:
    """Hold a row to the same rules as adding one person (lengths, e-mail), or report it."""
    fields = {name: getattr(row, name) for name in ParticipantCreate.model_fields}
    try:
        return ParticipantCreate(**fields).model_dump()
    except ValidationError as invalid:
        message = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in invalid.errors())
        errors.append(ImportLineError(line=row.line, message=message))
        return None
