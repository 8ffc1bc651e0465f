"""Time a 500-member spreadsheet import end to end, beside a bare csv.reader pass.

Builds the export an organiser really sends (semicolon, Windows-1252, French headers, a few
faulty lines), then times: (1) the reference, `csv.reader` over the decoded text; (2) our parser;
(3) the whole HTTP import into a fresh SQLite database (and PostgreSQL when reachable), person
upserts and registrations included. Prints medians over several runs and the ratios.

    .venv/bin/python bench/importing.py [--members 500] [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from app.adapters.database.engine import make_engine  # noqa: E402
from app.adapters.spreadsheet import parse_people_csv  # noqa: E402
from app.config import Settings  # noqa: E402
from app.main import create_app  # noqa: E402

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TOKEN = "bench-admin-token"
FAULTY_ROWS = (37, 120, 388, 451)


def export(members: int) -> bytes:
    """Write the members as a French spreadsheet exports them, with a few faulty lines."""
    lines = ["Nom;Prénom;Société;Courriel;Téléphone;Club;Secteur"]
    for index in range(members):
        email = "" if index + 2 in FAULTY_ROWS else f"membre{index}@artois.example"
        lines.append(
            f"Lefèvre-{index};Œdipe;Société {index % 97};{email};03 21 00 00 00;CJD;Négoce"
        )
    return "\r\n".join(lines).encode("cp1252")


def median_ms(action, runs: int) -> float:
    """Run an action several times and give its median duration in milliseconds."""
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations)


def reference(data: bytes) -> None:
    """Decode and split the file with the standard library only."""
    list(csv.reader(io.StringIO(data.decode("cp1252")), delimiter=";"))


def import_once(url: str, data: bytes, folder: Path) -> dict:
    """Create the schema afresh, then import the file through the API."""
    engine = make_engine(url)
    SQLModel.metadata.drop_all(engine)
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    settings = Settings(database_url=url, TABLEHOP_DATA_DIR=folder, TABLEHOP_ADMIN_TOKEN=TOKEN)
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {TOKEN}"
        event_id = client.post("/api/events", json={"title": "Bench"}).json()["id"]
        started = time.perf_counter()
        report = client.post(
            f"/api/events/{event_id}/participants/import",
            files={"file": ("membres.csv", data, "text/csv")},
        ).json()
        report["ms"] = (time.perf_counter() - started) * 1000
    return report


def postgres_available() -> bool:
    """Tell whether the local PostgreSQL answers."""
    try:
        engine = make_engine(POSTGRES_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def main() -> None:
    """Measure and print the table; write bench/results/importing.json."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = export(args.members)
    rows = {"reference csv.reader": median_ms(lambda: reference(data), args.runs)}
    rows["our parser"] = median_ms(lambda: parse_people_csv(data), args.runs)
    with tempfile.TemporaryDirectory() as folder:
        urls = {"import via API, SQLite": f"sqlite:///{folder}/bench.db"}
        if postgres_available():
            urls["import via API, PostgreSQL"] = POSTGRES_URL
        for name, url in urls.items():
            reports = [import_once(url, data, Path(folder)) for _ in range(args.runs)]
            rows[name] = statistics.median(r["ms"] for r in reports)
            last = reports[-1]
            print(
                f"{name}: imported {last['imported']}, errors at rows "
                f"{[e['line'] for e in last['errors']]}"
            )
    base = rows["reference csv.reader"]
    print(f"\n{args.members} members, {len(data)} bytes, median of {args.runs} runs")
    print(f"{'step':<30}{'ms':>10}{'× reference':>14}")
    for name, ms in rows.items():
        print(f"{name:<30}{ms:>10.1f}{ms / base:>14.1f}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "importing.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
