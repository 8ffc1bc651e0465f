"""What an event's meetings are worth and why: members' texts read so far, and their wishes.

Values are computed from what is stored now and never wait on the model: a phrase not read yet
is worth nothing until it is. The last few results are kept per process, keyed by everything
they depend on (the model, each phrase and whether it is read, the wishes, the pairs kept
apart), so the host's plan view and the phones do not recompute the same matrix.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlmodel import Session

from app.domain.matchmaking import Profile, Reason, pair_values, reason
from app.domain.model import Pair
from app.services import reading, wishes

KEPT = 4  # valuations kept per process: a few events planned side by side


@dataclass(frozen=True)
class Valuation:
    """Each member's profile, the value of every pair worth something, and the model's floor."""

    profiles: dict[int, Profile]
    values: dict[Pair, float]
    floor: float


_kept: OrderedDict[tuple, Valuation] = OrderedDict()
_lock = threading.Lock()


def valuation(session: Session, event_id: int, never: frozenset[Pair]) -> Valuation:
    """Value the pairs of an event's members from what is read now; "rather not" pairs are 0."""
    embedder = reading.current_embedder(session)
    wished = wishes.meet_wishes(session, event_id)
    profiles = [
        replace(p, wishes=wished.get(p.person, frozenset()))
        for p in reading.profiles(session, event_id, embedder)
    ]
    key = (event_id, embedder.name, embedder.version, never, tuple(map(_fingerprint, profiles)))
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
    values = pair_values(profiles, floor=embedder.floor, never=never)
    found = Valuation({p.person: p for p in profiles}, values, embedder.floor)
    with _lock:
        _kept[key] = found
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
    return found


def reasons(session: Session, event_id: int, me: int, others: set[int]) -> dict[int, Reason]:
    """Say, for each person I meet, the need and offer that match best, seen from my side."""
    embedder = reading.current_embedder(session)
    found = {p.person: p for p in reading.profiles(session, event_id, embedder, {me, *others})}
    mine = found.get(me)
    if mine is None:
        return {}
    told = {other: reason(mine, found[other], embedder.floor) for other in others if other in found}
    return {other: why for other, why in told.items() if why is not None}


@dataclass(frozen=True)
class NeedMet:
    """A need of one member that the offer of someone they met answers."""

    asker: int
    need: str
    offerer: int
    offer: str


def needs_met(session: Session, event_id: int, meetings: Iterable[Pair]) -> list[NeedMet]:
    """For each meeting, each side's need the other's offer answers best, if any does."""
    embedder = reading.current_embedder(session)
    found = {p.person: p for p in reading.profiles(session, event_id, embedder)}
    met = []
    for a, b in sorted(tuple(sorted(m)) for m in set(meetings)):
        for asker, offerer in ((a, b), (b, a)):
            if asker in found and offerer in found:
                needing, offering = (
                    replace(found[asker], offers=()),
                    replace(found[offerer], needs=()),
                )
                told = reason(needing, offering, embedder.floor)
                if told is not None:
                    met.append(NeedMet(asker, told.need, offerer, told.offer))
    return met


def _fingerprint(profile: Profile) -> tuple:
    """What a profile's value depends on: its phrases, which are read, and its wishes."""
    read = tuple((p.text, p.vector is not None) for p in (*profile.offers, *profile.needs))
    return profile.person, len(profile.offers), read, profile.wishes
