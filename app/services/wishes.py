"""A member's own profile and wishes, edited from their phone until the first round starts.

Wishes are private: they are read back only by their author (`my_profile`) and by the planner
(`meet_wishes` here, "rather not" in `app/services/pair_rules.py`); nothing shows them to the
person wished for. Saving does not re-plan: the host's next plan (or the re-plan a walk-in or a
departure triggers) takes them in, so a room of phones saving at once neither re-plans per tap
nor makes every phone re-fetch.
"""

from __future__ import annotations

from sqlalchemy import delete, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.adapters.database.roster import people_by_id
from app.adapters.database.tables import Event, Person, PhaseChange, Registration, Wish
from app.domain import clock
from app.services import clock as clock_service
from app.services import reading
from app.services.directory import card
from app.services.errors import Conflict, NotFound, Unprocessable
from app.services.personal_link import registration_by_token
from app.services.schemas import MEET_MAX, ProfileEdit
from app.services.timekeeping import now_ms

MEET, AVOID = "meet", "avoid"
KINDS = (MEET, AVOID)
TEXTS = ("pitch", "offers", "needs")
CLOSED = "the first round has started: profiles and wishes can no longer be changed"
NONE_LEFT = "no round is left to plan: profiles and wishes can no longer be changed"
OVER = "the event is over: profiles and wishes can no longer be changed"


def my_profile(session: Session, token: str) -> dict:
    """Give my pitch, offers, needs, my own wishes and whether I may still change them."""
    me = registration_by_token(session, token)
    return _profile(session, me, _closed_because(session, me) is None)


def meet_wishes(session: Session, event_id: int) -> dict[int, frozenset[int]]:
    """Whom each member asked to meet, for the planner's values only."""
    rows = session.exec(
        select(Wish.person_id, Wish.other_id).where(Wish.event_id == event_id, Wish.kind == MEET)
    ).all()
    chosen: dict[int, set[int]] = {}
    for person, other in rows:
        chosen.setdefault(person, set()).add(other)
    return {person: frozenset(others) for person, others in chosen.items()}


def edit_profile(session: Session, token: str, edit: ProfileEdit) -> dict:
    """Save what I changed of my profile and wishes, all or nothing, while editing is open."""
    me = registration_by_token(session, token)
    refusal = _closed_because(session, me)
    if refusal:
        raise Conflict(refusal)
    given = edit.model_fields_set
    wanted = {kind: getattr(edit, kind) for kind in KINDS if getattr(edit, kind) is not None}
    lists = {kind: wanted.get(kind, _wished(session, me, kind)) for kind in KINDS}
    _check_choices(session, me, lists)
    person = session.get(Person, me.person_id)
    for name in TEXTS:
        if name in given:
            setattr(person, name, getattr(edit, name))
    session.add(person)
    for kind, ids in wanted.items():
        _replace(session, me, kind, ids)
    try:
        session.commit()
    except IntegrityError:  # a second save from the same phone won the race
        session.rollback()
        raise Conflict("your profile was being saved twice at once; try again") from None
    if given & {"offers", "needs"}:
        reading.read_soon(session, me.event_id)
    return _profile(session, me, True)


def _closed_because(session: Session, me: Registration) -> str | None:
    """Say why editing is closed: a round started (walk-ins after it excepted) or none left."""
    event = session.get(Event, me.event_id)
    stored, _ = clock_service.load_state(session, event)
    state = clock.advance(stored, now_ms())
    held = clock.rounds_held(state)
    if state.phase == "finished" and held == 0:
        return OVER
    if held == 0:
        return None
    if not _walked_in_after_start(session, me):
        return CLOSED
    return NONE_LEFT if state.phase == "finished" or held >= state.rounds else None


def _walked_in_after_start(session: Session, me: Registration) -> bool:
    """Tell whether I was checked in as a walk-in once the first round's talk had begun."""
    if not (me.walk_in and me.status == "present" and me.checked_in_ms is not None):
        return False
    started = session.exec(
        select(func.min(PhaseChange.at_ms)).where(
            PhaseChange.event_id == me.event_id, PhaseChange.phase == "talk"
        )
    ).one()
    return started is not None and me.checked_in_ms >= started


def _check_choices(session: Session, me: Registration, lists: dict[str, list[int]]) -> None:
    """Refuse myself, anyone in both lists, too many to meet, and anyone not at this event."""
    chosen = [*lists[MEET], *lists[AVOID]]
    if me.person_id in chosen:
        raise Unprocessable("meet, avoid: you cannot choose yourself")
    both = sorted(set(lists[MEET]) & set(lists[AVOID]))
    if both:
        raise Unprocessable(f"meet, avoid: participant {both[0]} is in both lists")
    if len(lists[MEET]) > MEET_MAX:
        raise Unprocessable(f"meet: at most {MEET_MAX} people to meet")
    if not chosen:
        return
    known = set(
        session.exec(
            select(Registration.person_id).where(
                Registration.event_id == me.event_id, Registration.person_id.in_(chosen)
            )
        ).all()
    )
    unknown = [person_id for person_id in chosen if person_id not in known]
    if unknown:
        raise NotFound(f"participant {unknown[0]} not found in this event")


def _replace(session: Session, me: Registration, kind: str, ids: list[int]) -> None:
    """Put this list in place of my stored wishes of that kind."""
    session.exec(
        delete(Wish).where(
            Wish.event_id == me.event_id, Wish.person_id == me.person_id, Wish.kind == kind
        )
    )
    session.flush()
    at = now_ms()
    for other in ids:
        session.add(
            Wish(
                event_id=me.event_id,
                person_id=me.person_id,
                other_id=other,
                kind=kind,
                created_ms=at,
            )
        )


def _wished(session: Session, me: Registration, kind: str) -> list[int]:
    """List the people I chose under one kind, in the order I chose them."""
    return list(
        session.exec(
            select(Wish.other_id)
            .where(Wish.event_id == me.event_id, Wish.person_id == me.person_id, Wish.kind == kind)
            .order_by(Wish.id)
        ).all()
    )


def _profile(session: Session, me: Registration, editable: bool) -> dict:
    """Show my profile and my wishes as the phone needs them."""
    person = session.get(Person, me.person_id)
    lists = {kind: _wished(session, me, kind) for kind in KINDS}
    people = people_by_id(session, (other for ids in lists.values() for other in ids))
    return {
        **{name: getattr(person, name) for name in TEXTS},
        **{kind: [card(people[other]) for other in ids] for kind, ids in lists.items()},
        "meet_max": MEET_MAX,
        "editable": editable,
    }
