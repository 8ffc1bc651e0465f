"""Raise a limited plan's worth by exchanging partners within a round, once rounds are full.

After the rounds are split and filled (`valued.py`), a valuable pair a–b may still be unmet:
the greedy choice passed it over, or filling a round to a maximum matching gave it up. In some
round, a sits with a' and b with b'; a and b may meet there instead, and a' and b' then meet
each other (when they may and have not), or one of them meets a valuable partner whose own
partner meets the other (three tables rotate), or, when one of a and b sat out, the other's
partner sits out in turn. Every round keeps its number of tables, no pair meets twice, and a
move is made only when it raises the fairness-weighted total (`choose.py`). Pinned meetings
stay. A round is tried only where a–b is worth more to a or to b than what they hold there.
Rotations are tried only while the plan is small enough (`ROTATE_WORK`): at 500 people they
would take seconds.
"""

from __future__ import annotations

from app.domain.scheduler.constraints import HISTORY
from app.domain.scheduler.pairs.choose import Choice
from app.domain.scheduler.pairs.worth import FORBIDDEN

Meetings = list[tuple[int, int]]
PASSES = 3
NEAR = 8  # partners tried for the third table of a rotation
ROTATE_WORK = 300_000  # candidate pairs × rounds × NEAR up to which rotations are tried
_EPSILON = 1e-9


class Rounds:
    """The rounds as partner lists, with who met whom and each person's value so far."""

    def __init__(self, planned: list[Meetings], choice: Choice) -> None:
        n = choice.worth.n
        self.choice = choice
        self.rotate = len(choice.candidates) * len(planned) * NEAR <= ROTATE_WORK
        self.mates = [[-1] * n for _ in planned]
        self.met: set[int] = set()
        self.near = choice.worth.best(NEAR)
        choice.got[:] = [0.0] * n
        for mate, held in zip(self.mates, planned, strict=True):
            for i, j in held:
                mate[i], mate[j] = j, i
                self.met.add(choice.worth.key(i, j))
                choice.got[i] += choice.worth.of(i, j)
                choice.got[j] += choice.worth.of(i, j)

    def meetings(self) -> list[Meetings]:
        """Give the rounds back as pair lists."""
        return [[(v, u) for v, u in enumerate(mate) if v < u] for mate in self.mates]

    def fresh(self, i: int, j: int) -> bool:
        """Tell whether two people may meet and have not (a history pair only to fill)."""
        worth = self.choice.worth
        return FORBIDDEN < worth.tier(i, j) < HISTORY and worth.key(i, j) not in self.met


def exchange(planned: list[Meetings], choice: Choice) -> list[Meetings]:
    """Make improving exchanges for the candidate pairs, best first, for a few passes."""
    rounds = Rounds(planned, choice)
    for _ in range(PASSES):
        moved = [_best_move(rounds, i, j, v) for i, j, v in choice.candidates]
        if not any(moved):
            break
    return rounds.meetings()


Move = tuple[Meetings, Meetings]  # (meetings given up, meetings held instead), in one round


def _best_move(rounds: Rounds, a: int, b: int, value: float) -> bool:
    """Seat a–b in the round and way that gains most, if any does; tell whether it moved."""
    if rounds.choice.worth.key(a, b) in rounds.met:
        return False
    best = None
    of = rounds.choice.worth.of
    for mate in rounds.mates:
        x, y = mate[a], mate[b]
        if x >= 0 and y >= 0 and value <= min(of(a, x), of(b, y)):
            continue
        for move in _moves(rounds, mate, a, b):
            gain = _gain(rounds, move)
            if gain > _EPSILON and (best is None or gain > best[0]):
                best = (gain, mate, move)
    if best is None:
        return False
    _apply(rounds, best[1], best[2])
    return True


def _moves(rounds: Rounds, mate: list[int], a: int, b: int) -> list[Move]:
    """List the ways to seat a–b in one round, with a's partner x and b's partner y.

    x and y meet each other; or, when they may not, one of them meets a valuable partner w
    whose own partner z meets the other (a rotation of three tables); when a or b sat out,
    the other's partner sits out instead.
    """
    x, y = mate[a], mate[b]
    if x < 0 and y < 0:
        return []  # both were out: the fill would have seated them
    pinned = rounds.choice.worth.pinned
    if any(q >= 0 and (min(p, q), max(p, q)) in pinned for p, q in ((a, x), (b, y))):
        return []
    if x < 0 or y < 0:
        p, q = (b, y) if x < 0 else (a, x)
        return [([(p, q)], [(a, b)])]
    moves: list[Move] = []
    if rounds.fresh(x, y):
        moves.append(([(a, x), (b, y)], [(a, b), (x, y)]))
    for u, v in ((x, y), (y, x)) if rounds.rotate else ():
        for _, w in rounds.near[u]:
            z = mate[w]
            if z < 0 or w in (a, b, v) or z in (a, b, u, v) or (min(w, z), max(w, z)) in pinned:
                continue
            if rounds.fresh(u, w) and rounds.fresh(z, v):
                moves.append(([(a, x), (b, y), (w, z)], [(a, b), (u, w), (z, v)]))
    return moves


def _gain(rounds: Rounds, move: Move) -> float:
    """Price a move by the fairness-weighted total it adds."""
    choice = rounds.choice
    of = choice.worth.of
    change: dict[int, float] = {}
    for pairs, sign in ((move[0], -1.0), (move[1], 1.0)):
        for p, q in pairs:
            v = sign * of(p, q)
            change[p] = change.get(p, 0.0) + v
            change[q] = change.get(q, 0.0) + v
    return sum(choice.more(p, dv) for p, dv in change.items())


def _apply(rounds: Rounds, mate: list[int], move: Move) -> None:
    """Make a move in one round: partners, meetings and values follow."""
    worth, got = rounds.choice.worth, rounds.choice.got
    for pairs, sign in ((move[0], -1), (move[1], 1)):
        for p, q in pairs:
            v = sign * worth.of(p, q)
            got[p] += v
            got[q] += v
            if sign < 0:
                rounds.met.discard(worth.key(p, q))
                mate[p] = mate[q] = -1
            else:
                rounds.met.add(worth.key(p, q))
                mate[p], mate[q] = q, p
