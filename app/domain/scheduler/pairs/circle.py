"""The circle method laid along a row of tables, so everyone moves at most one table a round.

One person stays at table 1; the others walk round a loop of seats: along the top side of the
row, back along the bottom. Each round everyone on the loop moves one seat on, which is at most
one table over, and after n−1 moves everyone has faced everyone once (a 1-factorisation of K_n).
With an odd number of people a ghost takes the fixed seat and whoever faces it sits out.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from app.domain.scheduler.constraints import Constraints
from app.domain.scheduler.pairs.seating import Seating

Couple = tuple[int | None, int]


def circle_rounds(
    couples: list[Couple], forbidden: Callable[[int, int], bool] | None
) -> list[Seating]:
    """Seat every round of the circle method, ending with `couples` facing each other."""
    m = len(couples)
    total = 2 * m - 1
    fixed = couples[0][0]
    ring = [couples[j + 1][0] for j in range(m - 1)] + [couples[m - 1 - k][1] for k in range(m)]
    shift = 0 if fixed is not None else 1
    tables = range(2 - shift, m + 1 - shift)
    rounds: list[Seating] = []
    for k in range(total):
        off = (total - 1 - k) % total
        seats = ring[off:] + ring[:off]
        seating = list(zip(tables, seats[: m - 1], reversed(seats[m - 1 : 2 * m - 2]), strict=True))
        if fixed is not None:
            seating.insert(0, (1, fixed, seats[2 * m - 2]))
        if forbidden is not None:
            seating = [s for s in seating if not forbidden(s[1], s[2])]
        rounds.append(seating)
    return rounds  # type: ignore[return-value]


def couples_for(constraints: Constraints, rng: random.Random) -> list[Couple]:
    """Choose who faces whom in the last round: company mates first, then club mates.

    Company mates facing each other in the last round (and sitting at neighbouring tables, so
    they also face each other in the rounds just before) gather the forbidden pairs into a few
    sparse rounds the compactor can then empty; club mates facing each other meet last.
    """
    line = _line_up(constraints, rng)
    couples = [(line[i], line[i + 1]) for i in range(0, len(line), 2)]
    couples.sort(key=lambda c: c[0] is not None)  # the ghost, if any, takes the fixed seat
    return couples  # type: ignore[return-value]


def _line_up(constraints: Constraints, rng: random.Random) -> list[int | None]:
    """Line people up company by company (largest first, odd sizes side by side), then clubs."""
    by_company: dict[str, list[int]] = {}
    singles: list[int] = []
    ids = list(constraints.ids)
    rng.shuffle(ids)
    for pid in ids:
        code = constraints.company.get(pid)
        (by_company.setdefault(code, []) if code else singles).append(pid)
    blocks = sorted(by_company.values(), key=lambda b: (len(b) % 2, -len(b)))
    club = constraints.club
    singles.sort(key=lambda pid: club.get(pid, ""))
    line: list[int | None] = []
    for block in blocks:
        if len(block) % 2 and len(ids) % 2 and None not in line:
            line.append(None)  # the ghost pairs off the first odd company's spare member
        block.sort(key=lambda pid: club.get(pid, ""))
        line.extend(block)
    if len(line) + len(singles) < len(ids) + len(ids) % 2:
        line.append(None)
    line.extend(singles)
    return line
