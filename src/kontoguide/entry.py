"""The console script's entry: Ctrl-C while the program is still loading exits quietly.

Importing the CLI (Typer, Click) takes a moment. An interrupt in that moment can
arrive anywhere, even inside Python's own class creation, where it comes out
wrapped in another error ("Error calling __set_name__"). Nothing has been
written yet, so while loading, Ctrl-C ends the process at once with exit code
130; afterwards the commands handle it themselves (a draft may need saving).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType

# Kept here, not in messages.py: importing that module is part of the loading.
_INTERRUPTED = "\nAvbrutet."
_EXIT_INTERRUPTED = 130


def _say_interrupted() -> None:
    with contextlib.suppress(OSError):
        os.write(2, _INTERRUPTED.encode("utf-8") + b"\n")


def _stop_while_loading(signum: int, frame: FrameType | None) -> None:
    # Nothing is written yet and the interpreter is mid-import: leave at once.
    _say_interrupted()
    os._exit(_EXIT_INTERRUPTED)


def main() -> None:
    previous = signal.getsignal(signal.SIGINT)
    # A process started with Ctrl-C ignored (a background job) keeps ignoring it.
    if previous is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _stop_while_loading)
    try:
        from kontoguide.cli import main as run
    finally:
        if previous is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, previous or signal.default_int_handler)
    try:
        run()
    except Exception as error:  # Ctrl-C in a lazy import, wrapped by Python
        from kontoguide.errors import interrupted

        if not interrupted(error):
            raise
        _say_interrupted()
        sys.exit(_EXIT_INTERRUPTED)
    except KeyboardInterrupt:  # between the commands' own handlers and the exit
        _say_interrupted()
        sys.exit(_EXIT_INTERRUPTED)
