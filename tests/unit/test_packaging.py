"""A wheel carries every file the app reads at run time, not just the Python modules."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app"


def data_files() -> set[Path]:
    """List the files under app/ that are not Python source or bytecode."""
    return {
        path
        for path in APP.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }


def packaged() -> set[Path]:
    """Expand the package-data globs of pyproject.toml as setuptools does, from app/."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["app"]
    return {path for pattern in patterns for path in APP.glob(pattern) if path.is_file()}


def test_every_data_file_is_packaged() -> None:
    missing = sorted(str(path.relative_to(ROOT)) for path in data_files() - packaged())
    assert not missing, f"add to [tool.setuptools.package-data] in pyproject.toml: {missing}"


def test_the_license_is_an_spdx_string_the_pinned_setuptools_reads() -> None:
    # A TOML table makes setuptools warn twice on every install; a string needs setuptools>=77.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert config["project"]["license"] == "MIT"
    assert "setuptools>=77" in config["build-system"]["requires"]
