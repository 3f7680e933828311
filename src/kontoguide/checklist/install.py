"""Installing a checklist variant: `start --checklist FILE.toml` copies it, checked.

Above storage (it writes to the user's folder with atomicfile); the checklist
loader below only reads, and never imports this module.
"""

from __future__ import annotations

from pathlib import Path

from kontoguide.checklist import messages as m
from kontoguide.checklist.earlier import earlier_file, forget_kept, is_safe_version
from kontoguide.checklist.folders import available_checklists, user_checklist_folder
from kontoguide.checklist.loading import (
    _NOT_IN_A_PATH,
    _load_cached,
    _matches_file_name,
    _parse,
    _read,
    checklist_problems,
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
    folder = user_checklist_folder()
    copies: list[tuple[Path, bytes, Path]] = []
    replaced: set[Path] = set()
    if known is not None:
        known_raw = _read(known)
        if known_raw == raw:
            # Drafts made now use the installed copy later: use it from the start.
            return _load_cached(known)
        installed, _ = checklist_problems(known, known_raw)
        if known.parent != folder or installed is None or installed.version == checklist.version:
            version = installed.version if installed is not None else checklist.version
            raise UsageError(
                m.C_ID_TAKEN.format(checklist_id=checklist.id, version=version, other=known)
            )
        # A new version: the installed one is kept for the records decided under it.
        copies += _kept_copies(installed, known_raw, folder)
        replaced = {known}
        if installed.base_docx_path() is not None:
            replaced.add(folder / str(installed.base_docx))
    base = checklist.base_docx_path()
    if checklist.base_docx is not None and base is not None:
        from kontoguide.checklist.basedoc import read_base_document

        data = read_base_document(base, where=path, within=path.parent)
        # The base document is named relative to the checklist: it moves along.
        copies.append((folder / checklist.base_docx, data, base))
    # The checklist last: once it can be found by id, its base document is there too.
    copies.append((folder / path.name, raw, path))
    _copy_all(copies, replaced)
    if replaced:
        _load_cached.cache_clear()
        forget_kept()
    return _load_cached(folder / path.name)


def _kept_copies(installed: Checklist, raw: bytes, folder: Path) -> list[tuple[Path, bytes, Path]]:
    """What keeps the installed version of a variant, and its base document, in its
    version's own folder (earlier.py), before a new version takes its place."""
    if not is_safe_version(installed.version):
        raise UsageError(m.C_VERSION_UNSAFE.format(version=printable(installed.version)))
    assert installed.source is not None
    target = earlier_file(folder, installed.id, installed.version)
    copies = [(target, raw, installed.source)]
    base = installed.base_docx_path()
    if installed.base_docx is not None and base is not None and base.is_file():
        copies.insert(0, (target.parent / installed.base_docx, _read_base(base), base))
    for kept, data, _ in copies:
        if kept.exists() and read_regular(kept, len(data) + 1, follow_symlinks=False) != data:
            raise UsageError(
                m.C_EARLIER_TAKEN.format(
                    checklist_id=installed.id, version=installed.version, other=kept
                )
            )
    return copies


def _read_base(path: Path) -> bytes:
    from kontoguide.checklist.basedoc import MAX_FILE_BYTES

    try:
        return read_regular(path, MAX_FILE_BYTES, follow_symlinks=False)
    except UnreadableError as exc:
        raise ChecklistError(path, exc.problem) from None


def _copy_all(copies: list[tuple[Path, bytes, Path]], replaced: set[Path]) -> None:
    for target, data, source in copies:
        if target in replaced:
            continue  # the new version's own file, over the version kept above
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
