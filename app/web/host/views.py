"""What each panel of the host page shows, gathered once for the page and for its swaps."""

from __future__ import annotations

import unicodedata
from collections import Counter

import anyio
from sqlmodel import Session

from app.adapters.hub.base import Hub, HubError
from app.services import banner, clock, participants, planning, presence, round_times, schedules
from app.services.channels import channel
from app.services.events import load_event
from app.services.schemas import ParticipantPublic


def people_context(session: Session, event_id: int, query: str = "") -> dict:
    """List the participants matching the search."""
    everyone = participants.list_participants(session, event_id)
    shown = [person for person in everyone if matches(person, query)]
    return {"people": shown, "query": query, "total": len(everyone)}


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
        "ran": ended_rounds(session, event_id, state),
    }


def live_context(session: Session, event_id: int, state: dict | None = None) -> dict:
    """Give the clock's state, the estimated end, and how long the last ended round talked."""
    event = load_event(session, event_id)
    state = state or clock.public_state(session, event_id)
    end = estimated_end_ms(state, event.talk_seconds, event.switch_seconds)
    ran = ended_rounds(session, event_id, state)
    last = max(ran, default=None)
    return {
        "state": state,
        "end_ms": end,
        "last_ran": (last, ran[last]) if last is not None else None,
        "talk_ms": event.talk_seconds * 1000,
    }


def ended_rounds(session: Session, event_id: int, state: dict) -> dict[int, int]:
    """Give how long each round whose talk is over really talked, pauses left out."""
    ran = round_times.talk_ms_by_round(session, event_id, state["server_now_ms"])
    phase = state["paused_phase"] if state["phase"] == "paused" else state["phase"]
    if phase == "talk":
        ran.pop(state["round"], None)
    return ran


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
