"""Drive an event's countdown: load, apply a command or catch up, record held rounds, save."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.adapters.database.plans import planned_rounds, read_plan
from app.adapters.database.tables import ClockRow, Event, Meeting
from app.domain import clock
from app.domain.clock import ClockState
from app.domain.model import Round
from app.services import round_times
from app.services.errors import Conflict, Unprocessable
from app.services.events import load_event
from app.services.timekeeping import now_ms

MAX_RACE_RETRIES = 5


@dataclass(frozen=True)
class ClockChange:
    """What a change did: the new state, whether it changed, and the public view."""

    state: ClockState
    changed: bool
    public: dict


class StaleCommand(Conflict):
    """A command issued against an older version; carries the current public state."""

    def __init__(self, public: dict) -> None:
        super().__init__(f"the clock has moved on to version {public['version']}")
        self.public = public


def initial_state(event: Event, rounds: int) -> ClockState:
    """Make the lobby state of an event whose plan has this many rounds."""
    return ClockState(
        rounds=rounds,
        talk_ms=event.talk_seconds * 1000,
        switch_ms=event.switch_seconds * 1000,
        hold_before_talk=event.hold_before_talk,
    )


def load_state(session: Session, event: Event) -> tuple[ClockState, int | None]:
    """Read the stored clock and its row version (None when nothing is stored yet)."""
    row = session.get(ClockRow, event.id)
    if row is None:
        return initial_state(event, planned_rounds(session, event.id)), None
    return clock.load(json.loads(row.state)), row.version


def held_rounds(session: Session, event: Event, now: int) -> int:
    """Count the rounds whose talk has started by now (they are frozen in any re-plan)."""
    state, _ = load_state(session, event)
    return clock.rounds_held(clock.advance(state, now))


def command(
    session: Session, event_id: int, action: str, *, version: int | None, seconds: int | None
) -> ClockChange:
    """Apply a host command exactly once, even against a second worker; then commit."""
    event = load_event(session, event_id)
    for _ in range(MAX_RACE_RETRIES):
        state, row_version = load_state(session, event)
        now = now_ms()
        try:
            after = clock.apply(state, action, now, version=version, seconds=seconds)
        except clock.VersionConflict as conflict:
            raise StaleCommand(clock.to_public(conflict.current, now, event.plan_version)) from None
        except clock.InvalidCommand as invalid:
            raise Unprocessable(str(invalid)) from None
        except clock.ClockError as refused:
            raise Conflict(str(refused)) from None
        if _store(session, event, state, after, row_version, now):
            return ClockChange(after, True, clock.to_public(after, now, event.plan_version))
    raise Conflict("the clock is being changed by someone else; try again")


def catch_up(session: Session, event_id: int) -> ClockChange:
    """Bring the stored clock up to now (automatic transitions), storing any change once."""
    event = load_event(session, event_id)
    for _ in range(MAX_RACE_RETRIES):
        state, row_version = load_state(session, event)
        now = now_ms()
        after = clock.advance(state, now)
        if after == state or _store(session, event, state, after, row_version, now):
            changed = after != state
            return ClockChange(after, changed, clock.to_public(after, now, event.plan_version))
    raise Conflict("the clock is being changed by someone else; try again")


def replace_state(
    session: Session, event: Event, after: ClockState, row_version: int | None
) -> None:
    """Store a state another use case derived (a new plan) from `row_version`; caller commits."""
    if not _write(session, event.id, after, row_version):
        raise Conflict("the clock changed while the plan was being made; try again")


def _store(
    session: Session,
    event: Event,
    before: ClockState,
    after: ClockState,
    row_version: int | None,
    now: int,
) -> bool:
    """Save `after` if nobody else saved since we read; record or forget held rounds."""
    if not _write(session, event.id, after, row_version):
        session.rollback()
        return False
    round_times.record(session, event.id, before, after, now)
    _record_meetings(session, event, clock.newly_held(before, after))
    held = clock.rounds_held(after)
    if held < clock.rounds_held(before):  # an undo un-started a round
        _forget_meetings_after(session, event.id, held)
    event.status = _status_of(after)
    session.add(event)
    session.commit()
    return True


def _write(session: Session, event_id: int, state: ClockState, row_version: int | None) -> bool:
    """Compare-and-swap the stored clock row on its version."""
    text = json.dumps(clock.dump(state))
    if row_version is None:
        if session.get(ClockRow, event_id) is not None:
            return False
        try:
            with session.begin_nested():  # a second worker may insert the first row too
                session.add(ClockRow(event_id=event_id, version=1, state=text))
        except IntegrityError:
            return False
        return True
    result = session.exec(
        update(ClockRow)
        .where(ClockRow.event_id == event_id, ClockRow.version == row_version)
        .values(state=text, version=row_version + 1)
    )
    return result.rowcount == 1


def _record_meetings(session: Session, event: Event, rounds: list[int]) -> None:
    """Store the meetings of rounds whose talk just started, once per round, in one insert."""
    if not rounds:
        return
    plan = read_plan(session, event.id, event.table_size)
    rows = []
    for number in rounds:
        already = session.exec(
            select(Meeting.id).where(Meeting.event_id == event.id, Meeting.round == number)
        ).first()
        rnd = plan.round(number)
        if already is None and rnd is not None:
            rows.extend(_meeting_rows(event.id, rnd))
    if rows:
        session.exec(insert(Meeting), params=rows)


def _meeting_rows(event_id: int, rnd: Round) -> list[dict]:
    """List every pair at every table of a round, the lower person id first."""
    return [
        {
            "event_id": event_id,
            "round": rnd.number,
            "table": table.number,
            "person_a": min(a, b),
            "person_b": max(a, b),
        }
        for table in rnd.tables
        for a, b in combinations(table.seats, 2)
    ]


def _forget_meetings_after(session: Session, event_id: int, held: int) -> None:
    """Drop meetings of rounds an `undo` un-started: they did not happen."""
    session.exec(delete(Meeting).where(Meeting.event_id == event_id, Meeting.round > held))


def _status_of(state: ClockState) -> str:
    if state.phase == "finished":
        return "finished"
    return "draft" if state.phase == "lobby" else "live"


def public_state(session: Session, event_id: int) -> dict:
    """Give the contract's state of an event, caught up to now."""
    return catch_up(session, event_id).public


def estimated_end_ms(state: dict, talk_s: int, switch_s: int) -> int | None:
    """Estimate when the last talk ends if the clock runs from now without a pause."""
    phase = state["paused_phase"] if state["phase"] == "paused" else state["phase"]
    if phase == "finished" or state["rounds"] == 0:
        return None
    now, per_round = state["server_now_ms"], (talk_s + switch_s) * 1000
    if phase == "lobby":
        return now + state["rounds"] * per_round - switch_s * 1000
    later = (state["rounds"] - state["round"]) * per_round
    talk_to_come = talk_s * 1000 if phase == "switch" else 0
    return now + (state["remaining_ms"] or 0) + talk_to_come + later
