"""What `kontoguide overview` (and `kontoguide list`) cost per record over 2,000 records.

The records are made from the examples (each saved as kontoguide saves it, then
given its own id, organisation and dates) in a temporary folder. Each command runs
over all of them and over 1 record, interleaved in the same run so both see the
same machine load; the difference divided by the extra records is the cost per
record. The reference is reading and parsing the same files with `json.loads`,
measured in the same run; the ratio to it is printed, and so is the time of
kontoguide's own safe reader (inputfile.read_json_object: size, depth, number
and surrogate checks), which both commands use for every file.

Target (issue 11): at most 0.5 ms per record on top of reading the JSON.

Usage: python bench/overview_bench.py [--records 2000] [--runs 5] [--before SRC]
       python bench/overview_bench.py --xlsx [--runs 3]

--xlsx times the Excel workbook alone (overview.xlsx.to_xlsx, in this process, CPU
time) for 1,250 and 10,000 records, interleaved, and prints the ratio: about 8 when
the cost grows linearly with the records (issue 20: it was quadratic, 1,250 records
3 s and 10,000 records 103 s).

--memory prints the peak memory and CPU time of one `list` over --records records
(target, issue 23: at most 150 MiB at 5,000), without and with the list cache.

--before SRC also times an earlier version in the same run, interleaved with this
one (SRC is the `src` folder of a checkout of it, e.g. from `git archive`), so the
figures before and after a change are measured under the same machine load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from common import median_times

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ORGANISATIONS = (
    "Kulturförvaltningen",
    "Idrottsförvaltningen",
    "Socialförvaltningen",
    "Stadsbyggnadskontoret",
    "Trafikkontoret",
    "Utbildningsförvaltningen",
    "Miljöförvaltningen",
    "Stockholm Vatten och Avfall",
)


def _saved_examples() -> list[dict[str, Any]]:
    from kontoguide.checklist.loading import load_checklist
    from kontoguide.store import drafts
    from kontoguide.store.storage import record_json

    checklist = load_checklist()
    out = []
    for path in sorted(EXAMPLES.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        record, _ = drafts.prefilled(data, checklist, "x")
        out.append(json.loads(record_json(drafts.settle(record, checklist))))
    return out


def make_records(folder: Path, count: int) -> list[Path]:
    """`count` saved records in `folder`, named by their ids as in the drafts folder."""
    folder.mkdir(parents=True, exist_ok=True)
    examples = _saved_examples()
    paths = []
    for index in range(count):
        data = json.loads(json.dumps(examples[index % len(examples)]))
        data["id"] = f"b{index:06d}"
        data["organisation"]["name"] = ORGANISATIONS[index % len(ORGANISATIONS)]
        data["account_name"] = f"Konto {index}"
        path = folder / f"{data['id']}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        # Older than the list cache's two seconds, as a saved record is when it is listed.
        os.utime(path, (time.time() - 60, time.time() - 60))
        paths.append(path)
    return paths


def _per_file(paths: list[Path], read: Any, runs: int) -> float:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        for path in paths:
            read(path)
        samples.append((time.perf_counter() - began) / len(paths))
    return statistics.median(samples)


def xlsx_bench(runs: int, sizes: tuple[int, int] = (1250, 10_000)) -> None:
    """The workbook's CPU time for the two sizes, interleaved; the ratio shows the growth."""
    from kontoguide.overview.records import gather
    from kontoguide.overview.report import build
    from kontoguide.overview.xlsx import to_xlsx

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "records"
        make_records(folder, 8)
        sample = build(gather([folder]), date(2027, 1, 10))
    reports = {}
    for size in sizes:
        rows = [
            row.model_copy(update={"id": f"b{index:06d}"})
            for index, row in zip(range(size), itertools.cycle(sample.records), strict=False)
        ]
        reports[size] = sample.model_copy(update={"records": rows})
    samples: dict[int, list[float]] = {size: [] for size in sizes}
    for _ in range(runs):
        for size in sizes:
            began = time.process_time()
            to_xlsx(reports[size])
            samples[size].append(time.process_time() - began)
    small, large = (statistics.median(samples[size]) for size in sizes)
    print(f"xlsx, median CPU time of {runs} interleaved runs")
    print(f"{sizes[0]:6d} records {small:7.2f} s ({small / sizes[0] * 1e3:.3f} ms/record)")
    print(f"{sizes[1]:6d} records {large:7.2f} s ({large / sizes[1] * 1e3:.3f} ms/record)")
    print(f"ratio {large / small:.1f} for {sizes[1] // sizes[0]} times the records (linear: 8)")


