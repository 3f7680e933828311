"""A one-folder kontoguide for PCs without Python: built with PyInstaller, then tried.

For an IT department that hands out kontoguide as a folder (a program plus its
libraries, with no Python to install). The script builds the folder with PyInstaller
from the Python it runs in, then runs the built program the way a user does, in an
empty KONTOGUIDE_HOME and from a folder outside the checkout: `--version`, `--help`,
`checklist list` (the city's checklist must come from inside the built folder),
`start --answers examples/komplett.json --no-input`, `export ID` to .docx and .md,
`export` of the example with a follow-up (its chart) and `overview --format xlsx`; each
file written must exist, the Word documents must open with python-docx and the
workbook with openpyxl. It prints the folder's size and the time the build took, and
exits 1 with the failing step, its output and its exit code when anything fails.

The same script builds the Windows folder on Windows (see the README, "För
IT-avdelningen"): PyInstaller builds only for the system it runs on.

Run, in a venv with kontoguide and PyInstaller (pip install -e ".[bundle]"):
    python bench/bundle.py [--dist DIR] [--work DIR]
The folder is DIR/kontoguide (default dist/kontoguide, beside the checkout's build/).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "kontoguide"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT / "src"))
from kontoguide import __version__  # noqa: E402 - the checkout's, whatever is installed

# The console script's own entry point (pyproject's [project.scripts]), as pip's
# wrapper calls it. Not the package's __main__.py: PyInstaller runs its script as
# __main__, outside the package.
LAUNCHER = "from kontoguide.cli.entry import main\n\nmain()\n"

# Package data PyInstaller does not find by following imports: python-docx's default
# template (docx/templates/default.docx and the parts it builds on), which Document()
# opens from the package folder.
COLLECT_DATA = ("docx",)

# Modules kontoguide imports inside functions are found like any other import (PyInstaller
# reads every import in the bytecode). Running the built program found none missing; a
# name added here is one that the build's checks showed was needed.
HIDDEN_IMPORTS: tuple[str, ...] = ()

# PyInstaller keeps modules inside an archive, so the folder docx/parts/ does not exist
# on disk; python-docx opens its header, footer, styles and settings templates as
# docx/parts/../templates/..., which Linux cannot resolve through a folder that is not
# there (python-docx pull request 1310). A hook that also writes the package's modules
# as files makes the folder. (Windows resolves ".." in the name itself; not tried.)
HOOKS = {"hook-docx.parts.py": 'module_collection_mode = "pyz+py"\n'}

# Left out even when the building Python has them (a development venv): pydantic's
# optional mypy plugin and its v1 hypothesis plugin would pull mypy and hypothesis in,
# and kontoguide uses neither at run time.
EXCLUDES = ("mypy", "hypothesis")

# What `kontoguide start` shows and takes in a terminal (tests/test_pty.py drives the same).
NOTICE_CONFIRM = "Jag har läst rådet och vill ändå gå vidare"
FIRST_CHOICE = "Bolag"
PAUSED = r"Fortsätt med: kontoguide resume ([a-z0-9]+)"
UP, ENTER, CTRL_C = "\x1b[A", "\r", "\x03"
EXIT_INTERRUPTED = 130

# Larger than anything the checks take on an idle machine; only stops a hung program.
STEP_TIMEOUT = 300
BUILD_TIMEOUT = 1800


class BundleError(Exception):
    """A step of the build or of the checks failed; the message says which and why."""


def program_path(dist: Path) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    return dist / NAME / f"{NAME}{suffix}"


def pyinstaller_argv(launcher: Path, hooks: Path, dist: Path, work: Path) -> list[str]:
    # The checklists live beside src/ in the checkout; the wheel puts them in the package
    # (pyproject's force-include), and so does this: importlib.resources finds them there.
    checklists = f"{ROOT / 'checklists'}{os.pathsep}{NAME}/checklists"
    argv = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--onedir",
        "--console",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        # The checkout's code, whichever kontoguide the venv has installed: it goes with
        # the checkout's checklists.
        "--paths",
        str(ROOT / "src"),
        "--add-data",
        checklists,
        "--additional-hooks-dir",
        str(hooks),
    ]
    for package in COLLECT_DATA:
        argv += ["--collect-data", package]
    for module in HIDDEN_IMPORTS:
        argv += ["--hidden-import", module]
    for module in EXCLUDES:
        argv += ["--exclude-module", module]
    return [*argv, str(launcher)]


def build(dist: Path, work: Path) -> Path:
    """Build the one-folder program into dist/kontoguide; return the program's path."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BundleError(
            'PyInstaller is not installed in this Python: pip install -e ".[bundle]"'
        ) from None
    work.mkdir(parents=True, exist_ok=True)
    launcher = work / f"{NAME}_launcher.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    hooks = work / "hooks"
    hooks.mkdir(exist_ok=True)
    for name, text in HOOKS.items():
        (hooks / name).write_text(text, encoding="utf-8")
    argv = pyinstaller_argv(launcher, hooks, dist, work)
    result = subprocess.run(
        argv,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise BundleError(
            f"PyInstaller failed (exit code {result.returncode}):\n{result.stderr[-4000:]}"
        )
    program = program_path(dist)
    if not program.is_file():
        raise BundleError(f"PyInstaller finished, but {program} is missing")
    return program


def _clean_env(home: Path) -> dict[str, str]:
    # Nothing from this Python may help the built program: it brings its own.
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env.pop("PYTHONIOENCODING", None)  # the program's own choice of encoding is tried
    env["KONTOGUIDE_HOME"] = str(home)
    env["NO_COLOR"] = "1"
    return env


class Runner:
    """Runs the built program from a folder outside the checkout, one step at a time."""

    def __init__(self, program: Path, scratch: Path) -> None:
        self.program = program
        self.cwd = scratch / "elsewhere"
        self.cwd.mkdir(parents=True)
        self.env = _clean_env(scratch / "home")
        self.done: list[str] = []

    def run(self, *args: str) -> str:
        argv = [str(self.program), *args]
        shown = " ".join([NAME, *args])
        result = subprocess.run(
            argv,
            cwd=self.cwd,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=STEP_TIMEOUT,
            check=False,
        )
        if result.returncode != 0:
            raise BundleError(
                f"`{shown}` ended with exit code {result.returncode}\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
        self.done.append(shown)
        return result.stdout

    def start(self, example: str) -> str:
        """Make a saved record from an example answers file; return its id."""
        return _record_id(self.run("start", "--answers", str(EXAMPLES / example), "--no-input"))

    def written(self, name: str) -> Path:
        target = self.cwd / name
        if not target.is_file() or target.stat().st_size == 0:
            raise BundleError(f"{target} was not written (after `{self.done[-1]}`)")
        return target


def _record_id(output: str) -> str:
    # "Sparad med id y7ejm8c6. Status: Startat." — the id is the word after "id".
    for line in output.splitlines():
        words = line.replace(".", " ").split()
        if "id" in words[:-1]:
            return words[words.index("id") + 1]
    raise BundleError(f"`start` printed no id:\n{output}")


def _open_docx(path: Path) -> int:
    import docx

    try:
        paragraphs = len(docx.Document(str(path)).paragraphs)
    except Exception as error:
        raise BundleError(f"python-docx cannot open {path}: {error}") from error
    if paragraphs == 0:
        raise BundleError(f"{path} has no paragraphs")
    return paragraphs


def _open_xlsx(path: Path) -> int:
    import openpyxl

    try:
        rows = openpyxl.load_workbook(path, read_only=True).active.max_row
    except Exception as error:
        raise BundleError(f"openpyxl cannot open {path}: {error}") from error
    return int(rows or 0)


def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
    }


def check(program: Path, scratch: Path) -> list[str]:
    """Run the built program as a user does; return what it did, one line per step.

    The folder itself must be left as it was: installed where users cannot write
    (C:\\Program Files), the program keeps everything in the user's own folder.
    """
    before = _listing(program.parent)
    report = _steps(program, scratch)
    after = _listing(program.parent)
    if after != before:
        changed = sorted(set(after.items()) ^ set(before.items()))
        raise BundleError(f"running the program changed its own folder: {changed[:10]}")
    report.append("the built folder is unchanged after every step")
    return report


def _steps(program: Path, scratch: Path) -> list[str]:
    runner = Runner(program, scratch)
    report: list[str] = []
    version = runner.run("--version").strip()
    if version != f"{NAME} {__version__}":
        raise BundleError(f"the built program says {version!r}, the checkout is {__version__}")
    report.append(f"--version: {version}")
    if "Användning" not in runner.run("--help"):
        raise BundleError("`kontoguide --help` printed no Swedish usage line")
    listed = runner.run("checklist", "list")
    inside = program.parent.resolve()
    shipped = [line for line in listed.splitlines() if line.startswith("stockholm-standard ")]
    if not shipped or not Path(shipped[0].rsplit("|", 1)[-1].strip()).resolve().is_relative_to(
        inside
    ):
        raise BundleError(f"the city's checklist is not read from inside {inside}:\n{listed}")
    report.append("checklist list: stockholm-standard, from inside the folder")
    record = runner.start("komplett.json")
    report.append(f"start --answers komplett.json --no-input: record {record}")
    runner.run("export", record, "--format", "docx", "--output", "checklista.docx")
    paragraphs = _open_docx(runner.written("checklista.docx"))
    report.append(f"export --format docx: opens with python-docx, {paragraphs} paragraphs")
    runner.run("export", record, "--format", "md", "--output", "checklista.md")
    markdown = runner.written("checklista.md").read_text("utf-8")
    if "Stadsbiblioteket" not in markdown:
        raise BundleError("checklista.md does not name the example's account")
    report.append("export --format md: written")
    followed = runner.start("startat-med-uppfoljning.json")
    runner.run("export", followed, "--format", "docx", "--output", "uppfoljning.docx")
    followed_docx = runner.written("uppfoljning.docx")
    paragraphs = _open_docx(followed_docx)
    with zipfile.ZipFile(followed_docx) as package:
        charts = [name for name in package.namelist() if name.startswith("word/charts/")]
    if not charts:
        raise BundleError(f"{followed_docx} has no chart for its follow-up")
    report.append(f"export with a follow-up: {paragraphs} paragraphs, chart {charts[0]}")
    runner.run("overview", "--format", "xlsx", "--output", "oversikt.xlsx")
    rows = _open_xlsx(runner.written("oversikt.xlsx"))
    report.append(f"overview --format xlsx: opens with openpyxl, {rows} rows")
    runner.run("validate", str(EXAMPLES / "komplett.json"))
    report.append("validate komplett.json: exit code 0")
    report.append(_interactive(runner))
    return report


def _interactive(runner: Runner) -> str:
    """Answer the city's notice in a pty, pause at the first question, find the draft.

    The prompts (questionary, prompt_toolkit) are the part a data-file check cannot
    reach. Needs a pty: skipped on Windows, where pexpect has no spawn.
    """
    try:
        import pexpect
    except ImportError:
        return "interactive start: not tried (pexpect is not installed)"
    if os.name != "posix":
        return "interactive start: not tried (no pty on this system)"
    env = {**runner.env, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}
    child = pexpect.spawn(
        str(runner.program),
        ["start"],
        env=env,
        cwd=str(runner.cwd),
        dimensions=(50, 200),
        encoding="utf-8",
        timeout=STEP_TIMEOUT,
    )
    try:
        child.expect_exact(NOTICE_CONFIRM)
        child.send(UP + ENTER)  # Ja is on top, the pointer on the default Nej
        child.expect_exact(FIRST_CHOICE)
        child.send(CTRL_C)
        child.expect(PAUSED)
        record = str(child.match.group(1))
        child.expect(pexpect.EOF)
    except (pexpect.TIMEOUT, pexpect.EOF) as error:
        raise BundleError(
            f"`kontoguide start` in a pty did not go as a user's would:\n{child.before}"
        ) from error
    finally:
        child.close()
    if child.exitstatus != EXIT_INTERRUPTED:
        raise BundleError(f"`kontoguide start` paused with exit code {child.exitstatus}")
    if record not in runner.run("list"):
        raise BundleError(f"the paused draft {record} is not in `kontoguide list`")
    return f"interactive start in a pty: notice, first question, Ctrl-C saved draft {record}"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="the folder goes here")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    try:
        began = time.perf_counter()
        program = build(dist, args.work.resolve())
        seconds = time.perf_counter() - began
        size = folder_size(program.parent) / 1_000_000
        print(f"built {program.parent} in {seconds:.0f} s: {size:.1f} MB")
        with tempfile.TemporaryDirectory(prefix="kg-bundle-") as scratch:
            for line in check(program, Path(scratch)):
                print(f"  ok  {line}")
    except (BundleError, subprocess.TimeoutExpired) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    print("the built program did every step")
    return 0


if __name__ == "__main__":
    sys.exit(main())
