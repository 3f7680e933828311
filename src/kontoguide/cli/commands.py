"""What each command does, as functions that return an exit code.

The CLI module only parses arguments and calls these; tests call them too.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from kontoguide.checklist.folders import DEFAULT_CHECKLIST
from kontoguide.checklist.install import checklist_for_start
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.errors import ExitCode, UsageError
from kontoguide.model.textsafe import printable
from kontoguide.rules.field_problems import Problem
from kontoguide.rules.lifecycle import state_label
from kontoguide.store import drafts
from kontoguide.store.collector import collector_paused
from kontoguide.store.storage import Store
from kontoguide.store.write_target import refuse_too_long
from kontoguide.terminal import output
from kontoguide.terminal.output import say, say_bytes


def _width() -> int:
    return shutil.get_terminal_size().columns


def say_wrapped(text: str) -> None:
    """A message wrapped to the terminal's width, never inside a word or a command."""
    from kontoguide.rules.problem_report import wrap_text

    for line in wrap_text(text, _width()):
        say(line)


def print_problems(found: list[Problem], checklist: Checklist) -> None:
    """The problems grouped by step, wrapped to the terminal (see problem_report)."""
    from kontoguide.rules.problem_report import report_lines
    from kontoguide.terminal.pager import page_lines

    lines = report_lines(found, checklist, _width())
    if page_lines(lines):
        return
    for line in lines:
        say(line)


def _has_terminal() -> bool:
    # stdin closed before the start is None in Python (or the null device, see output).
    return sys.stdin is not None and sys.stdin.isatty()


def start(
    *,
    answers: Path | None,
    no_input: bool,
    checklist_name: str | None,
    from_source: str | None = None,
    plain: bool = False,
) -> int:
    if from_source is not None and answers is not None:
        raise UsageError(m.CLI_FROM_WITH_ANSWERS)
    if from_source is not None and no_input:
        raise UsageError(m.CLI_FROM_NEEDS_TERMINAL)
    if no_input and answers is None:
        raise UsageError(m.CLI_NO_INPUT_NEEDS_ANSWERS)
    with collector_paused():  # what loading builds lives as long as the command
        checklist = _checklist_for(answers, checklist_name)
    if checklist.notice_ignored:
        # The variant's own notice is not what is shown: its author must hear it.
        where = printable(str(checklist.source or checklist.id))
        output.complain(m.CV_START_NOTICE_IGNORED.format(path=where, detail=m.CV_NOTICE_IGNORED))
    store = Store()
    store.sweep()
    if answers is not None and no_input:
        record, found = drafts.from_answers(answers, checklist, store)
        print_problems(found, checklist)
        if record.set_aside:
            say_wrapped(m.CLI_SET_ASIDE_KEPT.format(count=len(record.set_aside)))
        say_wrapped(
            m.CLI_SAVED_STATE.format(draft_id=record.id, state=state_label(record, checklist))
        )
        # The saved record is only reachable by its id: say how to go on with it.
        say_wrapped(m.CLI_NEXT_RESUME.format(draft_id=record.id))
        say_wrapped(m.CLI_NEXT_EXPORT.format(draft_id=record.id))
        return ExitCode.INVALID_DATA if found else ExitCode.OK
    # Plain mode reads answers line by line: from a terminal or piped in.
    if not plain and not _has_terminal():
        raise UsageError(m.CLI_FROM_NEEDS_TERMINAL if from_source else m.CLI_NO_TTY)
    earlier = drafts.earlier_record(from_source, store) if from_source is not None else None
    with collector_paused():
        from kontoguide.terminal import interactive

    return interactive.start(checklist, store, answers=answers, earlier=earlier, plain=plain)


def _checklist_for(answers: Path | None, given: str | None) -> Checklist:
    """The checklist to fill in: the one given, else the one the answers file names.

    An answers file made for an installed variant names it (checklist_id); filled in
    with the standard instead, its own answers would be set aside and the rest reported
    whole. A file that names another checklist than the one given is refused.
    """
    named: str | None = None
    if answers is not None:
        value = drafts.read_answers(answers).get("checklist_id")
        named = value if isinstance(value, str) and value.strip() else None
    if given is None:
        return checklist_for_start(named or DEFAULT_CHECKLIST)
    checklist = checklist_for_start(given)
    if named is not None and named != checklist.id:
        raise UsageError(
            m.CLI_ANSWERS_OTHER_CHECKLIST.format(
                path=printable(str(answers)), named=printable(named), given=checklist.id
            )
        )
    return checklist


