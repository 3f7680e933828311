"""The one-folder build for PCs without Python (bench/bundle.py) builds and does every step.

Slow (PyInstaller builds the folder, about half a minute on an idle machine): deselect
with `-m "not slow"`. PyInstaller is not among the test extras, so without it the
build is skipped; `pip install -e ".[bundle]"` brings it. The quick test checks that a
failing step is named with its exit code, which needs no build.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "bundle.py"


def _bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed; the bundle extra has it: pip install -e '.[bundle]'",
)
def test_the_one_folder_build_runs_every_step(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=3600,
        check=False,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "the built program did every step" in result.stdout
    for step in ("checklist list", "export --format docx", "overview --format xlsx"):
        assert f"ok  {step}" in result.stdout
    folder = tmp_path / "dist" / "kontoguide"
    shipped = folder / "_internal" / "kontoguide" / "checklists"
    assert (shipped / "stockholm-standard.toml").read_bytes() == (
        ROOT / "checklists" / "stockholm-standard.toml"
    ).read_bytes()
    assert sorted(p.name for p in (shipped / "earlier" / "stockholm-standard").iterdir()) == sorted(
        p.name for p in (ROOT / "checklists" / "earlier" / "stockholm-standard").iterdir()
    )


@pytest.mark.skipif(os.name != "posix", reason="the stand-in program is a script with #!")
def test_a_failing_step_is_named_with_its_exit_code(tmp_path: Path) -> None:
    bundle = _bundle()
    program = tmp_path / "kontoguide"
    program.write_text(
        f"#!{sys.executable}\nimport sys\nprint('trasig', file=sys.stderr)\nsys.exit(3)\n",
        encoding="utf-8",
    )
    program.chmod(0o755)
    with pytest.raises(bundle.BundleError) as failure:
        bundle.check(program, tmp_path / "scratch")
    assert "`kontoguide --version` ended with exit code 3" in str(failure.value)
    assert "trasig" in str(failure.value)
