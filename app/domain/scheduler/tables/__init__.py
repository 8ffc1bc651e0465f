"""Tables of 3 to 10: plan rounds where everyone at a table meets everyone there, and re-plan.

`plan` shapes the layout (`layout`) and fills its rounds (`fill`, four named strategies): a
relabelled design (`..designs`, `company`), a stored schedule past the design horizon
(`over_horizon`), greedy rounds and tabu searches (`search` for priced meetings, `repeats` for
repeats only), all on one `grid.Grid`. `replan` re-seats the rounds not yet held, moving few
people; `walk_ins` seats newcomers across every remaining round at once.
"""
