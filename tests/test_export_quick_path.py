"""`kontoguide export` to Word loads only what an export needs (issue 23)."""

from __future__ import annotations

from pathlib import Path

from cli_support import run_kontoguide, run_python
from export_support import EXAMPLES


def _modules_after_export(home: Path, target: Path, names: tuple[str, ...]) -> str:
    saved = run_kontoguide(
        "start", "--answers", str(EXAMPLES / "komplett.json"), "--no-input", home=home
    )
    assert saved.returncode == 0, saved.stderr
    record_id = next((home / "records").glob("*.json")).stem
    code = (
        "import sys\n"
        "from kontoguide.cli import entry\n"
        f"sys.argv = ['kontoguide', 'export', {record_id!r}, '-o', {str(target)!r}]\n"
        "try:\n"
        "    entry.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(name for name in {names!r} if name in sys.modules))\n"
    )
    done = run_python("-c", code, home=home)
    assert done.returncode == 0, done.stderr
    assert target.is_file(), done.stdout + done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_word_export_loads_no_network_or_terminal_modules(tmp_path: Path) -> None:
    # xml.sax.saxutils brought urllib.request, http.client and ssl for two escapes.
    heavy = ("xml.sax", "urllib.request", "http.client", "ssl", "kontoguide.questionnaire.dialogue")
    found = _modules_after_export(tmp_path / "home", tmp_path / "ut.docx", heavy)
    assert found == "[]"
