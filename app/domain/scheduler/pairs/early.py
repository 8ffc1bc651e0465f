"""Seat people round the circle so valuable pairs meet early, walks still one table at most.

With time for every pair, the circle method holds them all and moves everyone at most one table
a round whatever seat each person starts from: the starting seats only decide *when* each pair
meets. Two people's seats are swapped while that raises what the evening holds if cut short,
the sum over meetings of value × (R − round), R the number of rounds. Swapping x and y gives
each the other's partner in every round, so the change is known from their partner lists alone
(numpy: every y at once for a given x). Only people of no company trade seats, and, where club
mates are kept apart, only within a club: company mates keep meeting in the last rounds, which
the compactor empties, and club mates as late as before. Then the rotation of the circle (any
round first, either way round) that holds the most is chosen.
"""

from __future__ import annotations

import numpy as np

from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.circle import Couple, circle_rounds
from app.domain.scheduler.pairs.seating import Seating
from app.domain.scheduler.pairs.worth import Worth

SWEEPS = 4  # passes over everyone; most of the gain comes in the first two
WORK = 30_000_000  # people² × rounds × sweeps allowed: 4 sweeps up to about 120 people


def arrange(couples: list[Couple], constraints: Constraints, worth: Worth) -> list[Couple]:
    """Give the couples with starting seats traded so that valuable pairs meet early."""
    n = len(constraints.ids)
    at = {pid: i for i, pid in enumerate(constraints.ids)}
    ghost = n  # an odd crowd's empty seat: its partner sits out, worth nothing
    rounds = circle_rounds(couples, None)
    sweeps = min(SWEEPS, WORK // max(1, n * n * len(rounds)))
    if not sweeps:
        return couples
    partners = np.full((n + 1, len(rounds)), ghost)
    for k, seating in enumerate(rounds):
        for _, a, b in seating:
            partners[at[a], k], partners[at[b], k] = at[b], at[a]
    seats = [ghost if p is None else at[p] for couple in couples for p in couple]
    values = _values(worth, n)
    weights = np.arange(len(rounds), 0, -1, dtype=float)
    groups = _groups(constraints)
    for _ in range(sweeps):
        if not _sweep(partners, seats, values, weights, groups):
            break
    people = [None if i == ghost else constraints.ids[i] for i in seats]
    return [(people[c], people[c + 1]) for c in range(0, len(people), 2)]  # type: ignore[misc]


def best_rotation(seatings: list[Seating], worth: Worth, ids: list[int]) -> list[Seating]:
    """Give the circle's rounds from the start and in the direction that hold the most if cut."""
    at = {pid: i for i, pid in enumerate(ids)}
    held = np.array([sum(worth.ranked(at[a], at[b]) for _, a, b in s) for s in seatings])
    count = len(held)
    weights = np.arange(count, 0, -1, dtype=float)
    steps = np.arange(count)
    start, step = max(
        ((k, d) for k in range(count) for d in (1, -1)),
        key=lambda kd: float(weights @ held[(kd[0] + kd[1] * steps) % count]),
    )
    return [seatings[(start + step * r) % count] for r in range(count)]


def _values(worth: Worth, n: int) -> np.ndarray:
    """Give the (n + 1)² matrix of what each meeting is worth for ordering (the ghost: 0)."""
    values = np.zeros((n + 1, n + 1))
    for i, options in enumerate(worth.partners):
        for _, j in options:
            values[i, j] = worth.ranked(i, j)
    for i, j in worth.must:
        values[i, j] = values[j, i] = worth.ranked(i, j)
    return values


def _groups(constraints: Constraints) -> np.ndarray:
    """Give each person's swap group: people of no company by club; -1 for those who stay."""
    codes: dict[str | None, int] = {}
    group = [
        -1
        if pid in constraints.company
        else codes.setdefault(constraints.club.get(pid), len(codes))
        for pid in constraints.ids
    ]
    return np.array([*group, -1])


def _sweep(
    partners: np.ndarray,
    seats: list[int],
    values: np.ndarray,
    weights: np.ndarray,
    groups: np.ndarray,
) -> bool:
    """Let each person in turn trade seats with whoever gains the evening the most; tell if any."""
    n = len(partners) - 1
    everyone = np.arange(n + 1)
    own = (values[everyone[:, None], partners] * weights).sum(axis=1)
    traded = False
    for x in range(n):
        if groups[x] < 0:
            continue
        mine = partners[x]
        gain = (
            (values[x][partners] * weights).sum(axis=1)  # x facing each y's partners
            + values[:, mine] @ weights  # each y facing x's partners
            - own[x]
            - own
        )
        np.add.at(gain, mine, 2 * weights * values[x, mine])  # x and y who meet keep meeting
        gain[(groups != groups[x]) | (everyone == x)] = 0.0
        y = int(gain.argmax())
        if gain[y] > 1e-9:
            _trade(partners, x, y)
            i, j = seats.index(x), seats.index(y)
            seats[i], seats[j] = y, x
            touched = np.unique(np.concatenate([[x, y], partners[x], partners[y]]))
            own[touched] = (values[touched[:, None], partners[touched]] * weights).sum(axis=1)
            traded = True
    return traded


def _trade(partners: np.ndarray, x: int, y: int) -> None:
    """Swap x's and y's seats: each takes the other's partner in every round they do not meet."""
    ghost = len(partners) - 1
    px, py = partners[x].copy(), partners[y].copy()
    apart = px != y
    rounds = np.flatnonzero(apart)
    partners[x, rounds], partners[y, rounds] = py[rounds], px[rounds]
    for person, mates in ((y, px[rounds]), (x, py[rounds])):
        facing = mates != ghost
        partners[mates[facing], rounds[facing]] = person
    partners[ghost] = ghost
