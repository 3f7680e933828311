"""Whether exporting to .docx takes time linear in the number of goals.

The example checklist is read in once; its goals are then repeated to 500, 1000,
2000 and 5000 (model_copy, so the model's maximum of goals does not apply: the
renderer must be linear for any list it is given). Each size is exported in
process with export.render (document.build and python-docx), and the time per
goal is printed with its ratio to the smallest size, measured in the same run.
A linear build keeps the ratio near 1; a quadratic one doubles it with each
doubling of the goals.

Usage: python bench/big_export.py [--sizes 500 1000 2000 5000] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "komplett.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    from kontoguide.checklist.loading import load_checklist
    from kontoguide.documents.export import render
    from kontoguide.store import drafts
    from kontoguide.store.storage import Store

    checklist = load_checklist()
    with tempfile.TemporaryDirectory() as folder:
        record, _ = drafts.from_answers(EXAMPLE, checklist, Store(Path(folder)))
    goals = record.step2.goals or []
    now = datetime.now(UTC)
    render(record, checklist, "docx", now=now)  # import python-docx before timing

    per_goal: dict[int, float] = {}
    for size in options.sizes:
        many = [
            goals[index % len(goals)].model_copy(update={"description": f"Mål nummer {index}"})
            for index in range(size)
        ]
        big = record.model_copy(update={"step2": record.step2.model_copy(update={"goals": many})})
        times = []
        for _ in range(options.runs):
            began = time.perf_counter()
            content = render(big, checklist, "docx", now=now)
            times.append(time.perf_counter() - began)
        seconds = statistics.median(times)
        per_goal[size] = seconds / size
        base = per_goal[options.sizes[0]]
        print(
            f"{size:6d} goals: {seconds:7.2f} s  {per_goal[size] * 1000:6.2f} ms/goal  "
            f"ratio {per_goal[size] / base:5.2f}  ({len(content)} bytes)"
        )


if __name__ == "__main__":
    main()
