"""A variant's base document (.docx): read and checked before python-docx opens it.

The base document is a file from outside, handed to python-docx and lxml, which
trust it: a zip bomb, two million empty paragraphs or a document without a body
would use gigabytes or crash the export. So before that the archive is checked
from its zip directory (entries, unpacked size) and every XML part is streamed
through expat (no DTD, a bounded number of elements, the main part a w:document
with a w:body). Checked when a variant is installed and again at each export,
since the installed copy can be replaced.

zipfile is imported here, and this module only where a base document is used, so
that `kontoguide --help` and the commands without one stay fast.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

from kontoguide.checklist import messages as m
from kontoguide.files.regularfile import megabytes, read_regular
from kontoguide.model.errors import ChecklistError, UnreadableError
from kontoguide.model.textsafe import printable

MAX_FILE_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 20_000_000
MAX_PARTS = 2_000
# The base document's body is thrown away (render_docx writes its own); a real
# template has a few paragraphs of sample text at most.
MAX_BODY_ELEMENTS = 1_000
# Word's own styles and theme are about 20 000 elements; this leaves room for a
# large template while keeping python-docx's parsed tree in the tens of megabytes.
MAX_XML_ELEMENTS = 250_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The root element python-docx expects in each part it parses, by content type: with
# another root it fails deep inside (AttributeError: no 'style_lst').
_ROOTS: dict[str, tuple[str, str]] = {
    _WML + "styles+xml": (_W, "styles"),
    _WML + "header+xml": (_W, "hdr"),
    _WML + "footer+xml": (_W, "ftr"),
    _WML + "numbering+xml": (_W, "numbering"),
    _WML + "settings+xml": (_W, "settings"),
    _WML + "comments+xml": (_W, "comments"),
    "application/vnd.openxmlformats-package.core-properties+xml": (_CORE, "coreProperties"),
}
_PREFIXES = {_W: "w", _CORE: "cp"}
_DOCUMENT = (_W, "document")
_CONTENT_TYPES = "[Content_Types].xml"
_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "/officeDocument"
# An external relationship Word does not follow on opening: a link the reader clicks,
# to the web or an e-mail address (never file://, a share or a template).
_HYPERLINK = "/hyperlink"
_WEB_LINK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)
_DEFAULT_MAIN = "word/document.xml"
_CHUNK = 64 * 1024
# What a broken archive raises while a part is unpacked: a bad CRC or header, a broken
# deflate/LZMA/bzip2 stream, an encrypted entry, an unknown compression method.
_UNPACK_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


class _Refused(Exception):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def problem_in(data: bytes) -> str | None:
    """What makes `data` unusable as a base document (Swedish), or None if it is fine."""
    try:
        _check(data)
    except _Refused as refused:
        return refused.problem
    return None


def _check(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
        raise _Refused(m.B_NOT_ZIP) from None
    with archive:
        infos = archive.infolist()
        # The zip directory's sizes bound what zipfile unpacks (it stops at file_size
        # and checks the CRC), so they can be trusted before anything is read.
        if len(infos) > MAX_PARTS:
            raise _Refused(m.B_TOO_MANY_PARTS.format(count=len(infos), limit=MAX_PARTS))
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            size, limit = megabytes(unpacked), megabytes(MAX_UNPACKED_BYTES)
            raise _Refused(m.B_TOO_BIG_UNPACKED.format(size=size, limit=limit))
        seen: set[str] = set()
        for info in infos:
            # Two entries of one name: a small one passes a check, a huge one is read.
            if info.filename in seen:
                raise _Refused(m.B_DUPLICATE_PART.format(part=printable(info.filename)))
            seen.add(info.filename)
        package = _Package(archive)
        for info in infos:
            if not info.is_dir() and info.filename not in package.scanned:
                package.scan_part(info)


class _Budget:
    """Elements left for all XML parts together."""

    def __init__(self) -> None:
        self.left = MAX_XML_ELEMENTS

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise _Refused(m.B_TOO_MANY_ELEMENTS.format(limit=MAX_XML_ELEMENTS))


class _Package:
    """The archive as python-docx reads it: content types, the main part, the others."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.budget = _Budget()
        self.scanned: set[str] = set()
        self.names = {info.filename for info in archive.infolist()}
        types = self.scan_named(_CONTENT_TYPES)
        self.defaults = types.defaults if types else {}
        self.overrides = types.overrides if types else {}
        rels = self.scan_named(_PACKAGE_RELS)
        self.main = (rels.office_document if rels else None) or _DEFAULT_MAIN
        if self.main not in self.names:
            raise _Refused(m.B_NO_MAIN.format(part=self.main))

    def scan_named(self, name: str) -> _XmlScan | None:
        return self.scan(self.archive.getinfo(name), None) if name in self.names else None

    def scan(self, info: zipfile.ZipInfo, root: tuple[str, str] | None) -> _XmlScan:
        self.scanned.add(info.filename)
        scan = _XmlScan(info.filename, self.budget, root=root, main=root == _DOCUMENT)
        scan.run(self.archive, info)
        return scan

    def scan_part(self, info: zipfile.ZipInfo) -> None:
        main = info.filename == self.main
        self.scan(info, _DOCUMENT if main else _ROOTS.get(self.content_type(info.filename)))

    def content_type(self, name: str) -> str:
        override = self.overrides.get("/" + name.lower())
        if override is not None:
            return override
        return self.defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except _UNPACK_ERRORS:
        raise _Refused(m.B_PART_UNREADABLE.format(part=info.filename)) from None


