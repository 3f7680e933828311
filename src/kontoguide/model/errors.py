"""Exit codes and the exceptions that carry them.

Every error a user can cause or meet has a class here with its exit code and a
Swedish message; the CLI maps them to output in one place (cli.run_guarded).
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path

from kontoguide.model.textsafe import printable


class ExitCode(IntEnum):
    OK = 0
    INVALID_DATA = 1
    USAGE = 2
    INTERRUPTED = 130


class KontoguideError(Exception):
    """Base for errors shown to the user as a message, never as a traceback."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(KontoguideError):
    exit_code = ExitCode.USAGE


class FileProblem(KontoguideError):
    """A file that cannot be used: the message names the file and the problem."""

    exit_code = ExitCode.INVALID_DATA

    def __init__(self, path: Path, problem: str) -> None:
        # A file name can hold an escape sequence; it must not reach the terminal raw.
        super().__init__(f"{printable(str(path), None)}: {problem}")
        self.path = path
        self.problem = problem


class CorruptFileError(FileProblem):
    exit_code = ExitCode.INVALID_DATA


class NewerVersionError(FileProblem):
    exit_code = ExitCode.USAGE


class UnreadableError(FileProblem):
    exit_code = ExitCode.USAGE


class MissingFileError(UnreadableError):
    """A file named on the command line or in the drafts folder that is not there."""

    exit_code = ExitCode.USAGE


class ChecklistError(FileProblem):
    exit_code = ExitCode.USAGE


class UnknownChecklistError(UsageError):
    """A record names a checklist (a variant) that is not installed on this computer."""

    def __init__(self, record: Path, checklist_id: str, message: str) -> None:
        super().__init__(f"{printable(str(record), None)}: {message}")
        self.path = record
        self.checklist_id = checklist_id


class DraftLockedError(KontoguideError):
    exit_code = ExitCode.USAGE


class UnknownDraftError(KontoguideError):
    exit_code = ExitCode.USAGE


class OutputExistsError(KontoguideError):
    exit_code = ExitCode.USAGE


def interrupted(error: BaseException) -> bool:
    """Whether `error` is Ctrl-C, or was caused by it (an import interrupted midway)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
