"""What each panel of the host page shows, gathered once for the page and for its swaps."""

from __future__ import annotations

import unicodedata
from collections import Counter

import anyio
from sqlmodel import Session

from app.adapters.hub.base import Hub, HubError
from app.services import banner, clock, participants, planning, presence, schedules
from app.services.channels import channel
from app.services.events import load_event
from app.services.schemas import ParticipantPublic


def people_context(session: Session, event_id: int, query: str = "") -> dict:
    """List the participants matching the search, with counts by status."""
    everyone = participants.list_participants(session, event_id)
    counts = Counter(person.status for person in everyone)
    shown = [person for person in everyone if matches(person, query)]
    return {"people": shown, "query": query, "counts": counts, "total": len(everyone)}


def matches(person: ParticipantPublic, query: str) -> bool:
    """Match every word of the search in the name, company or e-mail, ignoring accents."""
    haystack = fold(f"{person.first_name} {person.last_name} {person.company} {person.email}")
    return all(word in haystack for word in fold(query).split())


def fold(text: str) -> str:
    """Lower the case and drop the accents, so "emilie" finds "Émilie"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plan_context(session: Session, event_id: int) -> dict:
    """Give the plan's metrics, its grid by name and the estimated end."""
    event = load_event(session, event_id)
    view = planning.plan_view(session, event_id)
    rounds, tables = schedules.chart(session, event_id)
    state = clock.public_state(session, event_id)
    return {
        "plan_version": view["version"],
        "metrics": view["metrics"],
        "chart": rounds,
        "tables": tables,
        "sit_outs": sum(len(rnd.sitting_out) for rnd in rounds),
        "end_ms": estimated_end_ms(state, event.talk_seconds, event.switch_seconds),
        "state": state,
    }


def live_context(session: Session, event_id: int, state: dict | None = None) -> dict:
    """Give the clock's state, caught up to now, and when the last round should end."""
    event = load_event(session, event_id)
    state = state or clock.public_state(session, event_id)
    end = estimated_end_ms(state, event.talk_seconds, event.switch_seconds)
    return {"state": state, "end_ms": end}


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


def presence_context(session: Session, hub: Hub, event_id: int) -> dict:
    """Count connected screens and phones, and list who is here without a live phone."""
    try:
        counts = anyio.from_thread.run(hub.presence, channel(event_id))
    except HubError:
        return {"presence": None, "missing": [], "present": 0}
    seen = presence.summarise(counts)
    present, missing = presence.present_without_phone(session, event_id, seen.people)
    return {"presence": seen, "missing": missing, "present": present}


def banner_context(session: Session, event_id: int, error: str | None = None) -> dict:
    """Give the banner on show, if any."""
    return {"banner": banner.current_banner(session, event_id), "banner_error": error}
