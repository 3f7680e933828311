"""Interleaved wall-clock timing of commands, so both sides see the same machine load."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Sequence


def median_times(commands: dict[str, Sequence[str]], runs: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the file cache once
        subprocess.run(argv, check=True, capture_output=True)
    for _ in range(runs):
        for name, argv in commands.items():
            began = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            samples[name].append(time.perf_counter() - began)
    return {name: statistics.median(values) for name, values in samples.items()}
