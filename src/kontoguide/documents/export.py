"""Export a record as .docx, JSON or Markdown: where from, where to, and safely.

- `resolve_source`: an id in the drafts store, or a saved record file.
- `default_file_name`: from the account's name, the record's id, the date and
  the state, valid on Windows and Linux alike.
- `export_record`: the public entry (also called by the questionnaire at the
  end); never overwrites without `force`, always writes atomically.

The renderers are imported inside the functions: python-docx is slow to import
and only the .docx export needs it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kontoguide.checklist.parts import Checklist
from kontoguide.documents import messages as m
from kontoguide.files import atomicfile
from kontoguide.model.account_life import State
from kontoguide.model.errors import OutputExistsError, UnreadableError, UsageError
from kontoguide.model.record import Record
from kontoguide.store import drafts
from kontoguide.store.storage import Store, record_json
from kontoguide.store.write_failure import write_failure
from kontoguide.store.write_target import may_write

if TYPE_CHECKING:
    from kontoguide.documents.assessment import Assessment

FORMATS = ("docx", "json", "md")

# Windows refuses these names whatever the extension ("CON.docx" included).
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "123456789¹²³"
}
# Room for the date, the draft mark and the extension within Windows' 255 characters
# and ext4's 255 bytes (å is two bytes in UTF-8), with a margin for long folder paths.
_STEM_MAX_BYTES = 120
# In a default name the account's part leaves room for the id (at most 64 characters),
# the day and the state.
_ACCOUNT_MAX_BYTES = 80
_STATE_MAX_BYTES = 20


# --- the source --------------------------------------------------------------


def resolve_source(source: str, store: Store | None = None) -> drafts.Loaded:
    """The record behind ID|FILE: an existing file wins, then a draft id."""
    return drafts.resolve(source, _load_record_file, m.EXPORT_SOURCE_UNKNOWN, store)


def _load_record_file(path: Path) -> drafts.Loaded:
    data = drafts.read_answers(path)
    if not all(key in data for key in drafts.RECORD_KEYS):
        raise UsageError(f"{path}: {m.EXPORT_ANSWERS_FILE.format(path=path)}")
    return drafts.record_from_data(path, data)


# --- the file name -------------------------------------------------------------


def safe_stem(text: str, max_bytes: int = _STEM_MAX_BYTES) -> str:
    """`text` as a file-name stem that Windows, macOS and Linux all accept.

    Letters (å, ä, ö included) and digits are kept; everything else, including the
    characters Windows forbids (<>:"/\\|?*), controls and emoji, becomes a hyphen.
    """
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch if ch.isalnum() and ch.isprintable() else "-" for ch in text)
    stem = re.sub(r"-{2,}", "-", kept).strip("-. ")
    while len(stem.encode("utf-8")) > max_bytes:
        stem = stem[:-1]
    stem = stem.rstrip("-. ")
    if stem.split(".")[0].upper() in _RESERVED:
        stem = f"{stem}-"
    return stem


def file_state(record: Record, state: State) -> str:
    """The state as the file name says it: a decision by its outcome ("godkant")."""
    if state == "decided" and record.step5.outcome is not None:
        return safe_stem(record.step5.outcome, _STATE_MAX_BYTES) or m.EXPORT_FILE_STATES[state]
    return m.EXPORT_FILE_STATES[state]


def default_file_name(record: Record, fmt: str, today: date, *, state: State) -> str:
    """The account, the record's id, the day and the state: two records of one account
    (a second application) or two states of one record never share a name."""
    name = safe_stem(record.account_name or "", _ACCOUNT_MAX_BYTES)
    parts = [m.EXPORT_FILE_PREFIX, *([name] if name else []), record.id]
    parts += [today.isoformat(), file_state(record, state)]
    return "-".join(parts) + f".{fmt}"


def choose_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's extension names, else docx.

    A format that contradicts the extension (`-f md -o beslut.docx`) is refused:
    Word would not open Markdown saved under a .docx name.
    """
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    named = suffix if suffix in FORMATS and not (output and output.is_dir()) else None
    if fmt is None:
        return named or "docx"
    if named is not None and named != fmt:
        raise UsageError(m.EXPORT_FORMAT_MISMATCH.format(fmt=fmt, path=output))
    return fmt


def _target(output: Path | None, default_name: str) -> Path:
    if output is None:
        return Path.cwd() / default_name
    if output.is_dir():
        return output / default_name
    if not output.parent.is_dir():
        raise UsageError(m.EXPORT_NO_FOLDER.format(path=output, folder=output.parent))
    return output


# --- rendering and writing -------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    path: Path
    draft: bool
    missing: int  # what is still missing or wrong (the document lists it)


def render(
    record: Record,
    checklist: Checklist,
    fmt: str,
    *,
    now: datetime,
    assessed: Assessment | None = None,
) -> bytes:
    """The exported file's content; `now` dates the document.

    `assessed` is assessment.assess(record, checklist) when the caller has it already.
    """
    if fmt == "json":
        return record_json(record).encode("utf-8")
    from kontoguide.documents.document import build

    view = build(record, checklist, now=now, assessed=assessed)
    if fmt == "md":
        from kontoguide.documents.render_markdown import render as render_markdown

        return render_markdown(view).encode("utf-8")
    from kontoguide.documents.render_docx import render as render_docx

    return render_docx(view, base=checklist.base_docx_path(), checklist_source=checklist.source)


def export(
    record: Record, checklist: Checklist, fmt: str, output: Path | None, force: bool
) -> Exported:
    """Write `record` as `fmt` to `output` (a file or a folder; default: here)."""
    if fmt not in FORMATS:
        raise UsageError(m.EXPORT_UNKNOWN_FORMAT.format(fmt=fmt))
    from kontoguide.documents.assessment import assess
    from kontoguide.documents.values import local_time

    now = datetime.now(UTC).replace(microsecond=0)
    # The state is derived again, as the document derives it: the file's name says
    # "utkast" exactly when the document does, and the count is the document's list.
    assessed = assess(record, checklist)
    draft = assessed.draft
    day = local_time(now).date()
    target = _target(output, default_file_name(record, fmt, day, state=assessed.state))
    existed = may_write(target)
    if existed and not force:
        raise OutputExistsError(exists_message(target))
    content = render(record, checklist, fmt, now=now, assessed=assessed)
    try:
        atomicfile.write_bytes(target, content, private=False, overwrite=force)
    except FileExistsError:
        raise OutputExistsError(exists_message(target)) from None
    except OSError as exc:
        raise UnreadableError(target, write_failure(exc, existed)) from None
    return Exported(target, draft, len(assessed.missing))


# A name that a shell (bash or PowerShell) takes as one word without quotes (a
# backslash, as in a Windows path, is quoted: bash would drop it).
_PLAIN_WORD = re.compile(r"[\w./:-]+")
# A name that goes in double quotes unchanged in bash and PowerShell alike.
_QUOTABLE = re.compile(r'[^"$`!\x00-\x1f\x7f]+')


def free_name(target: Path) -> Path:
    """`target` with "-2" (or "-3", ...) before its extension: the first that is free."""
    for number in range(2, 1000):
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    return target  # pragma: no cover - a thousand exports of one state on one day


def exists_message(target: Path) -> str:
    """Refusing to overwrite `target`: the file, and how to write elsewhere or over it,
    with a free name to give --output that works in bash and PowerShell as printed."""
    other = free_name(target)
    if other == target:  # pragma: no cover
        return m.EXPORT_EXISTS.format(path=target)
    shown = other.name if other.parent == Path.cwd() else str(other)
    if _PLAIN_WORD.fullmatch(shown) is None:
        if _QUOTABLE.fullmatch(shown) is None:
            return m.EXPORT_EXISTS.format(path=target)
        shown = f'"{shown}"'
    return m.EXPORT_EXISTS_SUGGEST.format(path=target, other=shown)


def export_record(
    record: Record,
    checklist: Checklist,
    fmt: str = "docx",
    output: Path | None = None,
    force: bool = False,
) -> Path:
    """Write `record` as `fmt` to `output` (a file or a folder; default: here); the path written.

    The public entry for the questionnaire's last step. Raises OutputExistsError
    rather than overwrite without `force`; the file is written atomically.
    """
    return export(record, checklist, fmt, output, force).path
