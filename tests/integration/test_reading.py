"""Members' phrases are read once per model, batch by batch, and read back for the planner."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from app.adapters.database.engine import make_engine
from app.adapters.database.tables import Event, Person, PhraseVector
from app.adapters.embeddings import SENTENCE_ENCODER, LexicalEmbedder
from app.config import Settings
from app.services import reading
from app.services.importing import import_people

SHEET = (
    "Prénom;Nom;Courriel;Offres;Besoins\r\n"
    "Nadia;Wattez;nadia@wattez.fr;Transport routier, affrètement;Un expert-comptable\r\n"
    "Paul;Roger;paul@roger.fr;Expertise comptable, paie;Un transporteur régional\r\n"
    "Inès;Caron;ines@caron.fr;;\r\n"
)
TEXTS = 8  # phrases 2 + 1 + 2 + 1, and the two texts cut in two read whole, each once


class NextVersion(LexicalEmbedder):
    """The same reader under a new version: every phrase must be read again."""

    version = "2"


class Counting:
    """A model that reads as the lexical reader, counting what it reads, failing after a while."""

    name, version, floor = "lexical", "1", LexicalEmbedder.floor

    def __init__(self, fail_after: int | None = None) -> None:
        self.read: list[str] = []
        self.fail_after = fail_after

    def embed(self, texts):
        if self.fail_after is not None and len(self.read) >= self.fail_after:
            raise RuntimeError("the model ran out of memory")
        self.read.extend(texts)
        return LexicalEmbedder().embed(texts)


@pytest.fixture
def session(database: str) -> Iterator[Session]:
    """Open a session on an event whose three members were imported from a spreadsheet."""
    engine = make_engine(database)
    with Session(engine) as session:
        session.add(Event(id=1, title="Arras", created_ms=0))
        session.commit()
        import_people(session, 1, SHEET.encode())
        yield session
    engine.dispose()


def stored(session: Session) -> int:
    return session.exec(select(func.count()).select_from(PhraseVector)).one()


def test_progress_counts_the_texts_read_and_all_of_them(session: Session) -> None:
    embedder = Counting()
    assert reading.progress(session, 1, embedder) == (0, TEXTS)
    assert reading.read_pending(session, 1, embedder) == TEXTS
    assert reading.progress(session, 1, embedder) == (TEXTS, TEXTS)
    assert stored(session) == TEXTS


def test_profiles_carry_each_phrase_with_its_vector_once_read(session: Session) -> None:
    embedder = LexicalEmbedder()
    before = {p.person: p for p in reading.profiles(session, 1, embedder)}
    assert all(phrase.vector is None for p in before.values() for phrase in p.offers + p.needs)
    reading.read_pending(session, 1, embedder)
    after = reading.profiles(session, 1, embedder)
    nadia = session.exec(select(Person).where(Person.first_name == "Nadia")).one()
    [profile] = [p for p in after if p.person == nadia.id]
    assert [p.text for p in profile.offers] == ["Transport routier", "affrètement"]
    whole = embedder.embed(["Transport routier, affrètement"])[0]
    assert all(list(p.context) == pytest.approx(whole) for p in profile.offers)
    assert list(profile.needs[0].vector) == pytest.approx(
        embedder.embed(["Un expert-comptable"])[0]
    )
    assert len([p for p in after if not p.offers and not p.needs]) == 1  # Inès said nothing


def test_importing_the_same_texts_again_reads_nothing_again(session: Session) -> None:
    reading.read_pending(session, 1, LexicalEmbedder())
    import_people(session, 1, SHEET.encode())
    embedder = Counting()
    assert reading.read_pending(session, 1, embedder) == 0
    assert embedder.read == []
    assert stored(session) == TEXTS


def test_an_edited_text_reads_only_its_new_phrase(session: Session) -> None:
    reading.read_pending(session, 1, LexicalEmbedder())
    import_people(session, 1, SHEET.replace("Un expert-comptable", "Un avocat").encode())
    embedder = Counting()
    assert reading.progress(session, 1, embedder) == (TEXTS - 1, TEXTS)
    assert reading.read_pending(session, 1, embedder) == 1
    assert embedder.read == ["Un avocat"]


def test_a_new_model_version_reads_everything_again_and_keeps_the_old_vectors(
    session: Session,
) -> None:
    reading.read_pending(session, 1, LexicalEmbedder())
    assert reading.progress(session, 1, NextVersion()) == (0, TEXTS)
    assert reading.read_pending(session, 1, NextVersion()) == TEXTS
    assert stored(session) == 2 * TEXTS


def test_a_crash_mid_reading_keeps_the_batches_already_stored(
    session: Session, monkeypatch
) -> None:
    monkeypatch.setattr(reading, "BATCH", 2)
    with pytest.raises(reading.ModelFailed, match="out of memory"):
        reading.read_pending(session, 1, Counting(fail_after=4))
    assert reading.progress(session, 1, LexicalEmbedder()) == (4, TEXTS)
    assert reading.read_pending(session, 1, Counting()) == TEXTS - 4


def test_a_phrase_another_worker_stored_meanwhile_is_kept_once(session: Session) -> None:
    embedder = LexicalEmbedder()
    [vector] = embedder.embed(["paie"])
    other = Session(session.get_bind())
    other.add(
        PhraseVector(
            model="lexical",
            version="1",
            digest=reading.digest("paie"),
            text="paie",
            vector=reading.pack(vector),
        )
    )
    other.commit()
    other.close()
    reading._store(session, embedder, ["paie", "Un avocat"], embedder.embed(["paie", "Un avocat"]))
    assert stored(session) == 2


def wait_until_read(session: Session, embedder) -> tuple[int, int]:
    """Poll the progress until every phrase is read, for at most a generous while."""
    deadline = time.monotonic() + 30
    while (counts := reading.progress(session, 1, embedder))[0] < counts[1]:
        assert time.monotonic() < deadline, counts
        time.sleep(0.05)
    return counts


def test_the_background_reader_reads_what_it_is_asked_to(session: Session) -> None:
    reader = reading.attach(session.get_bind(), Settings(TABLEHOP_TEXT_MODEL="lexical"))
    reading.read_soon(session, 1)
    assert wait_until_read(session, reader.embedder) == (TEXTS, TEXTS)
    assert reading.current_embedder(session) is reader.embedder
    reader.close()


def test_a_model_failing_mid_reading_leaves_the_event_read_lexically(
    session: Session, monkeypatch, caplog
) -> None:
    monkeypatch.setattr(reading, "load_embedder", lambda settings: Counting(fail_after=0))
    reader = reading.attach(session.get_bind(), Settings())
    reading.read_soon(session, 1)
    assert wait_until_read(session, LexicalEmbedder()) == (TEXTS, TEXTS)
    assert type(reader.embedder) is LexicalEmbedder
    assert "matching on shared words" in caplog.text
    reader.close()


def test_the_model_is_loaded_at_start_not_at_the_first_request(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded: list[Settings] = []
    monkeypatch.setattr(reading, "load_embedder", lambda s: loaded.append(s) or LexicalEmbedder())
    reader = reading.attach(session.get_bind(), Settings(TABLEHOP_TEXT_MODEL=SENTENCE_ENCODER))
    reader.warm_up().join(30)
    assert len(loaded) == 1
    assert isinstance(reader.embedder, LexicalEmbedder)
    assert len(loaded) == 1  # kept: asking again does not load it again
    reader.close()


def test_the_lexical_reader_has_nothing_to_load_at_start(session: Session) -> None:
    reader = reading.attach(session.get_bind(), Settings(TABLEHOP_TEXT_MODEL="lexical"))
    assert reader.warm_up() is None
    reader.close()


def test_the_stamp_changes_with_a_text_or_a_vector_stored_and_only_then(session: Session) -> None:
    embedder = LexicalEmbedder()
    before = reading.stamp(session, 1, embedder)
    assert reading.stamp(session, 1, embedder) == before
    reading.read_pending(session, 1, embedder)
    read = reading.stamp(session, 1, embedder)
    assert read != before
    import_people(session, 1, SHEET.replace("Un expert-comptable", "Un avocat").encode())
    assert reading.stamp(session, 1, embedder) != read
