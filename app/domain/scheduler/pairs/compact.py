"""Empty sparse rounds by moving their meetings into rounds where both people are free.

When companies are kept apart the circle method leaves holes; a round that is mostly holes can
often be dropped: each of its meetings moves to a round where both people sit idle, or, failing
that, to one freed by swapping an alternating chain of meetings between two rounds (a Kempe
chain, as in Vizing's edge-colouring proof).
"""

from __future__ import annotations

from app.domain.scheduler.pairs.seating import Seating, nearest_free

Slots = dict[int, tuple[int, int]]  # person -> (partner, table)
Meet = tuple[int, int, int]  # (round index, a, b)


def compact(seatings: list[Seating], target: int, tables: int) -> list[Seating]:
    """Drop rounds while more than `target` remain and every meeting still finds a seat."""
    rounds = [_slots(s) for s in seatings]
    while len(rounds) > target:
        for index in _candidates(rounds)[:4]:
            trial = _without(rounds, index, tables)
            if trial is not None:
                rounds = trial
                break
        else:
            break
    return [_seating(r) for r in rounds]


def _slots(seating: Seating) -> Slots:
    """Index a seating by person."""
    slots: Slots = {}
    for table, a, b in seating:
        slots[a] = (b, table)
        slots[b] = (a, table)
    return slots


def _seating(slots: Slots) -> Seating:
    """List a round's meetings once each."""
    return [(t, a, b) for a, (b, t) in slots.items() if a < b]


def _candidates(rounds: list[Slots]) -> list[int]:
    """Order rounds by how few meetings they hold, ends of the row first on ties."""
    last = len(rounds) - 1
    return sorted(range(len(rounds)), key=lambda i: (len(rounds[i]), min(i, last - i)))


def _without(rounds: list[Slots], index: int, tables: int) -> list[Slots] | None:
    """Try to rehome every meeting of one round; give the shorter plan or None."""
    trial = [dict(r) for i, r in enumerate(rounds) if i != index]
    for _, a, b in _seating(rounds[index]):
        if not _place(trial, a, b, tables, index):
            return None
    return trial


def _place(rounds: list[Slots], u: int, v: int, tables: int, origin: int) -> bool:
    """Seat u with v in some round, swapping a Kempe chain if no round has both free.

    Rounds nearest the emptied one come first: there u and v sit at nearby tables.
    """
    order = sorted(range(len(rounds)), key=lambda r: abs(r - origin))
    for r in order:
        if u not in rounds[r] and v not in rounds[r]:
            _seat(rounds, r, u, v, tables)
            return True
    free_u = [r for r in order if u not in rounds[r]]
    free_v = [r for r in order if v not in rounds[r]]
    for alpha in free_u:
        for beta in free_v:
            chain = _chain(rounds, u, v, alpha, beta)
            if chain is not None:
                _swap(rounds, chain, alpha, beta, tables)
                _seat(rounds, alpha, u, v, tables)
                return True
    return False


def _chain(rounds: list[Slots], u: int, v: int, alpha: int, beta: int) -> list[Meet] | None:
    """Follow v's meetings alternating rounds alpha and beta; None if the chain reaches u."""
    chain: list[Meet] = []
    person, colour = v, alpha
    while person in rounds[colour]:
        partner = rounds[colour][person][0]
        chain.append((colour, person, partner))
        person, colour = partner, beta if colour == alpha else alpha
    return None if person == u else chain


def _swap(rounds: list[Slots], chain: list[Meet], alpha: int, beta: int, tables: int) -> None:
    """Move every meeting of the chain to the other of the two rounds."""
    for colour, a, b in chain:
        del rounds[colour][a], rounds[colour][b]
    for colour, a, b in chain:
        _seat(rounds, beta if colour == alpha else alpha, a, b, tables)


def _seat(rounds: list[Slots], r: int, a: int, b: int, tables: int) -> None:
    """Seat a meeting at the free table nearest to where both people sit around round r."""
    slots = rounds[r]
    used = {t for _, t in slots.values()}
    near = [
        rounds[i][p][1]
        for i in (r - 1, r + 1)
        if 0 <= i < len(rounds)
        for p in (a, b)
        if p in rounds[i]
    ]
    table = nearest_free(used, tables, near)
    slots[a] = (b, table)
    slots[b] = (a, table)
