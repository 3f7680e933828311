"""Writing a command's output to a file the user names (`overview -o`, `schema -o`).

The same rules as `export`: never over a file without --force, never over a device
or into kontoguide's own folders, always atomically. Writing the file ourselves
also keeps its bytes UTF-8: PowerShell 5.1's `>` would re-encode them as UTF-16.
"""

from __future__ import annotations

from pathlib import Path

from kontoguide.cli import messages as m
from kontoguide.files import atomicfile
from kontoguide.model.errors import OutputExistsError, UnreadableError
from kontoguide.store.write_failure import write_failure
from kontoguide.store.write_target import may_write


def write_output(content: bytes, target: Path, force: bool) -> None:
    """`content` into `target`, readable by others (it is for sharing)."""
    existed = may_write(target)
    if existed and not force:
        raise OutputExistsError(m.EXPORT_EXISTS.format(path=target))
    try:
        atomicfile.write_bytes(target, content, private=False, overwrite=force)
    except FileExistsError:
        raise OutputExistsError(m.EXPORT_EXISTS.format(path=target)) from None
    except OSError as exc:
        raise UnreadableError(target, write_failure(exc, existed)) from None
