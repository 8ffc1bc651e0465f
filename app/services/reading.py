"""Read members' phrases and the whole texts they come from into vectors, in the background.

Each text is read once per model and kept.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import threading
import weakref
from array import array
from collections.abc import Collection, Iterable, Iterator, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from app.adapters.database.tables import Person, PhraseVector, Registration
from app.adapters.embeddings import LEXICAL, Embedder, LexicalEmbedder, load_embedder
from app.config import Settings
from app.domain.matchmaking.phrases import Cut
from app.domain.matchmaking.profile import Profile

log = logging.getLogger("tablehop.reading")

BATCH = 64  # phrases per model call and per transaction: a crash loses at most one batch's work
_CHUNK = 500  # digests per IN (...) query, well under every database's parameter limit
SHUTDOWN_WAIT_S = 5.0


class ModelFailed(Exception):
    """The text model raised while reading a batch (not the database)."""


def digest(text: str) -> str:
    """Key a phrase by the SHA-256 of its text."""
    return hashlib.sha256(text.encode()).hexdigest()


def pack(vector: Sequence[float]) -> bytes:
    """Store a vector as little-endian float32."""
    packed = array("f", vector)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack(data: bytes) -> array:
    """Read back a stored vector."""
    vector = array("f")
    vector.frombytes(data)
    if sys.byteorder == "big":
        vector.byteswap()
    return vector


def _texts(
    session: Session, event_id: int, people: Collection[int] | None = None
) -> dict[int, tuple[Cut, Cut]]:
    """Cut registered members' offers and needs (all, or these people's), by id."""
    query = _said(event_id)
    if people is not None:
        query = query.where(Person.id.in_(list(people)))
    rows = session.exec(query).all()
    return {person: (Cut.of(offers), Cut.of(needs)) for person, offers, needs in rows}


def _said(event_id: int):
    """Select registered members' ids, offers and needs, by id."""
    return (
        select(Person.id, Person.offers, Person.needs)
        .join(Registration, Registration.person_id == Person.id)
        .where(Registration.event_id == event_id)
        .order_by(Person.id)
    )


def _unique(texts: dict[int, tuple[Cut, Cut]]) -> list[str]:
    """List each text the model reads for the event once, in the members' order."""
    read = (text for sides in texts.values() for side in sides for text in side.texts())
    return list(dict.fromkeys(read))


def _stored(session: Session, embedder: Embedder, keys: Iterable[str]) -> dict[str, bytes]:
    """Fetch the vectors this model already has for these digests."""
    found: dict[str, bytes] = {}
    for chunk in _chunks(keys):
        query = select(PhraseVector.digest, PhraseVector.vector)
        found.update(session.exec(query.where(*_of(embedder, chunk))).all())
    return found


def _of(embedder: Embedder, digests: list[str] | None = None) -> tuple:
    """Say which stored vectors are this model version's (and among these digests, if given)."""
    mine = (PhraseVector.model == embedder.name, PhraseVector.version == embedder.version)
    return mine if digests is None else (*mine, PhraseVector.digest.in_(digests))


def _chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    """Cut digests into lists short enough for one IN (...) query."""
    keys = list(keys)
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]


def read_pending(session: Session, event_id: int, embedder: Embedder) -> int:
    """Read the event's phrases this model has no vector for yet, committing batch by batch."""
    unique = _unique(_texts(session, event_id))
    known = _stored(session, embedder, map(digest, unique))
    missing = [text for text in unique if digest(text) not in known]
    session.rollback()  # end the read: each batch below is its own transaction
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        try:
            vectors = embedder.embed(batch)
        except Exception as failure:
            raise ModelFailed(f"{embedder.name} {embedder.version}: {failure!r}") from failure
        _store(session, embedder, batch, vectors)
    return len(missing)


def _store(
    session: Session, embedder: Embedder, batch: list[str], vectors: list[list[float]]
) -> None:
    """Keep one batch; phrases another worker stored meanwhile are left as they are."""
    rows = [
        PhraseVector(
            model=embedder.name,
            version=embedder.version,
            digest=digest(text),
            text=text,
            vector=pack(vector),
        )
        for text, vector in zip(batch, vectors, strict=True)
    ]
    session.add_all(rows)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        taken = _stored(session, embedder, (row.digest for row in rows))
        session.add_all(
            [_copy(row) for row in rows if row.digest not in taken]  # the rolled-back rows
        )
        session.commit()


def _copy(row: PhraseVector) -> PhraseVector:
    """A fresh row with the same values (a rolled-back one cannot be added again)."""
    return PhraseVector(
        model=row.model, version=row.version, digest=row.digest, text=row.text, vector=row.vector
    )


