"""Reading an event shows the stored row as it is, whatever limits apply to new input."""

from __future__ import annotations

from app.adapters.database.tables import Event
from app.services.events import to_public


def test_a_stored_row_beyond_the_input_limits_is_still_shown() -> None:
    row = Event(id=7, title="T" * 250, venue="V" * 250, format="pairs", table_size=3)
    shown = to_public(row)
    assert (shown.title, shown.venue, shown.table_size) == ("T" * 250, "V" * 250, 3)
