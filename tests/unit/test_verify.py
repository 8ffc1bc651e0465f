"""The verifier: it catches every broken rule and measures what a host looks at."""

from app.domain.model import Person, Plan, Round, Rules, Table, pair
from app.domain.scheduler import verify


def people(*ids: int, company: dict[int, str] | None = None) -> list[Person]:
    return [Person(i, company=(company or {}).get(i)) for i in ids]


def plan(*rounds: list[tuple[int, ...]], out: dict[int, tuple[int, ...]] | None = None) -> Plan:
    """Build a plan from rounds given as lists of tables (seats), numbered along the row."""
    return Plan(
        table_size=2,
        rounds=tuple(
            Round(
                r,
                tuple(Table(t, seats) for t, seats in enumerate(tables, start=1)),
                (out or {}).get(r, ()),
            )
            for r, tables in enumerate(rounds, start=1)
        ),
    )


FOUR = plan([(1, 2), (3, 4)], [(1, 3), (2, 4)], [(1, 4), (2, 3)])


def test_a_round_robin_of_four_is_ok_and_covers_every_pair():
    report = verify(FOUR, people(1, 2, 3, 4), Rules())
    assert report.ok, report.problems
    assert (report.rounds, report.pairs_covered, report.pairs_possible) == (3, 6, 6)
    assert report.repeats == 0 and report.meetings_min == report.meetings_max == 3


def test_someone_seated_twice_or_missing_is_reported():
    bad = plan([(1, 2), (1, 4)])
    problems = " ".join(verify(bad, people(1, 2, 3, 4), Rules()).problems)
    assert "more than once" in problems and "neither seated nor out" in problems


def test_unknown_people_are_reported_only_after_the_frozen_rounds():
    gone = plan([(1, 9), (3, 4)], [(1, 3)], out={2: (4,)})
    assert any("not present" in p for p in verify(gone, people(1, 3, 4), Rules()).problems)
    assert verify(gone, people(1, 3, 4), Rules(), frozen=1).ok


def test_a_table_of_one_or_three_is_the_wrong_size_for_pairs():
    problems = verify(plan([(1,), (2, 3, 4)]), people(1, 2, 3, 4), Rules()).problems
    assert sum("seats" in p for p in problems) == 2


def test_tables_of_four_may_differ_by_one_but_not_by_two():
    good = Plan(4, (Round(1, (Table(1, (1, 2, 3, 4)), Table(2, (5, 6, 7)))),))
    bad = Plan(4, (Round(1, (Table(1, (1, 2, 3, 4, 5)), Table(2, (6, 7)))),))
    assert verify(good, people(*range(1, 8)), Rules()).ok
    assert not verify(bad, people(*range(1, 8)), Rules()).ok


def test_a_repeat_while_a_pair_never_meets_is_a_problem():
    report = verify(plan([(1, 2), (3, 4)], [(1, 2), (3, 4)]), people(1, 2, 3, 4), Rules())
    assert report.repeats == 2 and not report.ok


def test_a_repeat_after_everyone_met_is_counted_but_allowed():
    report = verify(plan([(1, 2)], [(1, 2)]), people(1, 2), Rules())
    assert report.repeats == 1 and report.ok


def test_same_company_meetings_are_violations_and_not_possible_pairs():
    report = verify(FOUR, people(1, 2, 3, 4, company={1: "Acme", 2: " acme "}), Rules())
    assert report.company_violations == 1 and not report.ok
    assert report.pairs_possible == 5


def test_history_pairs_count_as_met_before():
    rules = Rules(history=frozenset({pair(1, 2)}))
    full = verify(FOUR, people(1, 2, 3, 4), rules)
    assert full.history_repeats == 1 and full.ok
    partial = verify(plan([(1, 2), (3, 4)]), people(1, 2, 3, 4), rules)
    assert not partial.ok


def test_same_club_meetings_are_counted_when_clubs_are_kept_apart():
    crowd = [Person(1, club="Rotary"), Person(2, club="rotary"), Person(3), Person(4)]
    assert verify(FOUR, crowd, Rules(avoid_same_club=True)).club_meetings == 1
    assert verify(FOUR, crowd, Rules()).club_meetings == 0


def test_sit_outs_and_their_spread_are_counted():
    three = plan([(1, 2)], [(1, 3)], [(2, 3)], out={1: (3,), 2: (2,), 3: (1,)})
    report = verify(three, people(1, 2, 3), Rules())
    assert report.ok and dict(report.sit_outs) == {1: 1, 2: 1, 3: 1}
    assert report.sit_out_spread == 0


def test_the_longest_walk_is_the_biggest_table_change_between_rounds():
    moves = Plan(
        2,
        (
            Round(1, (Table(1, (1, 2)), Table(2, (3, 4)), Table(3, (5, 6)))),
            Round(2, (Table(3, (1, 3)), Table(1, (2, 5)), Table(2, (4, 6)))),
        ),
    )
    report = verify(moves, people(*range(1, 7)), Rules())
    assert report.longest_walk == 2 and report.long_walks == 2


def test_metrics_are_plain_json_values():
    metrics = verify(FOUR, people(1, 2, 3, 4), Rules()).to_metrics()
    assert metrics["coverage"] == 1.0 and metrics["problems"] == []
    assert all(isinstance(v, int | float | bool | list) for v in metrics.values())
