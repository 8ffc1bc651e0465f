"""E-mail each participant their personal link, or their mutual matches after the event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

from sqlalchemy import update
from sqlmodel import Session, select

from app.adapters.database.roster import registered
from app.adapters.database.tables import EmailLog, Event, Person
from app.services.errors import Conflict
from app.services.events import load_event
from app.services.matches import matches_of, revealed
from app.services.outbox import Outbox
from app.services.timekeeping import now_ms

KINDS = ("links", "matches")
PENDING_OR_SENT = ("queued", "retrying", "sent")


@dataclass(frozen=True)
class Recipient:
    """One participant to write to: who they are, their personal link, their matches."""

    person_id: int
    first_name: str
    last_name: str
    email: str
    link: str
    matches: list[dict] = field(default_factory=list)


Compose = Callable[[Event, Recipient], EmailMessage]


def queue_emails(
    session: Session,
    event_id: int,
    kind: str,
    *,
    compose: Compose,
    outbox: Outbox,
    public_url: str,
    resend: bool = False,
) -> int:
    """Log and hand the e-mails of one kind to the outbox; whoever already has one is skipped.

    `links` goes to everyone registered; `matches`, once the event is finished, to everyone
    with at least one mutual match. With `resend`, everyone is written to again.
    """
    event = load_event(session, event_id)
    if not outbox.enabled:
        raise Conflict("e-mail is not configured: set SMTP_HOST (see the README)")
    if kind == "matches" and not revealed(event):
        raise Conflict("matches are e-mailed once the event is finished")
    recipients = _recipients(session, event, kind, public_url.rstrip("/"))
    if not resend:
        recipients = _not_yet(session, event.id, kind, recipients)
    composed = {r.person_id: compose(event, r) for r in recipients}  # a failure logs nothing
    _hold_event(session, event.id)
    if not resend:  # again under the lock: a doubled click finds the first one's entries
        recipients = _not_yet(session, event.id, kind, recipients)
    messages = [composed[r.person_id] for r in recipients]
    entries = [
        EmailLog(event_id=event.id, person_id=r.person_id, kind=kind, queued_ms=now_ms())
        for r in recipients
    ]
    session.add_all(entries)
    session.commit()
    outbox.enqueue([(e.id, m) for e, m in zip(entries, messages, strict=True)])
    return len(entries)


def email_log(session: Session, event_id: int) -> list[dict]:
    """List every e-mail of an event, newest first, with its recipient and outcome."""
    load_event(session, event_id)
    rows = session.exec(
        select(EmailLog, Person)
        .join(Person, Person.id == EmailLog.person_id)
        .where(EmailLog.event_id == event_id)
        .order_by(EmailLog.id.desc())
    ).all()
    return [
        {
            **entry.model_dump(exclude={"event_id"}),
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
        }
        for entry, person in rows
    ]


def _recipients(session: Session, event: Event, kind: str, public_url: str) -> list[Recipient]:
    recipients = [
        Recipient(
            person_id=person.id,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
            link=f"{public_url}/p/{registration.token}",
            matches=matches_of(session, event.id, person.id) if kind == "matches" else [],
        )
        for person, registration in registered(session, event.id)
    ]
    return [r for r in recipients if r.matches] if kind == "matches" else recipients


def _hold_event(session: Session, event_id: int) -> None:
    """Lock the event until commit, so two senders of one event queue one after the other.

    A no-op update takes the row lock on PostgreSQL and the write lock on SQLite, on any worker.
    """
    session.exec(update(Event).where(Event.id == event_id).values(status=Event.status))


def _not_yet(
    session: Session, event_id: int, kind: str, recipients: list[Recipient]
) -> list[Recipient]:
    """Keep the recipients who have not had, and are not about to get, this kind of e-mail."""
    done = _already(session, event_id, kind)
    return [r for r in recipients if r.person_id not in done]


def _already(session: Session, event_id: int, kind: str) -> set[int]:
    """Tell who already got, or is about to get, an e-mail of this kind."""
    return set(
        session.exec(
            select(EmailLog.person_id).where(
                EmailLog.event_id == event_id,
                EmailLog.kind == kind,
                EmailLog.status.in_(PENDING_OR_SENT),
            )
        ).all()
    )
