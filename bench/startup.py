"""The floor of kontoguide's commands, as ratios to importing their libraries.

Run: python bench/startup.py [--runs N] [--before SRC]

Each command runs in a fresh process, interleaved with its baseline in the same
run, and its CPU time (user + system) is measured; the median of --runs rounds is
printed, with the ratio to the baseline (issue 23):

- `kontoguide --help` and `kontoguide list` with no checklists against
  `python -c "import typer"` (targets: --help at most 1.5, list at most 2.5);
- the first question on screen of `kontoguide start` (the Schrems II notice's
  confirmation, in a pseudo-terminal) against
  `python -c "import typer,questionary,pydantic,rich.console"` (target at most 1.5);
- `kontoguide schema`, which loads the models, for orientation.

The children run without PYTHONDONTWRITEBYTECODE, so the warm-up round compiles each
version's modules as installing it would (see common.installed_env).

--before SRC also times an earlier version, interleaved with this one, so before and
after are measured under the same load. SRC is the `src` folder of a checkout of it,
with its `checklists` and `pyproject.toml` beside it (kontoguide reads a checkout's
checklists only there), e.g. `git archive COMMIT src checklists pyproject.toml`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import cpu_of, cpu_until_shown, installed_env, interleaved

CONFIRM = "Jag har läst rådet och vill ändå gå vidare".encode()
TARGETS = {"--help": 1.5, "list": 2.5, "start": 1.5}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--before", type=Path, help="the src folder of an earlier checkout (see above)"
    )
    options = parser.parse_args()
    python = sys.executable
    home = tempfile.mkdtemp(prefix="kg-bench-")
    env = installed_env(KONTOGUIDE_HOME=home, PYTHONIOENCODING="utf-8")
    screen = {**env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "100"}
    screen.pop("NO_COLOR", None)
    libraries = "import typer,questionary,pydantic,rich.console"
    measures: dict[str, Callable[[], float]] = {
        "import typer": lambda: cpu_of([python, "-c", "import typer"], env),
        "import typer,questionary,...": lambda: cpu_of([python, "-c", libraries], env),
    }
    versions: dict[str, dict[str, str]] = {"": {}}
    if options.before:
        if not (options.before.parent / "pyproject.toml").is_file():
            parser.error(f"{options.before}: no pyproject.toml beside it (see --help)")
        versions = {" (before)": {"PYTHONPATH": str(options.before.resolve())}, "": {}}
    kontoguide = [python, "-m", "kontoguide"]
    for label, extra in versions.items():
        side, tty = env | extra, screen | extra
        measures |= {
            f"--help{label}": partial(cpu_of, [*kontoguide, "--help"], side),
            f"list{label}": partial(cpu_of, [*kontoguide, "list"], side),
            f"start{label}": partial(cpu_until_shown, [*kontoguide, "start"], CONFIRM, tty),
            f"schema{label}": partial(cpu_of, [*kontoguide, "schema"], side),
        }
    times = interleaved(measures, options.runs)
    typer_alone = times["import typer"]
    baselines = {"--help": typer_alone, "list": typer_alone, "schema": typer_alone}
    baselines["start"] = times["import typer,questionary,..."]
    print(f"CPU time, median of {options.runs} interleaved runs each")
    for name, seconds in times.items():
        command = name.split(" ")[0]
        base = baselines.get(command)
        ratio = f"ratio {seconds / base:4.2f}" if base else ""
        target = f"(target <= {TARGETS[command]})" if command in TARGETS else ""
        print(f"  {name:30} {seconds * 1000:7.1f} ms   {ratio} {target}")


if __name__ == "__main__":
    main()
