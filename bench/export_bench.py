"""How long exporting the example checklist to .docx takes, relative to importing python-docx.

Measured as commands, the way a user runs them: `kontoguide export ID --format docx`
in a fresh Python process, against `python -c "import docx"` in a fresh process,
in the same run and interleaved (A, B, A, B, ...) so that a busy machine slows
both alike. The ratio is median(export) / median(import docx): about 1 means the
export costs little more than loading python-docx itself.

The example record is made first with `kontoguide start --answers
examples/komplett.json --no-input` in a temporary KONTOGUIDE_HOME. For
orientation the script also prints the in-process time of export_record alone
(modules loaded, checklist cached), which is what the questionnaire pays at the end.

Usage: python bench/export_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "komplett.json"


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def make_example(env: dict[str, str], home: Path) -> str:
    kontoguide = [sys.executable, "-m", "kontoguide"]
    command = [*kontoguide, "start", "--answers", str(EXAMPLE), "--no-input"]
    subprocess.run(command, env=env, check=True, capture_output=True)
    [record] = (home / "records").glob("*.json")
    return record.stem


def in_process(home: Path, record_id: str, target: Path, runs: int) -> float:
    os.environ["KONTOGUIDE_HOME"] = str(home)
    from kontoguide.documents.export import export_record, resolve_source

    loaded = resolve_source(record_id)
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        export_record(loaded.record, loaded.checklist, "docx", target, force=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first run imports python-docx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        env = {**os.environ, "KONTOGUIDE_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
        record_id = make_example(env, home)
        target = Path(folder) / "checklista.docx"
        export = [sys.executable, "-m", "kontoguide", "export", record_id]
        export += ["--format", "docx", "--output", str(target), "--force"]
        import_docx = [sys.executable, "-c", "import docx"]
        timed(export, env)  # warm the file cache and the .pyc files once
        timed(import_docx, env)
        exports: list[float] = []
        imports: list[float] = []
        for _ in range(runs):
            imports.append(timed(import_docx, env))
            exports.append(timed(export, env))
        size = target.stat().st_size
        inside = in_process(home, record_id, target, runs)
    export_median = statistics.median(exports)
    import_median = statistics.median(imports)
    print(f"runs (interleaved):              {runs}")
    print(f"python -c 'import docx', median: {import_median * 1000:7.1f} ms")
    print(f"kontoguide export (docx), median: {export_median * 1000:6.1f} ms  ({size} bytes)")
    print(f"ratio export / import docx:       {export_median / import_median:6.2f}")
    print(f"in-process export_record, median: {inside * 1000:6.1f} ms (for orientation)")


if __name__ == "__main__":
    main()
