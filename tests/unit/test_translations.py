"""Every visible string exists in French and English; a missing translation fails here."""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.web import i18n

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("app/**.py", "python"), ("app/templates/**.html", "jinja2")]


def source_messages() -> set[str]:
    """Extract every translatable string from the code and templates, as pybabel does."""
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        METHODS,
        options_map={"app/templates/**.html": {}},
        directory_filter=_not_hidden,
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _not_hidden(path: str) -> bool:
    """Skip only dot folders, as `make i18n` does (Babel's default also skips `_*` folders)."""
    return not os.path.basename(path).startswith(".")


def test_the_sources_have_translatable_strings() -> None:
    messages = source_messages()
    assert "Sign in" in messages
    assert "Message to every screen" in messages  # from templates/host/banner.html


def test_every_visible_string_has_a_french_translation() -> None:
    with (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    translated = {
        m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.string and not m.fuzzy
    }
    missing = sorted(source_messages() - translated)
    assert missing == [], f"add these to the French catalog (make i18n): {missing}"


def test_the_browser_language_wins_over_the_event_language() -> None:
    assert i18n.choose_language("en-GB,en;q=0.9,fr;q=0.8", "fr") == "en"
    assert i18n.choose_language("de-DE,fr;q=0.5,en;q=0.7", "fr") == "en"
    assert i18n.choose_language("de-DE", "en") == "en"
    assert i18n.choose_language(None, None) == "fr"
    assert i18n.choose_language("en", "fr", asked="fr") == "fr"


def test_a_page_renders_in_french_for_a_french_browser() -> None:
    i18n.use_language("fr")
    assert i18n.translations("fr").gettext("Sign in") == "Se connecter"
    assert i18n.format_number(1234.5).replace("\u202f", " ") == "1 234,5"
