"""Keep the clock's phase changes and tell how long each round's talk really ran."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.tables import PhaseChange
from app.domain import round_times
from app.domain.clock import ClockState


def record(
    session: Session, event_id: int, before: ClockState, after: ClockState, now: int
) -> None:
    """Add the phases entered between two stored states; the caller commits with the state."""
    for at, number, phase in round_times.phase_changes(before, after, now):
        session.add(PhaseChange(event_id=event_id, at_ms=at, round=number, phase=phase))


def talk_ms_by_round(session: Session, event_id: int, now: int) -> dict[int, int]:
    """Give each round's talk time so far, pauses left out."""
    rows = session.exec(
        select(PhaseChange.at_ms, PhaseChange.round, PhaseChange.phase)
        .where(PhaseChange.event_id == event_id)
        .order_by(PhaseChange.at_ms, PhaseChange.id)
    ).all()
    return round_times.talk_ms_by_round(rows, now)


def ended_rounds(session: Session, event_id: int, state: dict) -> dict[int, int]:
    """Give how long each round whose talk is over really talked, pauses left out."""
    ran = talk_ms_by_round(session, event_id, state["server_now_ms"])
    phase = state["paused_phase"] if state["phase"] == "paused" else state["phase"]
    if phase == "talk":
        ran.pop(state["round"], None)
    return ran
