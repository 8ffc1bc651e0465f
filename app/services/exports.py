"""An event's participants, meetings and mutual matches as tables for a spreadsheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from app.adapters.database.roster import club_names, registered
from app.adapters.database.tables import Meeting
from app.adapters.tabular import Sheet
from app.services.errors import NotFound
from app.services.events import load_event
from app.services.matches import mutual_pairs

LOCAL_TIME = ZoneInfo("Europe/Paris")
PARTICIPANT_COLUMNS = (
    "id", "last_name", "first_name", "company", "club", "sector", "email", "phone", "website",
    "status", "walk_in", "checked_in", "left",
)  # fmt: skip
MEETING_COLUMNS = (
    "round", "table", "person_a_id", "person_a", "company_a", "person_b_id", "person_b",
    "company_b",
)  # fmt: skip
MATCH_COLUMNS = ("person_a_id", "person_a", "company_a", "person_b_id", "person_b", "company_b")


def export_table(session: Session, event_id: int, what: str) -> Sheet:
    """Give one table (`participants`, `meetings` or `matches`) as a header and rows."""
    make = TABLES.get(what)
    if make is None:
        raise NotFound(f"no export named {what!r}; try {', '.join(TABLES)}")
    load_event(session, event_id)
    return make(session, event_id)


def export_all(session: Session, event_id: int) -> dict[str, Sheet]:
    """Give every table, by name, for one workbook."""
    return {what: export_table(session, event_id, what) for what in TABLES}


def participants(session: Session, event_id: int) -> Sheet:
    """List everyone registered, with contact details and presence times."""
    clubs = club_names(session)
    rows = []
    for person, registration in registered(session, event_id):
        details = person.model_dump() | {
            "club": clubs.get(person.club_id),
            "status": registration.status,
            "walk_in": registration.walk_in,
            "checked_in": _moment(registration.checked_in_ms),
            "left": _moment(registration.left_ms),
        }
        rows.append(tuple(details[name] for name in PARTICIPANT_COLUMNS))
    return PARTICIPANT_COLUMNS, rows


def meetings(session: Session, event_id: int) -> Sheet:
    """List every meeting held, round by round and table by table."""
    people = _people(session, event_id)
    held = session.exec(
        select(Meeting)
        .where(Meeting.event_id == event_id)
        .order_by(Meeting.round, Meeting.table, Meeting.id)
    ).all()
    rows = [(m.round, m.table, *people[m.person_a], *people[m.person_b]) for m in held]
    return MEETING_COLUMNS, rows


def matches(session: Session, event_id: int) -> Sheet:
    """List every mutual match once."""
    people = _people(session, event_id)
    rows = [(*people[a], *people[b]) for a, b in mutual_pairs(session, event_id)]
    return MATCH_COLUMNS, rows


TABLES: dict[str, Callable[[Session, int], Sheet]] = {
    "participants": participants,
    "meetings": meetings,
    "matches": matches,
}


def _people(session: Session, event_id: int) -> dict[int, tuple[int, str, str]]:
    """Name each registered person as (id, full name, company)."""
    return {
        p.id: (p.id, f"{p.first_name} {p.last_name}", p.company)
        for p, _ in registered(session, event_id)
    }


def _moment(epoch_ms: int | None) -> str | None:
    """Write a time as Excel reads it: local date and time, to the second."""
    if epoch_ms is None:
        return None
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=UTC).astimezone(LOCAL_TIME)
    return moment.strftime("%Y-%m-%d %H:%M:%S")
