"""The organiser's admin token: configured, or generated once and kept under data/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TOKEN_FILE = "admin_token"


def ensure_admin_token(configured: str | None, data_dir: Path) -> tuple[str, bool]:
    """Return the admin token and whether it was just generated (so it is printed once)."""
    if configured:
        return configured, False
    path = data_dir / TOKEN_FILE
    if path.exists():
        return path.read_text().strip(), False
    data_dir.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(token + "\n")
    return token, True
