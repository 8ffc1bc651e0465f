"""Count meetings, rule breaks, walks and sit-outs of a plan, round by round."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from app.domain.model import Person, Plan, Round, Rules
from app.domain.scheduler.check.report import PlanReport

_MAX_PROBLEMS = 20
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


def _key(a: int, b: int) -> int:
    """Encode an unordered pair of ids as one int, cheaper to hash than a frozenset."""
    return (a << _SHIFT) | b if a < b else (b << _SHIFT) | a


def _codes(values: Mapping[int, str | None]) -> dict[int, int]:
    """Give each distinct normalised name a number; people without one get none."""
    numbers: dict[str, int] = {}
    codes: dict[int, int] = {}
    for pid, value in values.items():
        if value and value.strip():
            codes[pid] = numbers.setdefault(value.strip().casefold(), len(numbers))
    return codes


class Tally:
    """Accumulate meetings, moves and sit-outs round by round."""

    def __init__(self, present: Mapping[int, Person], rules: Rules, frozen: int) -> None:
        self.present = present
        self.frozen = frozen
        self.company = _codes({p.id: p.company for p in present.values()})
        club = _codes({p.id: p.club for p in present.values()}) if rules.avoid_same_club else {}
        self.club = club
        self.history = {_key(*sorted(h)) for h in rules.history if len(h) == 2}
        self.met: set[int] = set()
        self.meetings = dict.fromkeys(present, 0)
        self.unknown: set[int] = set()
        self.sit_outs = dict.fromkeys(present, 0)
        self.previous: dict[int, int] = {}
        self.counts = dict.fromkeys(
            ("repeats", "live_repeats", "history", "live_history", "company", "club"), 0
        )
        self.longest_walk = 0
        self.long_walks = 0

    def add_round(self, rnd: Round) -> None:
        """Count the meetings, moves and sit-outs of one round."""
        position: dict[int, int] = {}
        keys: list[int] = []
        meetings = self.meetings
        for table in rnd.tables:
            seats = table.seats
            others = len(seats) - 1
            for i, a in enumerate(seats):
                position[a] = table.number
                if a in meetings:
                    meetings[a] += others
                for b in seats[i + 1 :]:
                    keys.append((a << _SHIFT) | b if a < b else (b << _SHIFT) | a)
        self._meet(keys, rnd.number > self.frozen)
        self.unknown |= position.keys() - meetings.keys()
        self._walks(position)
        for pid in rnd.sitting_out:
            if pid in self.sit_outs:
                self.sit_outs[pid] += 1

    def _meet(self, keys: list[int], live: bool) -> None:
        """Record a round's meetings (as pair keys) and whatever rules they bend."""
        counts, met = self.counts, self.met
        fresh = set(keys) - met
        repeats = len(keys) - len(fresh)
        counts["repeats"] += repeats
        counts["live_repeats"] += repeats * live
        if self.history:
            old = len(fresh & self.history)
            counts["history"] += old
            counts["live_history"] += old * live
        met |= fresh
        for code, name in ((self.company, "company"), (self.club, "club")):
            if code:
                counts[name] += sum(
                    1
                    for k in keys
                    if (c := code.get(k >> _SHIFT)) is not None and code.get(k & _MASK) == c
                )

    def _walks(self, position: dict[int, int]) -> None:
        """Measure how far each person moves from the previous round's table."""
        previous = self.previous
        longest = self.longest_walk
        for pid, table in position.items():
            before = previous.get(pid)
            if before is not None:
                step = abs(table - before)
                if step > 1:
                    self.long_walks += 1
                    longest = max(longest, step)
                elif step > longest:
                    longest = step
        self.longest_walk = longest
        self.previous = position

    def report(self, plan: Plan, problems: list[str]) -> PlanReport:
        """Turn the tally into a report, adding the problems it reveals."""
        possible = self._possible()
        clean = not self.unknown and not self.counts["company"]
        covered = len(self.met) if clean else self._allowed(self.met)[1]
        old_possible, old_covered = self._allowed(self.history)
        unmet_new = (possible - old_possible) - (covered - old_covered)
        self._rule_problems(problems, possible - covered, unmet_new)
        shown = problems[:_MAX_PROBLEMS]
        if len(problems) > _MAX_PROBLEMS:
            shown.append(f"… and {len(problems) - _MAX_PROBLEMS} more problems")
        counts = self.counts
        return PlanReport(
            ok=not problems,
            problems=tuple(shown),
            rounds=len(plan.rounds),
            people=len(self.present),
            meetings=sum(self.meetings.values()) // 2,
            pairs_covered=covered,
            pairs_possible=possible,
            repeats=counts["repeats"],
            history_repeats=counts["history"],
            company_violations=counts["company"],
            club_meetings=counts["club"],
            meetings_per_person=self.meetings,
            sit_outs=self.sit_outs,
            longest_walk=self.longest_walk,
            long_walks=self.long_walks,
        )

    def _rule_problems(self, problems: list[str], unmet: int, unmet_new: int) -> None:
        """Name the hard rules broken: company, and repeats while new pairs remain."""
        counts = self.counts
        if counts["company"]:
            problems.append(f"{counts['company']} meetings between people of the same company")
        if counts["live_repeats"] and unmet:
            problems.append(
                f"{counts['live_repeats']} repeated meetings while {unmet} allowed pairs never meet"
            )
        if counts["live_history"] and unmet_new:
            problems.append(
                f"{counts['live_history']} meetings of pairs who met before while "
                f"{unmet_new} new pairs never meet"
            )

    def _possible(self) -> int:
        """Count the allowed pairs among people present: all pairs minus same-company ones."""
        n = len(self.present)
        sizes = Counter(self.company.values())
        return n * (n - 1) // 2 - sum(s * (s - 1) // 2 for s in sizes.values())

    def _allowed(self, keys: set[int]) -> tuple[int, int]:
        """Count the pairs in `keys` allowed among people present, and how many of them met."""
        present, company, met = self.present, self.company, self.met
        allowed = covered = 0
        for key in keys:
            a, b = key >> _SHIFT, key & _MASK
            if a in present and b in present and (a not in company or company.get(b) != company[a]):
                allowed += 1
                covered += key in met
        return allowed, covered
