"""Failures a use case reports; the web layer maps each to one HTTP status."""


class NotFound(LookupError):
    """The thing asked for does not exist (404)."""


class Conflict(Exception):
    """The request is understood but does not apply to the current state (409)."""


class TooLarge(Exception):
    """The upload exceeds what the event day needs (413)."""


class Unprocessable(ValueError):
    """The input is well-formed HTTP but its content cannot be used (422)."""
