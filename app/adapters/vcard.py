"""Contacts as vCards (3.0), escaped and folded by vobject."""

from __future__ import annotations

from collections.abc import Iterable

import vobject

MEDIA_TYPE = "text/vcard; charset=utf-8"


def vcards(contacts: Iterable[dict], note: str | None = None) -> str:
    """Write one vCard per contact; only the keys a contact carries become fields."""
    return "".join(_card(contact, note).serialize() for contact in contacts)


def _card(contact: dict, note: str | None) -> vobject.base.Component:
    card = vobject.vCard()
    first, last = contact["first_name"], contact["last_name"]
    card.add("n").value = vobject.vcard.Name(family=last, given=first)
    card.add("fn").value = f"{first} {last}"
    if contact.get("company"):
        card.add("org").value = [contact["company"]]
    if contact.get("email"):
        field = card.add("email")
        field.value, field.type_param = contact["email"], "INTERNET"
    if contact.get("phone"):
        field = card.add("tel")
        field.value, field.type_param = contact["phone"], "WORK"
    if contact.get("website"):
        card.add("url").value = contact["website"]
    if note:
        card.add("note").value = note
    return card
