"""Plan round by round, each a maximum matching of the pairs who have not met yet.

Used when some people met before, at an earlier edition (`Rules.history`). The circle method
fixes every round in advance, so dropping its old pairs leaves holes no greedy refill can close.
Here each round is built on what is still unmet, in three stages:

1. a maximum matching of new pairs from different clubs: a greedy start, whoever comes first
   in priority first, completed by Edmonds' augmenting paths (`blossom`);
2. grown by augmenting paths that may use club mates (new meetings too, only less wanted), so
   the round holds as many new meetings as any round can;
3. people still free meet someone they met before, among themselves only, so no new meeting is
   traded for an old one; only when the plan meets every new pair anyway: always in a full plan
   (it meets everyone), in a limited one once no new pair is left.

Priority: in a limited plan, whoever has had the fewest meetings so far (then whoever has the
most new partners left), so counts stay even; in a full plan, whoever has the most partners
left, as in edge colouring, so the plan ends close to Δ rounds. Greedy rounds can strand an odd
cycle for the last round (two rounds of a 4-regular graph may leave a triangle and a 5-cycle),
so a plan short of its bound is tried again with other tie-breaks, and the best one kept.
Among equals a person takes the partner sitting nearest, and tables are numbered by where the
two just sat; walks are still longer than the circle method's one table (a few pairs per round
cross a quarter of the row at n = 50).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.blossom import augment
from app.domain.scheduler.pairs.seating import Seating

Pairs = list[tuple[int, int]]  # one round's meetings, by index

_LIMITED_TRIES = 8  # attempts at a limited plan that falls short of its bound
_FULL_TRIES = 3  # attempts at a full plan longer than the lower bound + 1
_WORK = 400_000  # pairs × rounds × tries a limited plan may look at, beyond its first try


class Unmet:
    """Who has not met whom among the people present, by index, in three tiers.

    `fresh`: new pairs (and not club mates when clubs are kept apart); `club`: new pairs of club
    mates; `old`: pairs who met before. Same-company pairs are in none.
    """

    def __init__(self, constraints: Constraints) -> None:
        ids = constraints.ids
        self.ids = ids
        n = len(ids)
        at = {pid: i for i, pid in enumerate(ids)}
        old: list[set[int]] = [set() for _ in ids]
        for met in constraints.history:
            if len(met) != 2:
                continue
            a, b = met
            i, j = at.get(a), at.get(b)
            if i is not None and j is not None and not constraints.forbidden(a, b):
                old[i].add(j)
                old[j].add(i)
        everyone = set(range(n))
        company = _groups([constraints.company.get(pid) for pid in ids])
        club = _groups([constraints.club.get(pid) for pid in ids])
        self.old = old
        self.club = [(club[i] - company[i]) - old[i] for i in range(n)]
        self.fresh = [everyone - company[i] - club[i] - old[i] for i in range(n)]
        for i, j in _never(constraints.never, at):
            for tier in (self.club, self.fresh):
                tier[i].discard(j)
                tier[j].discard(i)

    def has_old(self) -> bool:
        """Tell whether any two people present who may meet have met before."""
        return any(self.old)


def _never(keys: set[int], at: dict[int, int]) -> list[tuple[int, int]]:
    """Give the index pairs of the people present who must never meet (`Rules.never`)."""
    pairs = ((at.get(k >> 32), at.get(k & 0xFFFFFFFF)) for k in keys)
    return [(i, j) for i, j in pairs if i is not None and j is not None]


def _groups(codes: list[str | None]) -> list[set[int]]:
    """Give each index the set of indices sharing its code (itself included, alone if none)."""
    members: dict[str, set[int]] = {}
    for i, code in enumerate(codes):
        if code is not None:
            members.setdefault(code, set()).add(i)
    return [members[code] if code is not None else {i} for i, code in enumerate(codes)]


def plan_unmet(
    unmet: Unmet, rounds: int | None, lower_bound: int, rng: random.Random
) -> list[Seating] | None:
    """Plan every pair (rounds=None) or the best `rounds` rounds, new pairs first.

    A full plan longer than `lower_bound` + 1 rounds after a few tries gives None: the caller
    then keeps the circle method. With a limit, a full plan is given if it fits.
    """
    if rounds is None or rounds >= lower_bound:
        best: list[Seating] | None = None
        for _ in range(_FULL_TRIES):
            plan = _Planner(unmet, rng).full()
            if best is None or len(plan) < len(best):
                best = plan
            if len(best) <= lower_bound + 1:
                break
        assert best is not None
        if rounds is None:
            return _by_id(best, unmet.ids) if len(best) <= lower_bound + 1 else None
        if len(best) <= rounds:
            return _by_id(best, unmet.ids)
    return _by_id(_limited(unmet, rounds, rng), unmet.ids)


def _limited(unmet: Unmet, rounds: int, rng: random.Random) -> list[Seating]:
    """Plan `rounds` rounds with the most new meetings, then the fairest counts."""
    n = len(unmet.ids)
    degree = [len(f) + len(c) for f, c in zip(unmet.fresh, unmet.club, strict=True)]
    edges = sum(degree) // 2
    bound = min(rounds * (n // 2), edges, sum(min(rounds, d) for d in degree) // 2)
    tries = max(1, min(_LIMITED_TRIES, _WORK // max(1, rounds * edges)))
    best, best_score = None, None
    for _ in range(tries):
        planner = _Planner(unmet, rng)
        plan = planner.limited(rounds)
        score = planner.score()
        if best_score is None or score > best_score:
            best, best_score = plan, score
        if score[0] == bound and -score[1] <= 1:
            break
    assert best is not None
    return best


class _Planner:
    """One attempt: rounds built one by one on copies of the unmet pairs."""

    def __init__(self, unmet: Unmet, rng: random.Random) -> None:
        self.n = len(unmet.ids)
        self.fresh = [set(s) for s in unmet.fresh]
        self.club = [set(s) for s in unmet.club]
        self.old = [set(s) for s in unmet.old]
        self.new_left = sum(map(len, self.fresh)) // 2 + sum(map(len, self.club)) // 2
        self.old_left = sum(map(len, self.old)) // 2
        self.meetings = [0] * self.n
        self.new_met = self.club_met = 0
        self.rng = rng
        self.where = [v // 2 + 1 for v in range(self.n)]  # last table, as if seated in order

    def full(self) -> list[Seating]:
        """Meet every pair, new ones first, in as few rounds as the greedy finds."""
        plan = []
        while self.new_left or self.old_left:
            plan.append(self._seat(self._round(full=True)))
        return plan

    def limited(self, rounds: int) -> list[Seating]:
        """Plan up to `rounds` rounds; stop early when nobody is left to meet."""
        plan: list[Seating] = []
        while len(plan) < rounds and (self.new_left or self.old_left):
            plan.append(self._seat(self._round(full=False)))
        return plan

    def _seat(self, held: Pairs) -> Seating:
        """Number tables along the row, each pair near where its two people last sat."""
        where = self.where
        held.sort(key=lambda m: where[m[0]] + where[m[1]])
        seating: Seating = []
        for table, (a, b) in enumerate(held, start=1):
            where[a] = where[b] = table
            seating.append((table, a, b))
        return seating

    def score(self) -> tuple[int, int, int]:
        """Rank a limited plan: new meetings, even counts, few club mates."""
        spread = max(self.meetings) - min(self.meetings)
        return self.new_met, -spread, -self.club_met

    def _round(self, *, full: bool) -> Pairs:
        """Build one round: new pairs (a maximum matching), then club mates, then old pairs."""
        n, fresh, club, old, meetings = self.n, self.fresh, self.club, self.old, self.meetings
        where = self.where
        tie = list(range(n))
        self.rng.shuffle(tie)
        if full:  # most partners left first
            level = [-(len(fresh[v]) + len(club[v]) + len(old[v])) for v in range(n)]
            order = sorted(range(n), key=lambda v: (level[v], where[v], tie[v]))
        else:  # fewest meetings so far first, then most new partners left
            level = meetings
            left = [len(fresh[v]) + len(club[v]) for v in range(n)]
            order = sorted(range(n), key=lambda v: (level[v], -left[v], where[v], tie[v]))
        rank = [0] * n
        for r, v in enumerate(order):
            rank[v] = r
        mate = [-1] * n
        self._greedy(order, rank, level, mate, fresh)
        _grow(order, mate, fresh.__getitem__, fresh)
        if any(club):
            self._greedy(order, rank, level, mate, club)
            _grow(order, mate, lambda v: (*fresh[v], *club[v]), fresh, club)
        if not full:
            _even_out(order, mate, meetings, fresh, club)
        new = [(v, mate[v]) for v in order if v < mate[v]]
        if full or self.new_left == len(new):
            free = {v for v in range(n) if mate[v] < 0 and old[v]}
            if len(free) > 1:
                self._greedy(order, rank, level, mate, old)
                _grow(order, mate, lambda v: old[v] & free, old)
        held = [(v, mate[v]) for v in order if v < mate[v]]
        self._record(held)
        return held

    def _record(self, held: Pairs) -> None:
        """Count a round's meetings and take its pairs out of the unmet ones."""
        fresh, club, old, meetings = self.fresh, self.club, self.old, self.meetings
        for a, b in held:
            meetings[a] += 1
            meetings[b] += 1
            if b in old[a]:
                tier = old
                self.old_left -= 1
            else:
                tier = club if b in club[a] else fresh
                self.club_met += tier is club
                self.new_met += 1
                self.new_left -= 1
            tier[a].discard(b)
            tier[b].discard(a)

    def _greedy(
        self,
        order: list[int],
        rank: list[int],
        level: list[int],
        mate: list[int],
        adjacent: list[set[int]],
    ) -> None:
        """Match people in priority order, each with the free partner first in priority:
        the same level (fewest meetings, or most partners left), then nearest."""
        where, n = self.where, self.n
        low = min(level)
        for v in order:
            if mate[v] >= 0 or not adjacent[v]:
                continue
            here = where[v]
            best = min(  # level, then distance, then rank, packed in one int
                (
                    ((level[u] - low) * n + abs(where[u] - here)) * n + rank[u]
                    for u in adjacent[v]
                    if mate[u] < 0
                ),
                default=-1,
            )
            if best < 0:
                continue
            u = order[best % n]
            mate[v] = u
            mate[u] = v


