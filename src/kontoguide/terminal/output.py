"""The program's output streams: what a command prints, and what happens when they end.

- A reader that stops early (`kontoguide validate FIL | head -1`) is not an
  error, and the command's own exit code still stands: output stops quietly.
- A message that cannot be written (stderr to a full disk or closed) never
  turns into a second error: the exit code says what happened.
- Standard streams closed before the start (`kontoguide schema >&-`) are
  filled with the null device, so no file the program opens later can take
  their place and receive output meant for the terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from kontoguide.model.textsafe import terminal_safe

_state = {"reader_gone": False}


def reader_gone_now() -> None:
    """The reader of stdout went away: nothing more is written there."""
    _silence_stdout()


def _silence_stdout() -> None:
    # Python would otherwise report the broken pipe again when it flushes at exit.
    _state["reader_gone"] = True
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class PipeSafeStdout:
    """sys.stdout for rich and print: a closed pipe ends the output, not the command."""

    def write(self, text: str) -> int:
        if _state["reader_gone"]:
            return len(text)
        try:
            return sys.stdout.write(text)
        except BrokenPipeError:
            _silence_stdout()
            return len(text)

    def flush(self) -> None:
        if _state["reader_gone"]:
            return
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding for rich
        return getattr(sys.stdout, name)


stdout = PipeSafeStdout()


def say(text: str = "") -> None:
    """One line of the command's output on stdout.

    Made printable here, once for every message: a message quotes file names and
    answers, and none of them may reach the terminal as control characters.
    """
    stdout.write(terminal_safe(text) + "\n")


def say_bytes(data: bytes) -> None:
    """Output as exact bytes (UTF-8 whatever the console's code page).

    Exact to a file or a pipe; to a terminal, every control character is shown
    escaped instead (textsafe.terminal_safe): the bytes came from files.
    """
    stdout.flush()
    if _state["reader_gone"]:
        return
    if _is_terminal():
        text = data.decode("utf-8", errors="replace")
        data = terminal_safe(text).encode("utf-8")
    try:
        sys.stdout.buffer.write(data)
    except BrokenPipeError:
        _silence_stdout()


def _is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def finish() -> None:
    """Flush stdout at the end of a command; a full disk still raises OSError."""
    stdout.flush()


def settle_stderr() -> None:
    """Flush stderr now; if it cannot take the message, the exit code must do.

    What could not be written is dropped (the null device takes its place), so the
    interpreter's own flush at exit cannot fail again and change the exit code.
    """
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stderr.fileno())
            os.close(devnull)
            sys.stderr.flush()


def complain(text: str) -> None:
    """A message on stderr; if even that cannot be written, the exit code must do."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(terminal_safe(text), file=sys.stderr, flush=True)


def _fd_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def fill_closed_streams() -> bool:
    """Put the null device where stdin, stdout or stderr was closed; False if stdout was."""
    stdout_open = _fd_open(1)
    for fd in (0, 1, 2):
        if not _fd_open(fd):
            # os.open takes the lowest free descriptor: exactly this one.
            taken = os.open(os.devnull, os.O_RDWR)
            if taken != fd:  # pragma: no cover - only if a lower one was free too
                os.close(taken)
    if sys.stdin is None:
        sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115
    return stdout_open
