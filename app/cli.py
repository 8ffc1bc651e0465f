"""`python -m app.cli prepare`: seed the demo once and print the links to open."""

from __future__ import annotations

import argparse

from sqlmodel import Session

from app.adapters.database.engine import make_engine
from app.config import Settings
from app.services.admin_token import ensure_admin_token
from app.services.demo import sample_token, seed_demo


def prepare(settings: Settings) -> None:
    """Seed the demo event if missing and print the host, projector and phone links."""
    token, _ = ensure_admin_token(settings.admin_token, settings.data_dir)
    engine = make_engine(settings.sqlalchemy_url)
    with Session(engine) as session:
        event_id, created = seed_demo(session)
        phone = sample_token(session, event_id)
    engine.dispose()
    print(links_block(settings.public_url.rstrip("/"), token, event_id, phone, created))


def links_block(base: str, token: str, event_id: int, phone: str, created: bool) -> str:
    """Frame the token and links, so they stand out as the last lines before the server runs."""
    demo = "created" if created else "already there"
    lines = [
        f"Tablehop serves {base}  (demo event {event_id}, {demo}; stop with Ctrl-C)",
        "",
        f"  Admin token : {token}",
        f"  Host        : {base}/events/{event_id}/host  (sign in at {base}/ with the token)",
        f"  Projector   : {base}/events/{event_id}/screen",
        f"  Phone       : {base}/p/{phone}",
    ]
    rule = "=" * max(len(line) for line in lines)
    return "\n".join(["", rule, *lines, rule])


def main() -> None:
    """Parse the command line and run the one command there is."""
    parser = argparse.ArgumentParser(prog="python -m app.cli")
    parser.add_argument("command", choices=["prepare"])
    parser.parse_args()
    prepare(Settings())


if __name__ == "__main__":
    main()