def memory_bench(count: int, before: Path | None) -> None:
    """Peak memory and CPU time of one `kontoguide list` over `count` records: the
    earlier version (--before), then this one without its list cache and with it."""
    import shutil
    import subprocess

    def peak(env: dict[str, str]) -> tuple[float, float]:
        argv = [sys.executable, "-m", "kontoguide", "list"]
        child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime

    with tempfile.TemporaryDirectory() as temp:
        home = Path(temp)
        make_records(home / "records", count)
        env = {**os.environ, "KONTOGUIDE_HOME": str(home), "COLUMNS": "100"}
        sides = {}
        if before:
            sides["before"] = peak({**env, "PYTHONPATH": str(before.resolve())})
        shutil.rmtree(home / "cache", ignore_errors=True)
        sides["no cache"] = peak(env)
        sides["cache"] = peak(env)
    for name, (mib, cpu) in sides.items():
        print(f"list over {count}, {name:8s} peak {mib:6.0f} MiB, CPU {cpu:5.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="the src folder of an earlier version")
    parser.add_argument("--xlsx", action="store_true", help="time the Excel workbook only")
    parser.add_argument("--memory", action="store_true", help="peak memory of list only")
    options = parser.parse_args()
    if options.memory:
        memory_bench(options.records, options.before)
        return
    if options.xlsx:
        xlsx_bench(options.runs)
        return
    count = options.records

    from kontoguide.files.inputfile import read_json_object

    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp)
        many = make_records(base / "many" / "records", count)
        make_records(base / "one" / "records", 1)
        home = base / "home"
        python = [sys.executable, "-m", "kontoguide"]

        def env(folder: Path, *argv: str, source: Path | None = None) -> list[str]:
            where = [f"PYTHONPATH={source}"] if source else []
            return ["env", *where, f"KONTOGUIDE_HOME={folder}", "COLUMNS=100", *python, *argv]

        versions: dict[str, Path | None] = {"": None}
        if options.before:
            versions = {" (before)": options.before.resolve(), "": None}
        commands: dict[str, list[str]] = {}
        for label, source in versions.items():
            commands |= {
                f"overview json{label}, N": env(
                    home, "overview", str(base / "many"), "-f", "json", source=source
                ),
                f"overview json{label}, 1": env(
                    home, "overview", str(base / "one"), "-f", "json", source=source
                ),
                f"overview table{label}, N": env(
                    home, "overview", str(base / "many"), source=source
                ),
                f"overview table{label}, 1": env(
                    home, "overview", str(base / "one"), source=source
                ),
                f"list{label}, N": env(base / "many", "list", source=source),
                f"list{label}, 1": env(base / "one", "list", source=source),
            }
        times = median_times(commands, options.runs)
        loads = _per_file(many, lambda p: json.loads(p.read_bytes()), options.runs)
        safe = _per_file(many, read_json_object, options.runs)

    print(f"{count} records, median of {options.runs} interleaved runs")
    print(f"reference: read + json.loads {loads * 1e3:.3f} ms/record")
    print(f"           read_json_object {safe * 1e3:.3f} ms/record (the safe reader)")
    names = [
        f"{name}{label}"
        for name in ("overview json", "overview table", "list")
        for label in versions
    ]
    for name in names:
        whole, single = times[f"{name}, N"], times[f"{name}, 1"]
        per = (whole - single) / (count - 1)
        extra = per - loads
        verdict = "within" if extra <= 0.0005 else "OVER"
        print(
            f"{name:24s} {whole:6.2f} s for N, {single:5.2f} s for 1: {per * 1e3:.3f} ms/record, "
            f"ratio to json.loads {per / loads:5.1f}, on top of reading {extra * 1e3:.3f} ms "
            f"({verdict} the 0.5 ms target)"
        )


if __name__ == "__main__":
    main()
