"""The console script's entry: Ctrl-C while the program is still loading exits quietly.

Importing the CLI (Typer, Click) takes a moment. An interrupt in that moment can
arrive anywhere, even inside Python's own class creation, where it comes out
wrapped in another error ("Error calling __set_name__"). Nothing has been
written yet, so while loading, Ctrl-C ends the process at once with exit code
130; afterwards the commands handle it themselves (a draft may need saving).

Only modules the interpreter has already loaded are used before the handler is
in place: the `signal` module would first import `enum`, itself a window in
which Ctrl-C ends in a traceback, so its C core `_signal` is used instead.
"""

from __future__ import annotations

import _signal  # type: ignore[import-not-found,unused-ignore]
import os
import sys

# Kept here, not in messages.py: importing that module is part of the loading.
_INTERRUPTED = "\nAvbrutet."
_EXIT_INTERRUPTED = 130


def _say_interrupted() -> None:
    try:  # noqa: SIM105 - contextlib is not loaded yet, and loading it is the window
        os.write(2, _INTERRUPTED.encode("utf-8") + b"\n")
    except OSError:
        pass


def _stop_while_loading(signum: int, frame: object) -> None:
    # Nothing is written yet and the interpreter is mid-import: leave at once.
    _say_interrupted()
    os._exit(_EXIT_INTERRUPTED)


def main() -> None:
    previous = _signal.getsignal(_signal.SIGINT)
    # A process started with Ctrl-C ignored (a background job) keeps ignoring it.
    ignored = previous == _signal.SIG_IGN
    if not ignored:
        _signal.signal(_signal.SIGINT, _stop_while_loading)
    try:
        from kontoguide.cli.app import main as run
    finally:
        if not ignored:
            _signal.signal(_signal.SIGINT, previous or _signal.default_int_handler)
    try:
        run()
    except Exception as error:  # Ctrl-C in a lazy import, wrapped by Python
        from kontoguide.model.errors import interrupted

        if not interrupted(error):
            raise
        _say_interrupted()
        sys.exit(_EXIT_INTERRUPTED)
    except KeyboardInterrupt:  # between the commands' own handlers and the exit
        _say_interrupted()
        sys.exit(_EXIT_INTERRUPTED)
