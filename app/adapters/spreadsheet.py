"""Read the people of a spreadsheet's CSV export: the rows that are good and why the others are not.

Line numbers are the row numbers the spreadsheet shows (header = 1, blank rows counted), because
that is where the organiser goes to fix a line: a cell holding line breaks is still one row, so
the rows after it keep the spreadsheet's numbering, not the text file's physical line number.
Company is optional here (a self-employed member may have none): an empty one is "".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

_DELIMITERS = (",", ";", "\t")
_SNIFF_CHARS = 64 * 1024
_ALIASES = {
    "first_name": "prenom firstname givenname forename",
    "last_name": "nom nomdefamille lastname surname familyname",
    "full_name": "nomcomplet nometprenom prenometnom name fullname",
    "company": "entreprise societe raisonsociale company organisation organization",
    "email": "email courriel mail adresseemail adressemail adressecourriel emailaddress",
    "phone": "telephone tel portable phone mobile",
    "club": "club reseau",
    "sector": "secteur secteurdactivite activite sector industry",
    "website": "site siteweb siteinternet website web url",
    "pitch": "pitch presentation accroche",
    "offers": "offre offres cequejepropose offers offer",
    "needs": "besoin besoins jerecherche needs need",
}
_FIELD_OF = {alias: field for field, aliases in _ALIASES.items() for alias in aliases.split()}
_OPTIONAL = ("sector", "club", "phone", "website", "pitch", "offers", "needs")
_AS_TYPED = ("pitch", "offers", "needs")  # free text: its line breaks are the member's
_TEXT_FIELDS = ("first_name", "last_name", "company", "email", *_OPTIONAL)
_REPLACED = "\ufffd"  # what decoding puts where a byte was not UTF-8
_EMAIL = re.compile(
    r"(?!\.)(?!.*\.\.)[\w.!#$%&'*+/=?^`{|}~-]+(?<!\.)@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
)
_WORKBOOKS = {
    b"PK\x03\x04": "a workbook (.xlsx or .ods)",
    b"\xd0\xcf\x11\xe0": "an old Excel workbook (.xls)",
}


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One good line of the sheet, trimmed, with the e-mail kept as typed."""

    line: int
    first_name: str
    last_name: str
    company: str
    email: str
    sector: str | None
    club: str | None
    phone: str | None
    website: str | None
    pitch: str | None
    offers: str | None = None
    needs: str | None = None

    @property
    def key(self) -> str:
        """Compare e-mails the way the import matches people: ignoring case."""
        return self.email.casefold()


@dataclass(frozen=True, slots=True)
class RowError:
    """Say which spreadsheet row was skipped, whose it was (name or e-mail as found) and why."""

    line: int
    message: str
    person: str = ""


@dataclass(frozen=True, slots=True)
class ParsedSheet:
    """Hold the good rows and the errors of the other rows, both in sheet order."""

    rows: tuple[PersonRow, ...]
    errors: tuple[RowError, ...]


class SheetRejected(ValueError):
    """Refuse a whole file, carrying the HTTP status the endpoint should answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where each known field sits in the header (first non-empty cell wins) and how wide it is."""

    of: dict[str, tuple[int, ...]]
    width: int
    split_names: bool