def _grow(
    order: list[int],
    mate: list[int],
    neighbours: Callable[[int], Iterable[int]],
    *tiers: list[set[int]],
) -> None:
    """Augment from every free person who has a partner in `tiers`, in priority order.

    A search that fails stays failed for the round (Edmonds), and none can succeed once fewer
    than two free people are left: the matching is then maximum.
    """
    free = [v for v in order if mate[v] < 0 and any(t[v] for t in tiers)]
    left = len(free)
    for v in free:
        if left < 2:
            break
        if mate[v] >= 0:
            continue  # matched as the far end of an earlier path: already counted
        left -= 2 if augment(v, mate, neighbours) else 1


def _even_out(
    order: list[int],
    mate: list[int],
    meetings: list[int],
    fresh: list[set[int]],
    club: list[set[int]],
) -> None:
    """Seat a free person instead of someone with more meetings, via their partner.

    Free u, x new to u and seated with v, v has had more meetings than u: u takes v's seat.
    The round keeps its size; counts get closer. New partners before club mates.
    """
    for u in order:
        if mate[u] >= 0:
            continue
        best = None
        for tier, rank in ((fresh, 0), (club, 1)):
            for x in tier[u]:
                v = mate[x]
                if v >= 0 and meetings[v] > meetings[u]:
                    key = (rank, -meetings[v])
                    if best is None or key < best[0]:
                        best = (key, x, v)
        if best is not None:
            _, x, v = best
            mate[v] = -1
            mate[x], mate[u] = u, x


def _by_id(plan: list[Seating], ids: list[int]) -> list[Seating]:
    """Name people by id rather than by index."""
    return [[(t, ids[a], ids[b]) for t, a, b in seating] for seating in plan]
