"""Whether `kontoguide validate` takes time linear in the number of unknown fields.

An answers file (the complete example) gets 10,000 to 100,000 unknown top-level
keys, the kind of file a script gone wrong writes. drafts.check_file (what
`validate` runs) reads and checks each size in process; the time per key is
printed with its ratio to the smallest size, measured in the same run. A linear
check keeps the ratio near 1. The report itself stays one line for all the keys.

Usage: python bench/big_validate.py [--sizes 10000 20000 50000 100000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "komplett.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000, 100_000])
    options = parser.parse_args()

    from kontoguide.store import drafts

    answers = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    per_key: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.json"
        path.write_text(json.dumps(answers), encoding="utf-8")
        drafts.check_file(path)  # load the checklist and the models before timing
        for size in options.sizes:
            data = {**answers, **{f"okant_falt_{index}": index for index in range(size)}}
            path.write_text(json.dumps(data), encoding="utf-8")
            began = time.perf_counter()
            _, found = drafts.check_file(path)
            seconds = time.perf_counter() - began
            per_key[size] = seconds / size
            base = per_key[options.sizes[0]]
            print(
                f"{size:7d} unknown keys: {seconds:6.2f} s  {per_key[size] * 1e6:6.1f} µs/key  "
                f"ratio {per_key[size] / base:5.2f}  ({len(found)} problem line(s), "
                f"{path.stat().st_size // 1024} KiB)"
            )


if __name__ == "__main__":
    main()
