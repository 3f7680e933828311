"""Reading a folder of records without Python's cycle collector in the way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for one command that reads many records.

    Every record read stays alive until the command has drawn its table, and the
    collector walks all of them again each time enough new objects have been made:
    over 2,000 records that was a third of `kontoguide list` (bench/overview_bench.py).
    Reading and drawing make no cycles that must go before the command ends; the
    collector is back on, and collects what there is, when the block is left.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
