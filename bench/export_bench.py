"""What exporting a record to .docx costs, against loading what it needs, and how
the largest record compares with an ordinary one (issue 23).

Measured as commands, the way a user runs them: `kontoguide export ID --format docx`
in a fresh Python process, in CPU time (user and system, bench/common.cpu_of), which
another process on a shared machine slows far less than wall-clock time. Every
measure runs once a round, in turn (A, B, C, ...), and the medians are compared:

- baseline: `python -c "import docx, pydantic, typer"`, the libraries an export
  cannot do without;
- the whole example record (examples/komplett.json) exported: target at most 2x
  the baseline;
- a started account with its follow-up (examples/startat-med-uppfoljning.json);
- the largest record of the issue: that account with fifty goals and twenty
  follow-ups measuring every goal: target at most 4x the started account, and a
  document of at most 3 MB.

The children run as an installed program does, its modules compiled once
(common.installed_env): with PYTHONDONTWRITEBYTECODE set, as on some machines, every
export compiled kontoguide's modules again.

Each record is first made with `kontoguide start --answers FILE --no-input` in a
temporary KONTOGUIDE_HOME. The model allows more follow-ups (240) than twenty; the
largest case here is the one the issue measured.

--before SRC also exports each record with an earlier version (the src folder of an
earlier checkout, pyproject.toml and checklists beside it, e.g. from `git archive int
src checklists pyproject.toml`), interleaved with this one, so before and after see the
same machine load.

Usage: python bench/export_bench.py [--runs N] [--before SRC]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import cpu_of, installed_env, interleaved

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOALS = 50
FOLLOW_UPS = 20


def largest_answers() -> dict[str, Any]:
    """The started example with fifty goals and twenty weekly follow-ups after its
    start, each measuring every goal."""
    path = EXAMPLES / "startat-med-uppfoljning.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    goals = data["step2"]["goals"]
    data["step2"]["goals"] = [
        {**goals[i % len(goals)], "description": f"Mål nummer {i + 1}"} for i in range(GOALS)
    ]
    first = date.fromisoformat(data["start"]["started_on"]) + timedelta(days=1)
    template = data["follow_ups"][-1]
    follow_ups = []
    for n in range(FOLLOW_UPS):
        held = first + timedelta(weeks=n)
        follow_up = {
            **template,
            "held_on": held.isoformat(),
            "measurements": [
                {"goal": i + 1, "value": 10 * i + n, "measured_on": held.isoformat()}
                for i in range(GOALS)
            ],
            "assessment": f"Bedömning {n + 1}.",
        }
        follow_ups.append(follow_up)
    data["follow_ups"] = follow_ups
    return data


def make_record(env: dict[str, str], home: Path, answers: Path) -> str:
    before = set((home / "records").glob("*.json")) if (home / "records").exists() else set()
    command = [sys.executable, "-m", "kontoguide", "start", "--answers", str(answers)]
    done = subprocess.run([*command, "--no-input"], env=env, capture_output=True, text=True)
    made = set((home / "records").glob("*.json")) - before
    if len(made) != 1:
        raise SystemExit(f"{answers.name} was not saved: {done.stdout}{done.stderr}")
    return made.pop().stem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", type=Path, help="the src folder of an earlier checkout")
    options = parser.parse_args()
    before, runs = options.before, options.runs
    if before is not None and not (before.parent / "pyproject.toml").is_file():
        parser.error(f"{before}: no pyproject.toml beside it (see --help)")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        env = installed_env(KONTOGUIDE_HOME=str(home), PYTHONIOENCODING="utf-8")
        largest = Path(folder) / "storst.json"
        largest.write_text(json.dumps(largest_answers(), ensure_ascii=False), encoding="utf-8")
        records = {
            "komplett": make_record(env, home, EXAMPLES / "komplett.json"),
            "startat": make_record(env, home, EXAMPLES / "startat-med-uppfoljning.json"),
            "storst": make_record(env, home, largest),
        }
        targets = {name: Path(folder) / f"{name}.docx" for name in records}

        versions = {"": env}
        if before is not None:
            versions = {" (before)": env | {"PYTHONPATH": str(before.resolve())}, "": env}

        def export(name: str, side: dict[str, str]) -> float:
            command = [sys.executable, "-m", "kontoguide", "export", records[name]]
            command += ["--format", "docx", "--output", str(targets[name]), "--force"]
            return cpu_of(command, side)

        baseline = [sys.executable, "-c", "import docx, pydantic, typer"]
        measures: dict[str, Callable[[], float]] = {"baseline": partial(cpu_of, baseline, env)}
        for label, side in versions.items():
            measures |= {name + label: partial(export, name, side) for name in records}
        medians = interleaved(measures, runs)
        sizes = {name: target.stat().st_size for name, target in targets.items()}
    print(f"rounds (interleaved, CPU time, medians): {runs}")
    print(f"import docx, pydantic, typer:          {medians['baseline'] * 1000:7.0f} ms")
    for label in versions:
        for name, what in (
            ("komplett", "export komplett.json"),
            ("startat", "export startat-med-uppfoljning"),
            ("storst", f"export {GOALS} goals x {FOLLOW_UPS} follow-ups"),
        ):
            size = sizes[name] / 1_000_000
            print(f"{what + label + ':':47} {medians[name + label] * 1000:7.0f} ms  {size:5.2f} MB")
    for label in versions:
        komplett = medians["komplett" + label] / medians["baseline"]
        largest = medians["storst" + label] / medians["startat" + label]
        print(f"komplett / baseline{label}:  {komplett:5.2f}  (target <= 2)")
        print(f"largest / started{label}:    {largest:5.2f}  (target <= 4)")
    print(f"largest document:     {sizes['storst'] / 1_000_000:5.2f} MB (target <= 3)")


if __name__ == "__main__":
    main()
