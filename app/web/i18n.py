"""French and English: gettext catalogs read at start-up, one language per request."""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from datetime import UTC, datetime
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.dates import format_datetime, format_time, get_timezone
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

LANGUAGES = ("fr", "en")
SOURCE_LANGUAGE = "en"  # msgids are English; the French catalog translates every one
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
_current: ContextVar[str] = ContextVar("language", default="fr")


@cache
def translations(language: str) -> gettext.NullTranslations:
    """Load a catalog straight from its .po file, so there is no compile step to forget."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == SOURCE_LANGUAGE or not path.exists():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def choose_language(
    accept_language: str | None, event_language: str | None, asked: str | None = None
) -> str:
    """Pick `?lang=`, else the browser's first supported language, else the event's."""
    if asked in LANGUAGES:
        return asked
    for tag in _preferences(accept_language or ""):
        if tag in LANGUAGES:
            return tag
    return event_language if event_language in LANGUAGES else LANGUAGES[0]


def _preferences(header: str) -> list[str]:
    """Order an Accept-Language header by its q-values, keeping primary subtags."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.split("-")[0].lower()))
    return [tag for _, _, tag in sorted(ranked)]


def use_language(language: str) -> None:
    """Make `language` the one templates and messages render in for this request."""
    _current.set(language)


def current_language() -> str:
    """Tell which language this request renders in."""
    return _current.get()


def _(message: str, **values: object) -> str:
    """Translate a message into the current language and fill its named values."""
    text = translations(current_language()).gettext(message)
    return text % values if values else text


def gettext_raw(message: str) -> str:
    """Translate without filling values (Jinja fills them itself)."""
    return translations(current_language()).gettext(message)


def ngettext_raw(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count, without filling values."""
    return translations(current_language()).ngettext(singular, plural, count)


def format_number(value: float) -> str:
    """Write a number as the current language does (1 234,5 or 1,234.5)."""
    return format_decimal(value, locale=Locale.parse(current_language()))


def format_duration(ms: int) -> str:
    """Write a duration as m:ss, the way every countdown reads (whole seconds elapsed)."""
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def format_clock_time(epoch_ms: int, tz: str = "Europe/Paris") -> str:
    """Write a time of day (e.g. an estimated end) in the current language."""
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=UTC)
    return format_time(moment, format="short", tzinfo=get_timezone(tz), locale=current_language())


def format_moment(epoch_ms: int, tz: str = "Europe/Paris") -> str:
    """Write a date and time in the current language."""
    moment = datetime.fromtimestamp(epoch_ms / 1000, tz=UTC)
    return format_datetime(
        moment, format="medium", tzinfo=get_timezone(tz), locale=current_language()
    )
