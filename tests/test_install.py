"""The README's run command puts `kontoguide` on PATH, so the commands the program prints work.

A newcomer runs the README's command, then types what kontoguide tells them
(`kontoguide resume ID`, `kontoguide export ID`) into a new shell. This test does
the same: pipx installs a copy of the project into a private PIPX_HOME and
PIPX_BIN_DIR, and the printed command lines run through bash with only that bin
folder (not the test environment's) providing `kontoguide`.

Slow (pipx builds the project and a virtual environment): deselect with `-m "not slow"`.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from kontoguide import __version__
from kontoguide.cli import messages as m

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.name != "posix" or shutil.which("bash") is None,
        reason="runs the printed commands through bash, as a Linux or macOS user would",
    ),
    pytest.mark.skipif(
        find_spec("pipx") is None,
        reason="pipx is not installed; it comes with the test extras (pip install -e '.[test]')",
    ),
]

# What a checkout holds that a fresh clone would not: left out of the copy.
_NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".venv-floors",
    "__pycache__",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "dist",
    "build",
    "*.egg-info",
)
# A line the program prints with a command to type: "Fortsätt med: kontoguide resume ID".
_PRINTED_COMMAND = re.compile(r": (kontoguide (?:resume|export) [a-z0-9-]+)$", re.MULTILINE)


def readme_run_command() -> str:
    """The command line after `<!-- run-command -->`, read the way .ci/run reads its own."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    marker = lines.index("<!-- run-command -->")
    assert lines[marker + 1] == "```bash", lines[marker + 1]
    return lines[marker + 2]


def _bash(
    command: str, *, cwd: Path, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def _user_path(extra: list[Path]) -> str:
    """PATH as a user's shell has it, without any folder that already holds a
    `kontoguide` (the test environment's editable install would hide a failure)."""
    kept = [
        folder
        for folder in os.environ.get("PATH", "").split(os.pathsep)
        if folder and not (Path(folder) / "kontoguide").exists()
    ]
    return os.pathsep.join([*(str(folder) for folder in extra), *kept])


def _pipx_shim(folder: Path) -> Path:
    # pipx from the test extras, as the `pipx` command a user has on PATH. The
    # folder of the test environment's own scripts cannot be used: it holds kontoguide.
    folder.mkdir()
    shim = folder / "pipx"
    shim.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m pipx "$@"\n', encoding="utf-8"
    )
    shim.chmod(0o755)
    return folder


def test_the_commands_the_program_prints_work_after_the_readme_install(tmp_path: Path) -> None:
    install, then = readme_run_command().split(" && ", 1)
    assert install == "pipx install ."
    assert then == "kontoguide start"  # needs a terminal: the printed commands stand in

    project = tmp_path / "kontoguide"
    shutil.copytree(ROOT, project, ignore=_NOT_IN_A_CLONE)
    bin_dir = tmp_path / "pipx-bin"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "NO_COLOR", "FORCE_COLOR")
    }
    env.update(
        {
            "PATH": _user_path([_pipx_shim(tmp_path / "tools"), bin_dir]),
            "PIPX_HOME": str(tmp_path / "pipx-home"),
            "PIPX_BIN_DIR": str(bin_dir),
            "PIPX_MAN_DIR": str(tmp_path / "pipx-man"),
            "PIPX_DEFAULT_PYTHON": sys.executable,
            "KONTOGUIDE_HOME": str(tmp_path / "kontoguide-home"),
            "PYTHONIOENCODING": "utf-8",
        }
    )

    installed = _bash(install, cwd=project, env=env, timeout=300)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    found = _bash("command -v kontoguide", cwd=tmp_path, env=env)
    assert found.stdout.strip() == str(bin_dir / "kontoguide"), found.stdout + found.stderr

    started = _bash(
        "kontoguide start --answers examples/klar-for-beslut.json --no-input", cwd=project, env=env
    )
    assert started.returncode == 0, started.stdout + started.stderr
    printed = _PRINTED_COMMAND.findall(started.stdout)
    assert [line.split()[1] for line in printed] == ["resume", "export"], started.stdout

    elsewhere = tmp_path / "elsewhere"  # not the project folder: PATH must do it
    elsewhere.mkdir()
    resume, export = (_bash(line, cwd=elsewhere, env=env) for line in printed)
    for result in (resume, export):
        assert result.returncode != 127, result.stderr
        assert "command not found" not in result.stderr
        assert "Traceback" not in result.stderr
    # No terminal here, so resume says it needs one: kontoguide's own words, so it ran.
    assert m.CLI_NO_TTY_RESUME in resume.stderr
    assert export.returncode == 0, export.stdout + export.stderr
    assert [path.suffix for path in elsewhere.iterdir()] == [".docx"]

    version = _bash("kontoguide --version", cwd=elsewhere, env=env)
    assert version.stdout.strip() == f"kontoguide {__version__}", version.stderr
