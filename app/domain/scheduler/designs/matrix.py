"""Rounds developed under Z_g from a difference matrix, for cells no other construction reaches.

Person (r, t), id r*g + t, sits in round i at table rows[r][i] + t (mod g): each table seats one
person of every row. Persons (r, t) and (s, u) meet in round i when u - t = rows[r][i] - rows[s][i],
so rounds i and j repeat no pair exactly when the differences rows[r][j] - rows[r][i] are all
distinct over r (the difference-matrix method; Colbourn & Dinitz, Handbook of Combinatorial
Designs, 2nd ed., chapter "Difference matrices"). Over Z_10 no full one, with 10 rows, exists even
for 3 rounds (a cyclic group of even order has no complete mapping), but these, with fewer rows
than g, do.

Every entry was found in this repository by the CP-SAT model of `tools/design_search/find_matrix.py`
(OR-Tools, run offline: no dependency of the app), with the command noted;
`tests/unit/test_tables_designs.py` develops each one and checks that no pair meets twice.
"""

from __future__ import annotations

from app.domain.scheduler.designs.mols import Rounds

# (tables, size) -> one row of Z_g entries (one digit a round) per person of a table
MATRICES: dict[tuple[int, int], str] = {
    # 70 people at 10 tables of 7 for 7 rounds (find_matrix.py 10 7 7, 3 s).
    (10, 7): "0000000 0648123 0784651 0413265 0369572 0275314 0152746",
    # 80 people at 10 tables of 8 for 5 rounds (find_matrix.py 10 8 5, 1 s).
    (10, 8): "00000 09528 06789 08374 04216 03691 02137 01865",
    # 90 people at 10 tables of 9 for 5 rounds (find_matrix.py 10 9 5, 6 s).
    (10, 9): "00000 08296 07469 09534 05672 06815 04728 02153 01987",
}


def develop(tables: int, text: str) -> Rounds:
    """Seat person r*tables + t of each row r at table rows[r][i] + t in round i."""
    g = tables
    rows = [[int(ch) for ch in row] for row in text.split()]
    return [
        [tuple(r * g + (s - row[i]) % g for r, row in enumerate(rows)) for s in range(g)]
        for i in range(len(rows[0]))
    ]
