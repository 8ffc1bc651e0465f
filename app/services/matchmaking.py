"""What an event's meetings are worth and why: members' texts read so far, and their wishes.

Values are computed from what is stored now and never wait on the model: a phrase not read yet
is worth nothing until it is. The last few results are kept per process, keyed by everything
they depend on (the model, the texts and how many are read, the wishes, the pairs kept apart),
so the host's plan view and the phones do not recompute the same matrix.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlmodel import Session

from app.domain.matchmaking import Profile, Reason, Room, pair_values, reason
from app.domain.model import Pair
from app.services import reading, wishes

T = TypeVar("T")
KEPT = 4  # rooms and valuations kept per process: a few events planned side by side


@dataclass(frozen=True)
class Valuation:
    """Each member's profile, their room (every phrase read), and the value of every pair."""

    profiles: dict[int, Profile]
    room: Room
    values: dict[Pair, float]


_rooms: OrderedDict[tuple, tuple[list[Profile], Room]] = OrderedDict()
_values: OrderedDict[tuple, Valuation] = OrderedDict()
_lock = threading.Lock()


def valuation(session: Session, event_id: int, never: frozenset[Pair]) -> Valuation:
    """Value the pairs of an event's members from what is read now; "rather not" pairs are 0."""
    key, profiles, room = _room(session, event_id)
    wished = wishes.meet_wishes(session, event_id)
    profiles = [replace(p, wishes=wished.get(p.person, frozenset())) for p in profiles]
    asked = tuple((p.person, p.wishes) for p in profiles if p.wishes)
    found = _recall(_values, (key, asked, never))
    if found is None:
        values = pair_values(profiles, floor=room.floor, never=never, room=room)
        found = Valuation({p.person: p for p in profiles}, room, values)
        _keep(_values, (key, asked, never), found)
    return found


def reasons(session: Session, event_id: int, me: int, others: set[int]) -> dict[int, Reason]:
    """Say, for each person I meet, the need and offer that answer best, seen from my side."""
    _, _, room = _room(session, event_id)
    told = {other: reason(room, me, other) for other in others}
    return {other: why for other, why in told.items() if why is not None}


def _room(session: Session, event_id: int) -> tuple[tuple, list[Profile], Room]:
    """Read the event's members and their room, kept while no text and no vector changes.

    The key is cheap to take (the texts and how many are read, no vectors), so a phone asking
    why costs a lookup once the room is read.
    """
    embedder = reading.current_embedder(session)
    key = (event_id, embedder.name, embedder.version, reading.stamp(session, event_id, embedder))
    kept = _recall(_rooms, key)
    if kept is None:
        profiles = reading.profiles(session, event_id, embedder)
        kept = _keep(_rooms, key, (profiles, Room.read(profiles, embedder.floor)))
    return key, *kept


def _recall(store: OrderedDict[tuple, T], key: tuple) -> T | None:
    """Give what is kept under a key, now the most recently used, or None."""
    with _lock:
        if key in store:
            store.move_to_end(key)
            return store[key]
    return None


def _keep(store: OrderedDict[tuple, T], key: tuple, found: T) -> T:
    """Keep a result under its key, forgetting the least recently used beyond `KEPT`."""
    with _lock:
        store[key] = found
        while len(store) > KEPT:
            store.popitem(last=False)
    return found


@dataclass(frozen=True)
class NeedMet:
    """A need of one member that the offer of someone they met answers."""

    asker: int
    need: str
    offerer: int
    offer: str


def needs_met(session: Session, event_id: int, meetings: Iterable[Pair]) -> list[NeedMet]:
    """For each meeting, each side's need the other's offer answers best, if any does."""
    _, _, room = _room(session, event_id)
    met = []
    for a, b in sorted(tuple(sorted(m)) for m in set(meetings)):
        for asker, offerer in ((a, b), (b, a)):
            answer, need, offer = room.best(asker, offerer)
            if answer > 0.0:
                met.append(NeedMet(asker, need, offerer, offer))
    return met