def parse_people_csv(data: bytes) -> ParsedSheet:
    """Turn a spreadsheet's CSV export into people and a per-row error report."""
    if len(data) > MAX_BYTES:
        raise SheetRejected(413, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    text = _decode(data)
    records = _records(text, _sniff_delimiter(text[:_SNIFF_CHARS]))
    columns = _read_header(records)
    return _set_aside_undecodable(_read_rows(records, columns))


def _decode(data: bytes) -> str:
    """Decode as UTF-8 (BOM or not) or UTF-16 with a BOM, else Windows-1252, as Excel exports."""
    kind = next((name for magic, name in _WORKBOOKS.items() if data.startswith(magic)), None)
    if kind:
        raise SheetRejected(422, f"this is {kind}, not a CSV: save it as CSV and import that")
    if data.startswith(codecs.BOM_UTF8):
        # A BOM means UTF-8: a stray bad byte marks its own row, it does not change the encoding.
        attempts = (("utf-8-sig", "replace"),)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        attempts = (("utf-16", "strict"),)
    else:
        attempts = (("utf-8", "strict"), ("cp1252", "strict"))
    for encoding, errors in attempts:
        try:
            text = data.decode(encoding, errors)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise SheetRejected(422, "not a text file: export the sheet as CSV")


def _set_aside_undecodable(sheet: ParsedSheet) -> ParsedSheet:
    """Report each row holding a byte that was not UTF-8, rather than import a garbled name."""
    good = tuple(row for row in sheet.rows if not _garbled(row))
    unreadable = tuple(
        RowError(row.line, "some characters are not valid UTF-8: retype them and import again")
        for row in sheet.rows
        if _garbled(row)
    )
    errors = tuple(sorted(sheet.errors + unreadable, key=lambda error: error.line))
    return ParsedSheet(good, errors)


def _garbled(row: PersonRow) -> bool:
    """Tell whether decoding replaced a bad byte somewhere in this row."""
    return any(_REPLACED in (getattr(row, name) or "") for name in _TEXT_FIELDS)


def _sniff_delimiter(sample: str) -> str:
    """Pick the separator that splits the header into most cells, since csv.Sniffer misreads it."""

    def width(delimiter: str) -> int:
        # A leading row of bare separators is blank, yet it already shows which one splits rows.
        rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        return next((len(cells) for cells in rows if len(cells) > 1 or _filled(cells)), 0)

    return max(_DELIMITERS, key=width)


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield each record with its spreadsheet row number, naming the row the reader chokes on."""
    row = 0
    try:
        for row, cells in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1
        ):
            yield row, cells
    except csv.Error as exc:
        raise SheetRejected(422, f"row {row + 1} cannot be read ({exc}): is a quote open?") from exc


def _read_header(records: Iterator[tuple[int, list[str]]]) -> _Columns:
    """Map the first non-blank row's titles to fields; refuse a sheet lacking required ones."""
    cells = next((cells for _, cells in records if _filled(cells)), None)
    if cells is None:
        raise SheetRejected(422, "the file is empty: it needs a header row")
    of: dict[str, tuple[int, ...]] = {}
    for index, title in enumerate(cells):
        field = _FIELD_OF.get(_normalise(title))
        if field:
            of[field] = (*of.get(field, ()), index)
    split_names = not {"first_name", "last_name"} <= of.keys() and "full_name" in of
    needed = ("email",) if split_names else ("first_name", "last_name", "email")
    missing = [field for field in needed if field not in of]
    if missing:
        found = ", ".join(repr(title.strip()) for title in cells if title.strip())
        raise SheetRejected(422, f"missing columns: {_labels(missing)}; found: {found}")
    return _Columns(of, len(cells), split_names)


def _read_rows(records: Iterator[tuple[int, list[str]]], columns: _Columns) -> ParsedSheet:
    """Check every non-blank row, reporting a repeated e-mail on its later row."""
    rows: list[PersonRow] = []
    errors: list[RowError] = []
    first_row_of: dict[str, PersonRow] = {}
    count = 0
    for line, cells in records:
        if not _filled(cells):
            continue
        count += 1
        if count > MAX_ROWS:
            raise SheetRejected(413, f"the file has more than {MAX_ROWS} rows")
        person = _person(line, cells, columns)
        if isinstance(person, RowError):
            errors.append(person)
        elif (first := first_row_of.setdefault(person.key, person)) is not person:
            errors.append(RowError(line, _duplicate(person, first), person_of(person)))
        else:
            rows.append(person)
    return ParsedSheet(tuple(rows), tuple(errors))


def person_of(row: PersonRow) -> str:
    """Name the person of a row the way the organiser typed them."""
    return f"{row.first_name} {row.last_name}"


def _duplicate(row: PersonRow, first: PersonRow) -> str:
    """Say which line was used instead, and what this one held that differs from it."""
    unused = [
        f"{_labels([field])} '{value}'"
        for field in ("first_name", "last_name", "company", *_OPTIONAL)
        if (value := getattr(row, field)) and value != getattr(first, field)
    ]
    message = f"same e-mail as line {first.line}, which was imported"
    return f"{message}; not used from this line: {', '.join(unused)}" if unused else message


def _person(line: int, cells: list[str], columns: _Columns) -> PersonRow | RowError:
    """Build the person of one row, or say what is wrong with it and whose row it is."""
    value = {field: _value(field, cells, indexes) for field, indexes in columns.of.items()}
    if columns.split_names:
        value["first_name"], value["last_name"] = _split_full_name(value["full_name"])
    email = value["email"]
    who = " ".join(filter(None, (value.get("first_name"), value.get("last_name")))) or email
    if _filled(cells[columns.width :]):
        width = f"{len(cells)} cells for {columns.width} columns"
        return RowError(line, f"{width}: is a separator inside a value without quotes?", who)
    missing = [field for field in ("first_name", "last_name", "email") if not value.get(field)]
    if missing:
        return RowError(line, f"missing {_labels(missing)}", who)
    if not _EMAIL.fullmatch(email):
        return RowError(line, f"invalid e-mail '{email}'", who)
    return PersonRow(
        line=line,
        first_name=value["first_name"],
        last_name=value["last_name"],
        company=value.get("company", ""),
        email=email,
        **{field: value.get(field) or None for field in _OPTIONAL},
    )


def _value(field: str, cells: list[str], indexes: tuple[int, ...]) -> str:
    """Take the first non-empty cell of a field, trimmed, on one line unless it is free text."""
    for index in indexes:
        if index < len(cells) and (raw := cells[index].strip()):
            return raw if field in _AS_TYPED else " ".join(raw.split())
    return ""


def _split_full_name(full: str) -> tuple[str, str]:
    """Split 'Jean Dupont', 'DUPONT Jean' or 'Dupont, Jean' into first and last name."""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    words = full.split()
    capitals = next((i for i, word in enumerate(words) if not _is_capitalised(word)), len(words))
    if 0 < capitals < len(words):
        return " ".join(words[capitals:]), " ".join(words[:capitals])
    return (words[0] if words else ""), " ".join(words[1:])


def _is_capitalised(word: str) -> bool:
    """Tell a surname in capitals ('LE GALL') from an initial ('J.')."""
    return word.isupper() and sum(char.isalpha() for char in word) > 1


def _normalise(title: str) -> str:
    """Reduce a header to lower-case letters and digits, so 'Adresse e-mail ' is 'adresseemail'."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(
        char for char in decomposed if char.isalnum() and not unicodedata.combining(char)
    )


def _filled(cells: list[str]) -> bool:
    """Tell a row with content from a blank one (empty, spaces or only separators)."""
    return any(map(str.strip, cells))


def _labels(fields: list[str]) -> str:
    """Name fields the way an organiser reads them."""
    return ", ".join(field.replace("_", " ").replace("email", "e-mail") for field in fields)
