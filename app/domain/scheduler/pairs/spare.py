"""Give the time the greedy choice leaves spare to valuable meetings, along short paths.

The greedy (`choose.py`) can leave someone p with time for another meeting while every
valuable partner's time is taken; on the benchmark (`bench/matchmaking.py`) such stranded time
was later filled with meetings worth little. Here p meets w, who has time too, or w instead of
w's partner z, and z, whose time is now free, meets q, who has time too (an augmenting path).
From each such p the path gaining the most value is taken, while one does and nobody's share
falls below the fairness floor (`Choice`). Pinned meetings stay.
"""

from __future__ import annotations

from app.domain.scheduler.pairs.choose import Choice

_EPSILON = 1e-9

Path = tuple[float, list[tuple[int, int]], list[tuple[int, int]]]  # gain, held, given up


def use_spare_time(choice: Choice) -> None:
    """Take the best fair, value-raising path from each person with time to spare, while any."""
    floor = choice.floor()
    near = choice.worth.best(2 * choice.cap)
    moved = True
    while moved:
        moved = False
        for p in range(choice.worth.n):
            if len(choice.partners[p]) >= choice.cap:
                continue
            paths = sorted(_paths(choice, near, _with_time(choice), p), reverse=True)
            path = next((t for t in paths if choice.keeps_floor(_change(t, choice), floor)), None)
            if path is not None:
                _apply(path, choice)
                moved = True


def _with_time(choice: Choice) -> dict[int, list[tuple[int, float]]]:
    """Map each person to the people with time to spare they are worth something to."""
    partners, cap = choice.partners, choice.cap
    index: dict[int, list[tuple[int, float]]] = {}
    for q, held in enumerate(partners):
        if len(held) < cap:
            for value, j in choice.worth.partners[q]:
                index.setdefault(j, []).append((q, value))
    return index


def _paths(choice: Choice, near: list, spare: dict, p: int) -> list[Path]:
    """List the value-raising paths from p: p–w, or p–w and z–q with w–z given up."""
    partners, cap, pinned = choice.partners, choice.cap, choice.worth.pinned
    paths: list[Path] = []
    for value, w in near[p]:
        if w in partners[p]:
            continue
        if len(partners[w]) < cap:
            paths.append((value, [(p, w)], []))
            continue
        for z, given in partners[w].items():
            if z == p or (min(w, z), max(w, z)) in pinned:
                continue
            for q, gained in spare.get(z, ()):
                if q not in (p, w) and q not in partners[z] and value + gained - given > _EPSILON:
                    paths.append((value + gained - given, [(p, w), (z, q)], [(w, z)]))
    return paths


def _change(path: Path, choice: Choice) -> dict[int, float]:
    """Give each person's change of value along a path."""
    change: dict[int, float] = {}
    for pairs, sign in ((path[1], 1.0), (path[2], -1.0)):
        for p, q in pairs:
            value = sign * choice.worth.of(p, q)
            change[p] = change.get(p, 0.0) + value
            change[q] = change.get(q, 0.0) + value
    return change


def _apply(path: Path, choice: Choice) -> None:
    """Give up the path's old meeting and hold its new ones."""
    for p, q in path[2]:
        value = choice.partners[p].pop(q)
        del choice.partners[q][p]
        choice.got[p] -= value
        choice.got[q] -= value
    for p, q in path[1]:
        choice.take(p, q)
