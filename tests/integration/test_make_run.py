"""`make run` ends its output with the admin token and the links, framed, and nothing after."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.servers import ROOT, free_port


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_prints_the_token_and_links_last(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "TABLEHOP_DATA_DIR": str(tmp_path), "DATABASE_URL": ""}
    env.pop("TABLEHOP_ADMIN_TOKEN", None)
    env.pop("TABLEHOP_PUBLIC_URL", None)
    output = tmp_path / "output.txt"
    # -o: the test environment is installed already; only the run itself is under test.
    command = ["make", "--no-print-directory", "-o", ".venv/.installed-run", "run", f"PORT={port}"]
    with output.open("w") as sink:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=sink, stderr=sink, start_new_session=True
        )
        try:
            up_until = time.monotonic() + 60
            while time.monotonic() < up_until:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).is_success:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            shown = output.read_text().strip().splitlines()
        finally:
            os.killpg(process.pid, 15)
            process.wait(10)
    token = (tmp_path / "admin_token").read_text().strip()
    rule = shown[-1]
    assert set(rule) == {"="}, shown
    block = shown[len(shown) - 1 - shown[-2::-1].index(rule) :]
    assert f"  Admin token : {token}" in block
    host = f"  Host        : http://127.0.0.1:{port}/events/"
    assert any(line.startswith(host) for line in block)
    assert any(line.startswith("  Phone       : ") for line in block)
