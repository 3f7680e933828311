"""Installing a checklist variant: `start --checklist FILE.toml` copies it, checked.

Above storage (it writes to the user's folder with atomicfile); the checklist
loader below only reads, and never imports this module.
"""

from __future__ import annotations

from pathlib import Path

from kontoguide.checklist import messages as m
from kontoguide.checklist.folders import available_checklists, user_checklist_folder
from kontoguide.checklist.loading import (
    _NOT_IN_A_PATH,
    _load_cached,
    _matches_file_name,
    _parse,
    _read,
    is_checklist_id,
    load_checklist,
)
from kontoguide.checklist.parts import Checklist
from kontoguide.files import atomicfile
from kontoguide.files.regularfile import read_regular
from kontoguide.model.errors import ChecklistError, UnreadableError, UsageError
from kontoguide.model.textsafe import printable


def checklist_for_start(name: str) -> Checklist:
    """`start --checklist`: an id, or a .toml file to install (the only way to install)."""
    if is_checklist_id(name):
        return load_checklist(name)
    if name.endswith(".toml"):
        return install_checklist(name)
    raise UsageError(m.C_NOT_ID_OR_FILE.format(name=printable(name)))


def _given_path(name: str) -> Path:
    # A NUL cannot be in a path, and a control character (an escape sequence) or an
    # undecodable byte would reach the terminal in every message that names the file.
    if _NOT_IN_A_PATH.search(name):
        raise UsageError(m.C_BAD_PATH.format(name=printable(name), detail=m.R_BAD_NAME))
    try:
        return Path(name).resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop (Python < 3.13)
        detail = m.F_UNREADABLE.format(detail=getattr(exc, "strerror", None) or exc)
        raise UsageError(m.C_BAD_PATH.format(name=printable(name), detail=detail)) from None


def install_checklist(name: str) -> Checklist:
    """A checklist file given by path, checked and copied to the user's checklist folder.

    Drafts made with it can then be resumed and exported by id. Its base document,
    if it names one, is checked and copied along. Exactly the bytes that were checked
    are copied, owner-only: a base document may be an administration's internal file.
    """
    path = _given_path(name)
    raw = _read(path)
    checklist = _matches_file_name(path, _parse(path, raw))
    known = available_checklists().get(checklist.id)
    if known is not None and known.resolve() == path:
        return _load_cached(known)
    if known is not None:
        if _read(known) != raw:
            raise UsageError(m.C_ID_TAKEN.format(checklist_id=checklist.id, other=known))
        # Drafts made now use the installed copy later: use it from the start.
        return _load_cached(known)
    folder = user_checklist_folder()
    copies: list[tuple[Path, bytes, Path]] = []
    base = checklist.base_docx_path()
    if checklist.base_docx is not None and base is not None:
        from kontoguide.checklist.basedoc import read_base_document

        data = read_base_document(base, where=path, within=path.parent)
        # The base document is named relative to the checklist: it moves along.
        copies.append((folder / checklist.base_docx, data, base))
    # The checklist last: once it can be found by id, its base document is there too.
    copies.append((folder / path.name, raw, path))
    _copy_all(copies)
    return _load_cached(folder / path.name)


def _copy_all(copies: list[tuple[Path, bytes, Path]]) -> None:
    for target, data, source in copies:
        if target.exists() or target.is_symlink():
            try:
                same = read_regular(target, len(data), follow_symlinks=False) == data
            except UnreadableError:
                same = False
            if not same:
                # Another variant's base document by the same name: never replace it.
                raise UsageError(m.C_BASE_DOCX_TAKEN.format(target=target, source=source))
    for target, data, _ in copies:
        try:
            atomicfile.private_folder(target.parent)
            atomicfile.write_bytes(target, data, private=True)
        except OSError as exc:
            detail = m.F_WRITE_FAILED.format(detail=exc.strerror or exc)
            raise ChecklistError(target, detail) from None
