"""Running kontoguide (or a Python snippet) as a real process, the way a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def clean_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The current environment without colour settings, with a private KONTOGUIDE_HOME."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")
    }
    environment.update(
        {"KONTOGUIDE_HOME": str(home), "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    )
    environment.update(extra or {})
    return environment


def run_python(
    *argv: str, home: Path, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """`python <argv>` with stdin that is not a terminal, as in CI."""
    return subprocess.run(
        [sys.executable, *argv],
        env=clean_env(home, env),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def run_kontoguide(
    *args: str, home: Path, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "kontoguide", *args, home=home, env=env, cwd=cwd)
