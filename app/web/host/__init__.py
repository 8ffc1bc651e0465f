"""The host screen: the panel page and the htmx swaps of its settings, people, plan and clock."""

from app.web.host import live, page, people, plan, reading

MODULES = (page, people, plan, live, reading)  # each has a `router`, included in this order
