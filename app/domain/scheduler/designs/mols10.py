"""A pair of orthogonal Latin squares of order 10, which neither GF(q) nor MacNeish gives.

Such pairs exist (Parker, "Orthogonal Latin squares", PNAS 45 (1959) 859, disproving Euler's
conjecture). This pair was found in this repository by `tools/design_search/find_mate.py --seed 1`
(CP-SAT, OR-Tools, run offline): the first square is the cyclic one with intercalates switched, the
second its orthogonal mate. `tests/unit/test_tables_designs.py` checks both are Latin and
orthogonal. With rows and columns they seat 100 people at 10 tables of 10 for 4 rounds.
"""

from __future__ import annotations

FIRST = """
5678901234
6234017895
7395628401
8406739512
9062845173
0123456789
1789562340
2840173956
3951284067
4517390628
"""

SECOND = """
0123456789
8405173296
9732581640
6297018435
7349805162
2964730851
4570962318
1086249573
5618394027
3851627904
"""


def _square(text: str) -> tuple[tuple[int, ...], ...]:
    """Read one row of digits a line."""
    return tuple(tuple(int(ch) for ch in line) for line in text.split())


MOLS_10 = (_square(FIRST), _square(SECOND))
