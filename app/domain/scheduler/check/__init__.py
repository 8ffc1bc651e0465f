"""Check any plan against the rules and count what a host looks at (`verify`, `tally`, `report`)."""
