"""Schedules taken from the literature where we have no construction of our own.

Each is kept as printed, one round a line, one letter a person, so it can be checked against
its source by eye; `tests/unit/test_tables_designs.py` verifies that no pair meets twice.

Source of both: the Wolfram Demonstrations Project, "Social Golfer Problem"
(demonstrations.wolfram.com/SocialGolferProblem), as transcribed under T(18,3) = 9 and
T(32,4) = 11 in `literature.md` of the GitHub repository fpvandoorn/Dagstuhl-tables. We keep
the first 8 and 10 rounds: the last printed round seats the pairs that never met (aA, bB, ...)
and repeats other pairs.
"""

from __future__ import annotations

from string import ascii_lowercase, ascii_uppercase

# 18 people at 6 tables of 3 for 8 rounds: a nearly Kirkman triple system NKTS(18); the nine
# pairs aA, ..., iI never meet.
NKTS_18 = """
ABC DEF GHI afh bdi ceg
Abc Def Ghi aFH BdI CEg
abC deF ghI AfH BDi cEG
aBc dEf gHi AFh bDI CeG
ADG BEH CFI aei bfg cdh
Adg Beh Cfi aEI bFG cDH
adG beH cfI AEi BFg CDh
aDg bEh cFi AeI BfG CdH
"""

# 32 people at 8 tables of 4 for 10 rounds, the original social golfer problem (10 rounds were
# first reached by A. Aguado in 2004; 11 are impossible); the pairs aA, ..., pP never meet.
GOLFERS_32 = """
ABCD EFGH IJKL MNOP abcd efgh ijkl mnop
AEIm BcgH DFKp dfkP aeiM bCGh jLNo JlnO
Aflo Bhkm DGiN aFLO bHKM CeJP cEjp dgIn
AciL BdjK bDJk FgoP fGOp aCIl EhMn eHmN
AgKN BElP DHIo dhiO beLp Cfjm cFJM aGkn
AhJp BFin cDmO bfIN eGKl CdMo EgkL aHjP
AdeF BGJo aDEf chlN iKmP CHLn bgjO IkMp
AbnP aBNp DglM ceko fHiJ CEKO FhIj dGLm
AGjM BeIO DhLP agJm cfKn CFkN bEio dHlp
AHkO BfLM Dejn bFlm cGIP Cgip dEJN ahKo
"""

Rounds = list[list[tuple[int, ...]]]


def parse(text: str, people: int) -> Rounds:
    """Read letters as people: the first people//2 capitals, then as many small letters."""
    half = people // 2
    index = {ch: i for i, ch in enumerate(ascii_uppercase[:half] + ascii_lowercase[:half])}
    return [
        [tuple(sorted(index[ch] for ch in table)) for table in line.split()]
        for line in text.strip().splitlines()
    ]


# (tables, size) -> rounds
PUBLISHED: dict[tuple[int, int], Rounds] = {
    (6, 3): parse(NKTS_18, 18),
    (8, 4): parse(GOLFERS_32, 32),
}
