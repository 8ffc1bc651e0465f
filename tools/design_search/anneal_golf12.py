"""Anneal 12 rounds of 10 tables of 5 under Z_5 on the quotient of `find_golf12.py`.

Offline tool, not part of the app. Same model as `find_golf12.py` (rounds 0..9 split the ten
orbits into halves with a shift per orbit; rounds 10 and 11 seat orbits 0..4, then 5..9, as
tables of their own), searched by simulated annealing over moves that re-shift one orbit in one
round or swap two orbits between the halves of one round (each also re-shifted at random).

    python tools/design_search/anneal_golf12.py [--steps N] [--seed N] [--restarts R]
"""

from __future__ import annotations

import argparse
import math
import random

from tables import grid_repeats  # bench/tables.py: the shared verifier's count

from app.domain.scheduler.tables.over_horizon import develop_rounds

NO, M, R, A = 10, 5, 12, 10
TABLED = {10: set(range(0, 5)), 11: set(range(5, 10))}


class State:
    def __init__(self, rng: random.Random) -> None:
        self.side = []  # side[r][o]: 0 or 1, or -1 when the orbit is its own table
        self.shift = [[rng.randrange(M) for _ in range(NO)] for _ in range(R)]
        for r in range(R):
            if r < A:
                order = list(range(NO))
                rng.shuffle(order)
                row = [0] * NO
                for o in order[5:]:
                    row[o] = 1
            else:
                row = [-1 if o in TABLED[r] else 0 for o in range(NO)]
            self.side.append(row)
        self.cnt = [[[0] * M for _ in range(NO)] for _ in range(NO)]
        for r in range(R):
            self._round(r, 1)

    def _round(self, r: int, sign: int) -> None:
        side, shift = self.side[r], self.shift[r]
        for o in range(NO):
            if side[o] < 0:
                continue
            for q in range(o + 1, NO):
                if side[q] == side[o]:
                    self.cnt[o][q][(shift[q] - shift[o]) % M] += sign

    def cost(self) -> int:
        cnt = self.cnt
        return sum(max(0, c - 1) for o in range(NO) for q in range(o + 1, NO) for c in cnt[o][q])

    def _touch(self, r: int, o: int, sign: int) -> int:
        """Add or remove orbit o's meetings in round r; return the change in cost."""
        side, shift = self.side[r], self.shift[r]
        delta = 0
        for q in range(NO):
            if q == o or side[q] != side[o]:
                continue
            a, b = (o, q) if o < q else (q, o)
            d = (shift[b] - shift[a]) % M
            c = self.cnt[a][b][d]
            if sign > 0:
                delta += 1 if c >= 1 else 0
            else:
                delta -= 1 if c >= 2 else 0
            self.cnt[a][b][d] = c + sign
        return delta

    def words(self) -> list[str]:
        out = []
        for r in range(R):
            cells = []
            for o in range(NO):
                s = self.side[r][o]
                cells.append("T" if s < 0 else f"{'ab'[s]}{self.shift[r][o]}")
            out.append(" ".join(cells))
        return out


def anneal(rng: random.Random, steps: int, t0: float = 1.5, t1: float = 0.05) -> tuple[int, list]:
    st = State(rng)
    cost = st.cost()
    best, best_words = cost, st.words()
    for step in range(steps):
        temp = t0 * (t1 / t0) ** (step / steps)
        r = rng.randrange(R)
        side = st.side[r]
        if r < A and rng.random() < 0.5:
            o = rng.randrange(NO)
            q = rng.choice([q for q in range(NO) if side[q] != side[o]])
            so, sq = side[o], side[q]
            old = (st.shift[r][o], st.shift[r][q])
            delta = st._touch(r, o, -1)
            side[o] = -2
            delta += st._touch(r, q, -1)
            side[q] = -2
            new = (rng.randrange(M), rng.randrange(M))
            st.shift[r][o], st.shift[r][q] = new
            side[o] = sq
            delta += st._touch(r, o, 1)
            side[q] = so
            delta += st._touch(r, q, 1)
            if delta <= 0 or rng.random() < math.exp(-delta / temp):
                cost += delta
            else:
                st._touch(r, q, -1)
                side[q] = -2
                st._touch(r, o, -1)
                st.shift[r][o], st.shift[r][q] = old
                side[o] = so
                st._touch(r, o, 1)
                side[q] = sq
                st._touch(r, q, 1)
        else:
            live = [o for o in range(NO) if side[o] >= 0]
            o = rng.choice(live)
            old = st.shift[r][o]
            new = (old + rng.randrange(1, M)) % M
            delta = st._touch(r, o, -1)
            st.shift[r][o] = new
            delta += st._touch(r, o, 1)
            if delta <= 0 or rng.random() < math.exp(-delta / temp):
                cost += delta
            else:
                st._touch(r, o, -1)
                st.shift[r][o] = old
                st._touch(r, o, 1)
        if cost < best:
            best, best_words = cost, st.words()
            if best == 0:
                break
    return best, best_words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--steps", type=int, default=2_000_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--restarts", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    overall = None
    for _ in range(args.restarts):
        best, words = anneal(rng, args.steps)
        print("orbit repeats", best, flush=True)
        if overall is None or best < overall[0]:
            overall = (best, words)
    best, words = overall
    print("ROUNDS = (")
    for w in words:
        print(f'    "{w}",')
    print(")")
    print("repeats:", grid_repeats(develop_rounds(tuple(words)))[0])


if __name__ == "__main__":
    main()
