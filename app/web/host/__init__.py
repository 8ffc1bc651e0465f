"""The host screen: the panel page and the htmx swaps of its settings, people, plan and clock."""

from app.web.host import live, page, pairs, people, plan, reading

MODULES = (page, people, plan, pairs, live, reading)  # each has a `router`, included in this order
