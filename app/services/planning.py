"""Make, re-make and show an event's plan; rounds already held are never changed."""

from __future__ import annotations

from sqlmodel import Session, select

from app.adapters.database.plans import read_plan, write_rounds_after
from app.adapters.database.roster import club_names, present
from app.adapters.database.tables import Event, Meeting
from app.domain import clock, model
from app.domain.matchmaking import needs_answered, wishes_kept
from app.domain.model import Plan, PlanError, Round, Rules
from app.domain.scheduler import make_plan, replan, verify
from app.services import clock as clock_service
from app.services import matchmaking, pair_rules
from app.services.errors import Conflict
from app.services.events import load_event
from app.services.timekeeping import now_ms


def generate_plan(session: Session, event_id: int) -> dict:
    """Plan from the people present; once rounds are held, re-plan only the rest."""
    clock_service.catch_up(session, event_id)  # record any round that started meanwhile
    event = load_event(session, event_id)
    state, row_version = clock_service.load_state(session, event)
    if state.phase == "finished":
        raise Conflict("the event is finished; its plan can no longer change")
    held = clock.rounds_held(state)
    people, rules = present_people(session, event), rules_for(session, event)
    previous = read_plan(session, event.id, event.table_size)
    try:
        if held == 0 or not previous.rounds:
            plan = make_plan(people, event.table_size, rules, rounds=event.rounds, seed=event.id)
        else:
            plan = replan(previous, frozen=held, people=people, rules=rules, seed=event.id).plan
    except PlanError as error:
        session.rollback()
        raise Conflict(str(error)) from None
    write_rounds_after(session, event.id, plan, held)
    event.plan_version += 1
    session.add(event)
    after = clock.with_rounds(state, len(plan.rounds))
    clock_service.replace_state(session, event, after, row_version)
    session.commit()
    return plan_view(session, event_id)


def replan_if_planned(session: Session, event: Event) -> None:
    """After someone arrives or leaves, re-plan the rounds not yet started, if there is a plan."""
    if event.plan_version > 0 and event.status != "finished":
        generate_plan(session, event.id)


def plan_view(session: Session, event_id: int) -> dict:
    """Show the plan as the contract gives it, with the verifier's metrics."""
    event = load_event(session, event_id)
    plan = read_plan(session, event.id, event.table_size)
    held = clock_service.held_rounds(session, event, now_ms())
    (rules, found), people = valued_rules(session, event), present_people(session, event)
    report = verify(plan, people, rules, frozen=held)
    talk, switch = event.talk_seconds, event.switch_seconds
    repeats = sum(meeting in rules.history for meeting in plan.meetings())
    metrics = {
        **report.to_metrics(),
        "duration_seconds": max(0, len(plan.rounds) * (talk + switch) - switch),
        "new_encounters": sum(1 for _ in plan.meetings()) - repeats,
        "repeat_encounters": repeats,
        **_what_members_got(plan, people, found),
    }
    return {
        "version": event.plan_version,
        "rounds": [_round_view(rnd) for rnd in plan.rounds],
        "metrics": metrics,
    }


def present_people(session: Session, event: Event) -> list[model.Person]:
    """List who is present, as the scheduler sees them."""
    clubs = club_names(session)
    return [
        model.Person(p.id, p.company or None, clubs.get(p.club_id))
        for p in present(session, event.id)
    ]


def rules_for(session: Session, event: Event) -> Rules:
    """Gather the rules: club setting, earlier editions' pairs, pair values, pins, pairs apart."""
    return valued_rules(session, event)[0]


def valued_rules(session: Session, event: Event) -> tuple[Rules, matchmaking.Valuation]:
    """Gather the rules with the valuation their values come from, read once for both."""
    earlier = select(Event.id).where(Event.series_id == event.series_id, Event.id != event.id)
    met = session.exec(
        select(Meeting.person_a, Meeting.person_b).where(Meeting.event_id.in_(earlier))
    ).all()
    history = frozenset(model.pair(a, b) for a, b in met)
    must, never = pair_rules.must_and_never(session, event.id)
    found = matchmaking.valuation(session, event.id, never)
    rules = Rules(
        avoid_same_club=event.avoid_same_club,
        history=history,
        values=found.values,
        must=must,
        never=never,
    )
    return rules, found


def _what_members_got(plan: Plan, people: list[model.Person], found: matchmaking.Valuation) -> dict:
    """Count the needs of people present that met an offer, and the wishes the plan keeps."""
    here = [found.profiles[p.id] for p in people if p.id in found.profiles]
    meetings = list(plan.meetings())
    answered, asked = needs_answered(meetings, here, found.room)
    kept, made = wishes_kept(meetings, {profile.person: profile.wishes for profile in here})
    return {
        "needs_answered": answered,
        "needs_total": asked,
        "wishes_kept": kept,
        "wishes_made": made,
    }


def _round_view(rnd: Round) -> dict:
    return {
        "number": rnd.number,
        "tables": [{"table": t.number, "participants": list(t.seats)} for t in rnd.tables],
        "sitting_out": list(rnd.sitting_out),
    }
