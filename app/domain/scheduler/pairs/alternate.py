"""Raise the chosen meetings' value along alternating chains, from meetings priced too low.

A meeting a–b worth less than the prices of a's and b's time (`choose.py`) is one the best
choice would not hold. It goes, and b meets w instead, w gives up z, z meets someone else...
until the chain closes at a (a cycle), reaches someone with time to spare, or ends with
someone giving up a meeting worth less than the chain gained. Everyone keeps within their R
meetings. The search is depth-first, as Lin and Kernighan's: every partial chain must already
gain value, and only pairs worth about their two prices or more are tried as new meetings
(along a chain, the prices of everyone inside cancel out), which prunes it hard. A chain is
made only when it raises the total value and nobody's share falls below the fairness floor
(`Choice`). Pinned meetings stay.
"""

from __future__ import annotations

from app.domain.scheduler.pairs.choose import Choice

PASSES = 3
DEPTH = 3  # meetings a chain holds instead, at most
BREADTH = (6, 4, 2)  # new partners tried at each depth
SLACK = 0.05  # how far below its two prices a pair may be and still be tried
_EPSILON = 1e-9

Chain = list[tuple[int, int, float]]  # (p, q, value: > 0 held instead, < 0 given up)


def alternate(choice: Choice) -> None:
    """Make value-raising chains from the meetings priced lowest first, for a few passes."""
    search = _Search(choice)
    for _ in range(PASSES):
        if not sum(search.from_meeting(a, b) for a, b in search.underpriced()):
            return


class _Search:
    """The chain search over one choice, with its fairness floor and the pairs worth trying."""

    def __init__(self, choice: Choice) -> None:
        worth, price = choice.worth, choice.prices
        self.choice = choice
        self.floor = choice.floor()
        self.spare = {p for p, held in enumerate(choice.partners) if len(held) < choice.cap}
        self.near = [
            sorted(((v, q) for v, q in options if v - price[p] - price[q] > -SLACK), reverse=True)
            for p, options in enumerate(worth.partners)
        ]

    def underpriced(self) -> list[tuple[int, int]]:
        """List the meetings worth less than their two prices, the furthest below first."""
        price = self.choice.prices
        below = [
            (value - price[a] - price[b], a, b)
            for a, held in enumerate(self.choice.partners)
            for b, value in held.items()
            if a < b
        ]
        return [(a, b) for gap, a, b in sorted(below) if gap < -_EPSILON]

    def from_meeting(self, a: int, b: int) -> bool:
        """Give up a–b for a value-raising chain from either end; tell whether one was made."""
        partners = self.choice.partners
        if b not in partners[a] or (a, b) in self.choice.worth.pinned:
            return False
        for start, here in ((a, b), (b, a)):
            value = partners[start][here]
            chain = self._extend([(start, here, -value)], here, -value, 0)
            if chain is not None:
                self._apply(chain)
                return True
        return False

    def _extend(self, chain: Chain, here: int, gain: float, depth: int) -> Chain | None:
        """From `here`, whose time a give-up freed, hold a new meeting and maybe give one up."""
        choice = self.choice
        partners, cap, pinned = choice.partners, choice.cap, choice.worth.pinned
        closed = self._close(chain, here, gain)
        if closed is not None or depth + 1 == DEPTH:
            return closed
        seen = {p for p, _, _ in chain} | {here}
        tried = 0
        for value, w in self.near[here]:
            if gain + value <= _EPSILON or tried == BREADTH[depth]:
                break
            if w in partners[here] or w in seen or len(partners[w]) < cap:
                continue
            tried += 1
            held = [*chain, (here, w, value)]
            for z, lost in sorted(partners[w].items(), key=lambda item: item[1]):
                if z in seen or (min(w, z), max(w, z)) in pinned:
                    continue
                given, after = [*held, (w, z, -lost)], gain + value - lost
                if after > _EPSILON and self._fair(given):
                    return given
                if self.near[z] and after + self.near[z][0][0] > _EPSILON:
                    found = self._extend(given, z, after, depth + 1)
                    if found is not None:
                        return found
        return None

    def _close(self, chain: Chain, here: int, gain: float) -> Chain | None:
        """End the chain with a meeting for `here`: with its start, or someone with time."""
        partners, of = self.choice.partners, self.choice.worth.of
        start = chain[0][0]
        seen = {p for p, _, _ in chain}
        ends = [start] if start not in partners[here] else []
        ends += [w for w in self.spare if w not in seen and w not in partners[here]]
        for value, w in sorted(((of(here, w), w) for w in ends), reverse=True):
            held = [*chain, (here, w, value)]
            if value > 0 and gain + value > _EPSILON and self._fair(held):
                return held
        return None

    def _fair(self, chain: Chain) -> bool:
        """Tell whether the chain keeps everyone it touches at or above the fairness floor."""
        change: dict[int, float] = {}
        for p, q, value in chain:
            change[p] = change.get(p, 0.0) + value
            change[q] = change.get(q, 0.0) + value
        return self.choice.keeps_floor(change, self.floor)

    def _apply(self, chain: Chain) -> None:
        """Give up the chain's old meetings and hold its new ones."""
        choice = self.choice
        for p, q, value in chain:
            if value < 0:
                del choice.partners[p][q], choice.partners[q][p]
                choice.got[p] += value
                choice.got[q] += value
        for p, q, value in chain:
            if value > 0:
                choice.take(p, q)
        for p in {p for link in chain for p in link[:2]}:
            (self.spare.add if len(choice.partners[p]) < choice.cap else self.spare.discard)(p)
