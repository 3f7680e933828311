"""Start-up time of `kontoguide --help` as a ratio to `python -c "import typer"`.

Run: python bench/startup.py [runs]. Target (issue 2): ratio at most 1.5.
Also shows `kontoguide schema` and `kontoguide list`, which load the models.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import median_times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    python = sys.executable
    script = Path(python).with_name("kontoguide")
    kontoguide = [str(script)] if script.exists() else [python, "-m", "kontoguide"]
    os.environ["KONTOGUIDE_HOME"] = tempfile.mkdtemp(prefix="kg-bench-")
    times = median_times(
        {
            "import typer": [python, "-c", "import typer"],
            "kontoguide --help": [*kontoguide, "--help"],
            "kontoguide list": [*kontoguide, "list"],
            "kontoguide schema": [*kontoguide, "schema"],
        },
        runs,
    )
    base = times["import typer"]
    print(f"median of {runs} interleaved runs each")
    for name, seconds in times.items():
        print(f"  {name:<20} {seconds * 1000:7.1f} ms   ratio {seconds / base:4.2f}")
    ratio = times["kontoguide --help"] / base
    print(f"ratio kontoguide --help / import typer: {ratio:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
