"""Interleaved timing of commands, so both sides see the same machine load.

cpu_of measures a child's CPU time (user and system, from os.wait4), which another
process on a shared machine slows far less than wall-clock time; cpu_until_shown
runs a command in a pseudo-terminal and stops it once a text is on its screen, for
the time to the first question of `kontoguide start`.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence


def installed_env(**extra: str) -> dict[str, str]:
    """This process's environment as an installed kontoguide runs in, plus `extra`.

    An installed program has its modules compiled (pip writes the .pyc files, as it
    did for the libraries the baselines import); with PYTHONDONTWRITEBYTECODE set, as
    on some machines, every run compiled kontoguide's hundred modules again, a fifth
    of the time to `start`'s first question, and the warm-up run did not change that.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return env | extra


def cpu_of(argv: Sequence[str], env: Mapping[str, str] | None = None) -> float:
    """The CPU time (user + system) of one run of `argv` to its end."""
    child = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {errors.decode(errors='replace')}")
    return usage.ru_utime + usage.ru_stime


def cpu_until_shown(
    argv: Sequence[str], shown: bytes, env: Mapping[str, str], timeout: float = 60
) -> float:
    """The CPU time of `argv` in a pseudo-terminal until `shown` is on its screen.

    The child is killed as soon as the text has arrived; what it spends waiting for
    the answer is idle time, so its CPU time is the time to the question.
    """
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the command
        os.execve(argv[0], list(argv), dict(env))
    seen = b""
    deadline = time.monotonic() + timeout
    try:
        while shown not in seen.replace(b"\r\n", b"\n"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{shown!r} not shown; the screen had {seen[-500:]!r}")
            try:
                seen += os.read(fd, 65536)
            except OSError as error:  # the child ended (EIO on Linux)
                raise RuntimeError(f"ended before {shown!r}: {seen[-500:]!r}") from error
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return usage.ru_utime + usage.ru_stime


def interleaved(
    measures: dict[str, Callable[[], float]], runs: int, warm: int = 1
) -> dict[str, float]:
    """The median of `runs` rounds, each measure once a round in turn (A, B, A, B, ...)."""
    for measure in measures.values():
        for _ in range(warm):
            measure()
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}
