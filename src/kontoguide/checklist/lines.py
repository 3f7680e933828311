"""The line of a checklist TOML file that a problem is about.

tomllib gives values, not where they stand. A checklist's author needs the line:
this scans the text for its tables ([[sections]], [[sections.questions]], ...) and
keys, and finds the line for a problem's place, given either as the loader's
path ("sections[3].questions[2].kind") or by ids ("sections.step1.extra.besok").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*\[(\[?)\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=\s*(.*)$")
_STRING = re.compile(r'^"([^"\\]*)"')
_TOKENS = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass
class _Table:
    name: str
    line: int
    parent: _Table | None = None
    keys: dict[str, int] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[_Table]] = field(default_factory=dict)


def _index(text: str) -> _Table:
    root = _Table("", 1)
    current = root
    last_of: dict[str, _Table] = {"": root}
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            in_string = line.count('"""') % 2 == 0
            continue
        header = _HEADER.match(line)
        if header:
            name = header.group(2)
            parent_name = name.rpartition(".")[0] if header.group(1) else ""
            parent = last_of.get(parent_name, root)
            current = _Table(name, number, parent)
            if header.group(1):  # [[array.of.tables]]: one more item of its parent
                parent.children.setdefault(name.rpartition(".")[2], []).append(current)
            else:
                root.children.setdefault(name, []).append(current)
            last_of[name] = current
            continue
        key = _KEY.match(line)
        if key:
            current.keys.setdefault(key.group(1), number)
            value = _STRING.match(key.group(2).strip())
            if value:
                current.strings.setdefault(key.group(1), value.group(1))
            in_string = key.group(2).count('"""') % 2 == 1
    return root


def _by_loc(root: _Table, tokens: list[str | int]) -> int | None:
    table = root
    line = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(token, str) and isinstance(following, int):
            items = table.children.get(token, [])
            if following >= len(items):
                return table.keys.get(token, line if line is not None else table.line)
            table = items[following]
            line = table.line
            index += 2
            continue
        if isinstance(token, str) and token in table.children and len(table.children[token]) == 1:
            table = table.children[token][0]
            line = table.line
        elif isinstance(token, str) and token in table.keys:
            return table.keys[token]
        else:
            break
        index += 1
    return line


def _question(section: _Table, rest: str, occurrence: int = 0) -> tuple[_Table, str] | None:
    found: list[tuple[_Table, str]] = []
    for question in section.children.get("questions", []):
        names = {question.strings.get("field"), "extra." + question.strings.get("id", "")}
        for name in names:
            if name and (rest == name or rest.startswith(name + ".")):
                found.append((question, rest[len(name) + 1 :]))
                break
    if not found:
        return None
    # A duplicate question is the n-th with its name; an inner place is in the first.
    inner = found[0][1]
    return found[min(occurrence, len(found) - 1)] if not inner else found[0]


def _by_ids(root: _Table, where: str, occurrence: int = 0) -> int | None:
    head, _, rest = where.partition(".")
    if head == "choices":
        name = rest.split(".")[0]
        choices = root.children.get("choices", [])
        return choices[0].keys.get(name, choices[0].line) if choices else None
    if head != "sections":
        if head in root.keys:
            return root.keys[head]
        tables = root.children.get(head, [])  # a table of its own: [notice]
        return tables[0].line if tables else None
    section_id, _, rest = rest.partition(".")
    sections = [s for s in root.children.get("sections", []) if s.strings.get("id") == section_id]
    if not sections:
        return None
    if not rest:  # a section named twice: the n-th
        return sections[min(occurrence, len(sections) - 1)].line
    section = sections[0]
    if rest in section.keys:
        return section.keys[rest]
    found = _question(section, rest, occurrence)
    if found is None:
        return section.line
    question, inner = found
    items = [
        item
        for item in question.children.get("fields", [])
        if inner and item.strings.get("field") == inner.split(".")[0]
    ]
    if items:  # a list's field named twice: the n-th
        return items[min(occurrence, len(items) - 1)].line
    return question.line


def line_of(text: str, where: str) -> int | None:
    """The line `where` points at in a checklist's text, if it can be found.

    "where#n" is the n-th (from 0) of things with the same name: a duplicate's own line.
    """
    where, _, nth = where.partition("#")
    occurrence = int(nth) if nth.isdigit() else 0
    root = _index(text)
    if where.startswith("sections[") or "[" in where:
        tokens: list[str | int] = [
            name if name else int(number) for name, number in _TOKENS.findall(where)
        ]
        return _by_loc(root, tokens)
    return _by_ids(root, where, occurrence)