_DECLARED = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _not_utf8(first: bytes) -> bool:
    """Whether an XML part is in another encoding than UTF-8 (UTF-16, a code page)."""
    if first.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in first[:4]:
        return True
    declared = _DECLARED.match(first.removeprefix(b"\xef\xbb\xbf"))
    return declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8")


def _looks_like_xml(name: str, first: bytes) -> bool:
    # Images and other binary parts are not parsed (by python-docx either); a part is
    # XML by its name or by how it starts (UTF-8, with or without BOM, or UTF-16).
    if name.lower().endswith((".xml", ".rels")):
        return True
    start = first.removeprefix(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"<") or first.startswith((b"\xff\xfe", b"\xfe\xff"))


class _XmlScan:
    """One XML part, streamed: counts elements, refuses a DTD, checks the root element.

    The main part must also have a w:body with a bounded number of elements; the
    package's relationships and content types are collected on the way.
    """

    def __init__(
        self, part: str, budget: _Budget, *, root: tuple[str, str] | None, main: bool
    ) -> None:
        self.part = part
        self.budget = budget
        self.root = root
        self.main = main
        self.depth = 0
        self.in_body = False
        self.body_seen = False
        self.body_elements = 0
        self.office_document: str | None = None
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._doctype
        self.parser = parser

    def run(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        chunks = _chunks(archive, info)
        first = next(chunks, b"")
        if not _looks_like_xml(info.filename, first):
            if self.root is not None:
                raise _Refused(self._wrong_root())
            return
        if _not_utf8(first):
            raise _Refused(m.B_NOT_UTF8_PART.format(part=printable(self.part)))
        try:
            self.parser.Parse(first, False)
            for chunk in chunks:
                self.parser.Parse(chunk, False)
            self.parser.Parse(b"", True)
        except expat.ExpatError as exc:
            line, col = exc.lineno, exc.offset + 1
            raise _Refused(m.B_BAD_XML.format(part=self.part, line=line, col=col)) from None
        if self.main and not self.body_seen:
            raise _Refused(m.B_NO_BODY.format(part=self.part))

    def _wrong_root(self) -> str:
        assert self.root is not None
        namespace, local = self.root
        return m.B_WRONG_ROOT.format(part=self.part, root=f"{_PREFIXES[namespace]}:{local}")

    def _doctype(self, *_: Any) -> None:
        # Word never writes one; refusing it rules out entity expansion entirely.
        raise _Refused(m.B_DTD.format(part=self.part))

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self.budget.spend()
        self.depth += 1
        if self.depth == 1 and self.root is not None and name != " ".join(self.root):
            raise _Refused(self._wrong_root())
        if self.depth == 2:
            self._collect(name, attributes)
        if not self.main:
            return
        if self.depth == 2 and name == f"{_W} body":
            self.in_body = self.body_seen = True
        elif self.depth == 3 and self.in_body:
            self.body_elements += 1
            if self.body_elements > MAX_BODY_ELEMENTS:
                raise _Refused(m.B_BODY_TOO_LONG.format(limit=MAX_BODY_ELEMENTS))

    def _end(self, name: str) -> None:
        if self.depth == 2:
            self.in_body = False
        self.depth -= 1

    def _collect(self, name: str, attributes: dict[str, str]) -> None:
        """Relationships (the main part) and content types, wherever they appear."""
        local = name.rpartition(" ")[2]
        if local == "Default" and "Extension" in attributes:
            self.defaults[attributes["Extension"].lower()] = attributes.get("ContentType", "")
        elif local == "Override" and "PartName" in attributes:
            self.overrides[attributes["PartName"].lower()] = attributes.get("ContentType", "")
        elif local == "Relationship" and attributes.get("TargetMode") == "External":
            target = attributes.get("Target", "")
            if not (attributes.get("Type", "").endswith(_HYPERLINK) and _WEB_LINK.match(target)):
                raise _Refused(
                    m.B_EXTERNAL.format(part=printable(self.part), target=printable(target))
                )
        elif (
            local == "Relationship"
            and attributes.get("Type", "").endswith(_OFFICE_DOCUMENT)
            and attributes.get("Target")
            and self.office_document is None
        ):
            self.office_document = posixpath.normpath(attributes["Target"].lstrip("/"))


def read_base_document(base: Path, *, where: Path, within: Path | None) -> bytes:
    """The base document's content, checked; a ChecklistError naming `where` if unusable.

    `within` is the checklist's folder: no part of the path below it may be a
    symbolic link, so a base document cannot pull in a file from elsewhere (with
    the permissions of the copy instead of the original's).
    """
    name = base.name
    if within is not None:
        relative = base.relative_to(within)
        name = relative.as_posix()
        current = within
        for part in PurePosixPath(name).parts:
            current = current / part
            if current.is_symlink():
                raise ChecklistError(where, m.B_UNUSABLE.format(name=name, detail=m.R_SYMLINK))
    try:
        data = read_regular(base, MAX_FILE_BYTES, follow_symlinks=False)
    except UnreadableError as exc:
        if exc.problem == m.F_NOT_FOUND:
            raise ChecklistError(where, m.EXPORT_BASE_MISSING.format(name=name)) from None
        raise ChecklistError(where, m.B_UNUSABLE.format(name=name, detail=exc.problem)) from None
    problem = problem_in(data)
    if problem is not None:
        raise ChecklistError(where, m.EXPORT_BASE_BROKEN.format(name=name, detail=problem))
    return data
