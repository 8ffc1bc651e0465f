"""1:1 events: plan everyone meeting every allowed partner once, and re-plan after walk-ins.

`plan` chooses how: the circle method along the row (`circle`), with companies kept apart by
emptying sparse rounds (`compact`) and shortening walks (`walks`); maximum matchings of the
pairs not met yet when some met before (`unmet`, `blossom`); a choice of rounds when time is
short (`limit`, `matching`). `replan` keeps held rounds and seats newcomers in leavers' places
(`stand_ins`). `seating` turns (table, a, b) rows into the plan's rounds.
"""
