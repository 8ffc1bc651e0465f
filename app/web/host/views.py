"""What each panel of the host page shows, gathered once for the page and for its swaps."""

from __future__ import annotations

from collections import Counter

import anyio
from sqlmodel import Session

from app.adapters.database.tables import Event
from app.adapters.hub.base import Hub, HubError
from app.services import (
    banner,
    clock,
    pair_rules,
    participants,
    planning,
    presence,
    round_times,
    schedules,
    search,
)
from app.services.channels import channel


def people_context(session: Session, event_id: int, query: str = "") -> dict:
    """List the participants matching the search."""
    everyone = participants.list_participants(session, event_id)
    shown = [person for person in everyone if search.matches(person, query)]
    return {"people": shown, "query": query, "total": len(everyone)}


def plan_context(session: Session, event: Event) -> dict:
    """Give the plan's metrics, its grid by name and the estimated end."""
    view = planning.plan_view(session, event.id)
    rounds, tables = schedules.chart(session, event.id)
    state = clock.public_state(session, event.id)
    return {
        "plan_version": view["version"],
        "metrics": view["metrics"],
        "chart": rounds,
        "tables": tables,
        "sit_outs": sum(len(rnd.sitting_out) for rnd in rounds),
        "end_ms": clock.estimated_end_ms(state, event.talk_seconds, event.switch_seconds),
        "state": state,
        "ran": round_times.ended_rounds(session, event.id, state),
    }


def live_context(session: Session, event: Event, state: dict | None = None) -> dict:
    """Give the clock's state, the estimated end, and how long the last ended round talked."""
    state = state or clock.public_state(session, event.id)
    end = clock.estimated_end_ms(state, event.talk_seconds, event.switch_seconds)
    ran = round_times.ended_rounds(session, event.id, state)
    last = max(ran, default=None)
    return {
        "state": state,
        "end_ms": end,
        "last_ran": (last, ran[last]) if last is not None else None,
        "talk_ms": event.talk_seconds * 1000,
    }


def tally_context(session: Session, hub: Hub, event_id: int) -> dict:
    """Count people by status and connected screens, from one read, so every count agrees.

    The header, the Connected card and who is present without a live phone are always drawn
    together from this, never from separate reads that a check-in could fall between.
    """
    everyone = participants.list_participants(session, event_id)
    counts = Counter(person.status for person in everyone)
    try:
        seen = presence.summarise(anyio.from_thread.run(hub.presence, channel(event_id)))
    except HubError:
        return {"counts": counts, "presence": None, "missing": []}
    missing = [p for p in everyone if p.status == "present" and p.id not in seen.people]
    return {"counts": counts, "presence": seen, "missing": missing}


def banner_context(session: Session, event_id: int, error: str | None = None) -> dict:
    """Give the banner on show, if any."""
    return {"banner": banner.current_banner(session, event_id), "banner_error": error}


def pairs_context(session: Session, event_id: int, error: str | None = None) -> dict:
    """Give the host's pinned and forbidden pairs by name, and whom a new one may name."""
    everyone = participants.list_participants(session, event_id)
    names = {person.id: f"{person.first_name} {person.last_name}" for person in everyone}
    rules = [
        {**rule, "names": (names.get(rule["a"], "?"), names.get(rule["b"], "?"))}
        for rule in pair_rules.list_rules(session, event_id)
    ]
    choices = [person for person in everyone if person.status != "gone"]
    return {"pair_rules": rules, "pair_choices": choices, "pairs_error": error}