def resume(draft_id: str | None, *, plain: bool = False) -> int:
    if not plain and not _has_terminal():
        raise UsageError(m.CLI_NO_TTY_RESUME)
    from kontoguide.terminal import interactive

    store = Store()
    store.sweep()
    return interactive.resume(store, draft_id, plain=plain)


def validate(source: str) -> int:
    # The same ID|FILE rule as export; a file may also be an answers file.
    loaded, found = drafts.check(
        drafts.resolve(
            # The same words as for `start --from`: the same rule for ID|FIL.
            source,
            lambda path: drafts.record_or_answers(path, "kontroll"),
            m.CLI_FROM_UNKNOWN,
        )
    )
    state = state_label(loaded.record, loaded.checklist)
    if found:
        print_problems(found, loaded.checklist)
        say_wrapped(m.CLI_STATE.format(state=state))
        return ExitCode.INVALID_DATA
    say_wrapped(m.CLI_VALID.format(path=source, state=state))
    return ExitCode.OK


def export(source: str, *, fmt: str | None, output: Path | None, force: bool) -> int:
    from kontoguide.documents.export import choose_format, export, resolve_source

    if output is not None:
        refuse_too_long(output)
    chosen = choose_format(fmt, output)
    loaded = resolve_source(source)
    done = export(loaded.record, loaded.checklist, chosen, output, force)
    say_wrapped(m.EXPORT_WRITTEN.format(path=done.path))
    if done.draft and done.missing:
        say_wrapped(m.EXPORT_DRAFT_NOTE.format(count=done.missing))
    elif done.draft:
        say_wrapped(m.EXPORT_DRAFT_NOT_REVIEWED_NOTE.format(draft_id=loaded.record.id))
    return ExitCode.OK


def schema_json(*, answers: bool = False) -> bytes:
    from kontoguide.model.record import file_schema

    text = json.dumps(file_schema(answers=answers), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def put_schema(content: bytes, output_path: Path | None, *, force: bool = False) -> int:
    """A schema to standard output, or (`output_path`) into that file as UTF-8."""
    if output_path is None:
        say_bytes(content)
        return ExitCode.OK
    from kontoguide.cli.output_file import write_output

    write_output(content, output_path, force)
    say_wrapped(m.CLI_SCHEMA_WRITTEN.format(path=printable(str(output_path))))
    return ExitCode.OK


# The table in plain mode is laid out without a width: each row becomes one line.
_PLAIN_TABLE_WIDTH = 10_000


@collector_paused()
def list_records(*, plain: bool = False) -> int:
    from kontoguide.store.listing import scan_listed
    from kontoguide.terminal.console import make_console
    from kontoguide.terminal.views import drafts_table

    store = Store()
    found, unusable = scan_listed(store)
    console = make_console(file=output.stdout)
    if not found and not unusable:
        from kontoguide.cli.list_empty import say_empty

        say_empty(store.folder)
        return ExitCode.OK
    if found and plain:
        # One line per checklist ("Id: …. Konto: …. Status: …"), not a table whose
        # cells a screen reader hears wrapped across lines.
        from kontoguide.terminal.plain_screen import PlainScreen

        PlainScreen(output.stdout).print(drafts_table(found, status=True, width=_PLAIN_TABLE_WIDTH))
    elif found:
        console.print(drafts_table(found, status=True, width=console.width))
    if unusable:
        err = make_console(stderr=True)
        err.print(m.CLI_LIST_BROKEN.format(count=len(unusable)), markup=False)
        for message in unusable:
            # Unwrapped: a path folded mid-word cannot be copied from the terminal.
            err.print(f"  - {message}", markup=False, soft_wrap=True)
        return ExitCode.INVALID_DATA
    return ExitCode.OK
