"""The wheel carries the checklist files, and an installed kontoguide finds them.

Slow (it builds a wheel and a virtual environment): deselect with `-m "not slow"`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(argv: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        argv,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{argv}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # No isolation: hatchling comes from the test extras, so no network is needed.
    _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=ROOT,
    )
    (built,) = out.glob("kontoguide-*.whl")
    return built


def test_wheel_contains_the_checklists(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        shipped = archive.read("kontoguide/checklists/stockholm-standard.toml")
    assert "kontoguide/py.typed" in names
    assert "kontoguide/__main__.py" in names
    assert shipped == (ROOT / "checklists" / "stockholm-standard.toml").read_bytes()
    assert not any(name.startswith(("tests/", "examples/", "bench/")) for name in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as archive:
        assert "kontoguide = kontoguide.cli.entry:main" in archive.read(entry_points).decode()


def test_installed_wheel_finds_its_own_checklist(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    bindir = "Scripts" if os.name == "nt" else "bin"
    python = venv / bindir / ("python.exe" if os.name == "nt" else "python")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)
    # Dependencies come from the test environment, but not its editable kontoguide:
    # a path line in a .pth file adds the folder without running the .pth files in it.
    site_packages = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=tmp_path,
        ).strip()
    )
    (site_packages / "test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )

    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env["KONTOGUIDE_HOME"] = str(tmp_path / "home")
    probe = (
        "import kontoguide; from kontoguide.checklist.folders import available_checklists; "
        "from kontoguide.checklist.loading import load_checklist; print(kontoguide.__file__); "
        "print(available_checklists()['stockholm-standard']); print(load_checklist().id)"
    )
    package_file, checklist_file, checklist_id = _run(
        [str(python), "-c", probe], cwd=work, env=env
    ).splitlines()
    installed = site_packages.resolve()
    assert Path(package_file).resolve().is_relative_to(installed)
    assert Path(checklist_file).resolve().is_relative_to(installed)
    assert not Path(checklist_file).resolve().is_relative_to(ROOT)
    assert checklist_id == "stockholm-standard"

    result = _run(
        [str(python), "-m", "kontoguide", "validate", str(ROOT / "examples" / "komplett.json")],
        cwd=work,
        env=env,
    )
    assert "komplett" in result