def _count_read(session: Session, embedder: Embedder, keys: Iterable[str]) -> int:
    """Count the digests this model has a vector for, without fetching the vectors."""
    count = select(func.count())
    return sum(session.exec(count.where(*_of(embedder, chunk))).one() for chunk in _chunks(keys))


def progress(session: Session, event_id: int, embedder: Embedder | None = None) -> tuple[int, int]:
    """Count the event's texts read by the current model, and all of them."""
    embedder = embedder or current_embedder(session)
    unique = _unique(_texts(session, event_id))
    return _count_read(session, embedder, map(digest, unique)), len(unique)


def stamp(session: Session, event_id: int, embedder: Embedder) -> tuple:
    """Say cheaply what the event's profiles depend on: members' texts, and vectors stored.

    Vectors are only ever added for a model version, so the same texts with as many vectors
    stored (for any event) means the same profiles. Two small queries, nothing cut or fetched.
    """
    texts = session.exec(_said(event_id)).all()
    stored = session.exec(select(func.count()).where(*_of(embedder))).one()
    return tuple(map(tuple, texts)), stored


def profiles(
    session: Session,
    event_id: int,
    embedder: Embedder | None = None,
    people: Collection[int] | None = None,
) -> list[Profile]:
    """Give registered members' phrases (all, or these people's) with vectors; None if not read."""
    embedder = embedder or current_embedder(session)
    texts = _texts(session, event_id, people)
    stored = _stored(session, embedder, map(digest, _unique(texts)))

    def vector(text: str) -> array | None:
        return unpack(data) if (data := stored.get(digest(text))) else None

    return [
        Profile.read(person, offers, needs, vector)
        for person, (offers, needs) in sorted(texts.items())
    ]


class Reader:
    """One background thread per process that reads the events it is asked to, one after another."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings
        self._embedder: Embedder | None = None
        self._loading = threading.Lock()
        self._lock = threading.Lock()
        self._pending: set[int] = set()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def embedder(self) -> Embedder:
        """Load the configured model on first use, once per process."""
        with self._loading:
            if self._embedder is None:
                self._embedder = load_embedder(self.settings)
            return self._embedder

    def warm_up(self) -> threading.Thread | None:
        """Load the model in the background at start, so no request waits for its weights.

        The lexical reader has no weights: nothing to load, no thread.
        """
        if self.settings.text_model == LEXICAL:
            return None
        loading = threading.Thread(
            target=lambda: self.embedder, name="tablehop-model-load", daemon=True
        )
        loading.start()
        return loading

    def read_soon(self, event_id: int) -> None:
        """Queue an event's phrases for reading; return at once."""
        with self._lock:
            if self._closed:
                return
            self._pending.add(event_id)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name="tablehop-reading", daemon=True
                )
                self._thread.start()

    def close(self) -> None:
        """Let the batch in flight finish at shutdown; what is left is read at the next start."""
        with self._lock:
            self._closed, self._pending, thread = True, set(), self._thread
        if thread is not None:
            thread.join(SHUTDOWN_WAIT_S)

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    self._thread = None
                    return
                event_id = self._pending.pop()
            try:
                with Session(self.engine) as session:
                    read_pending(session, event_id, self.embedder)
            except ModelFailed as failure:
                self._fall_back(event_id, failure)
            except Exception:  # the database: what was stored stays, the next ask goes on
                log.exception("reading the texts of event %s failed", event_id)

    def _fall_back(self, event_id: int, failure: ModelFailed) -> None:
        """The model failed mid-read: read with the lexical fallback from now on, this event too."""
        with self._loading:
            if isinstance(self._embedder, LexicalEmbedder):
                log.error("the lexical reader failed on event %s: %s", event_id, failure)
                return
            self._embedder = LexicalEmbedder()
        log.warning("text model failed (%s); matching on shared words from now on", failure)
        with self._lock:
            self._pending.add(event_id)


_readers: weakref.WeakKeyDictionary[Engine, Reader] = weakref.WeakKeyDictionary()


def attach(engine: Engine, settings: Settings) -> Reader:
    """Give an application's database its background reader."""
    reader = _readers[engine] = Reader(engine, settings)
    return reader


def reader_of(session: Session) -> Reader | None:
    """Find the reader of the database this session talks to (none outside the app)."""
    return _readers.get(session.get_bind())


def current_embedder(session: Session) -> Embedder:
    """The model this process reads with; the lexical reader outside the app."""
    reader = reader_of(session)
    return reader.embedder if reader is not None else LexicalEmbedder()


def read_soon(session: Session, event_id: int) -> None:
    """After members' texts changed and were committed: read them in the background."""
    reader = reader_of(session)
    if reader is not None:
        reader.read_soon(event_id)
