"""Who may meet whom, and how much a meeting is worth, as fast integer look-ups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.domain.model import Person, PlanError, Rules, pair

# A meeting's tier: lower tiers are scheduled first, a club or history pair only when needed.
NEW, CLUB, HISTORY = 0, 1, 2


def _key(a: int, b: int) -> int:
    """Encode an unordered pair of ids as one int, cheaper to hash than a frozenset."""
    return (a << 32) | b if a < b else (b << 32) | a


def _code(value: str | None) -> str | None:
    """Normalise a company or club name the way `Rules` compares them."""
    return value.strip().casefold() if value and value.strip() else None


class Constraints:
    """The rules applied to the people present, by person id."""

    def __init__(self, people: Sequence[Person], rules: Rules) -> None:
        self.people = list(people)
        self.ids = [p.id for p in people]
        self.company = {p.id: c for p in people if (c := _code(p.company))}
        clubs = {p.id: c for p in people if (c := _code(p.club))}
        self.club = clubs if rules.avoid_same_club else {}
        self.history = rules.history
        self.values = rules.values
        self.never = {_key(*sorted(p)) for p in rules.never if len(p) == 2}
        self.sizes = Counter(self.company.values())

    def forbidden(self, a: int, b: int) -> bool:
        """Tell whether two people may never meet (same company, or a pair in `Rules.never`)."""
        company = self.company
        if a in company and company.get(b) == company[a]:
            return True
        return bool(self.never) and _key(a, b) in self.never

    def value(self, a: int, b: int) -> float:
        """Give what a meeting is worth (`Rules.values`; 0 when nothing is known)."""
        return self.values.get(pair(a, b), 0.0) if self.values else 0.0

    def apart(self) -> bool:
        """Tell whether any pair present is kept apart (a company shared, or `Rules.never`)."""
        return bool(self.company or self.never)

    def tier(self, a: int, b: int) -> int:
        """Rank a meeting: new first, then same club, then pairs who met before."""
        if self.history and pair(a, b) in self.history:
            return HISTORY
        club = self.club
        return CLUB if a in club and club.get(b) == club[a] else NEW

    def degree(self, pid: int) -> int:
        """Count whom someone may meet among the people present."""
        code = self.company.get(pid)
        return len(self.ids) - (self.sizes[code] if code else 1)

    def max_degree(self) -> int:
        """Give Δ, the most people anyone may meet: no plan can use fewer rounds."""
        smallest = min((self.sizes[c] for c in self.company.values()), default=1)
        singles = len(self.ids) > len(self.company)
        return len(self.ids) - (1 if singles else smallest)

    def allowed_pairs(self) -> int:
        """Count the pairs allowed to meet."""
        n = len(self.ids)
        return n * (n - 1) // 2 - sum(s * (s - 1) // 2 for s in self.sizes.values())

    def check(self) -> None:
        """Refuse people and rules that cannot make a plan, saying why in the host's words."""
        if len(self.ids) < 2:
            raise PlanError(f"A plan needs at least two people present; there are {len(self.ids)}.")
        if len(set(self.ids)) != len(self.ids):
            twice = sorted(i for i, k in Counter(self.ids).items() if k > 1)
            raise PlanError(f"People {twice} are listed more than once.")
        alone = [p for p in self.people if self.degree(p.id) == 0]
        if alone:
            names = ", ".join(f"{p.id} ({p.company})" for p in alone[:5])
            more = f" and {len(alone) - 5} more" if len(alone) > 5 else ""
            raise PlanError(
                f"Nobody present may meet {names}{more}: everyone here is from the same company."
            )
