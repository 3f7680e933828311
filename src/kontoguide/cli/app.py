"""Command-line entry: registers the commands and maps errors to exit codes.

No logic lives here. Heavy modules (pydantic models, questionary, python-docx)
are imported inside the commands so that `kontoguide --help` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from kontoguide.cli import messages as m
from kontoguide.cli import usage
from kontoguide.cli.help_text import SwedishCommand, SwedishGroup
from kontoguide.model.errors import ExitCode, KontoguideError, interrupted
from kontoguide.terminal import output

app = typer.Typer(
    cls=SwedishGroup,
    help=f"{m.CLI_HELP}\n\n{m.CLI_HELP_PLAIN}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # -h as well as --help; Click hands the names down to every command's context.
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def _show_version(value: bool) -> None:
    # Eager, so `kontoguide --version` answers without a command; __version__ is a
    # string in the package itself (the build reads it too), so no metadata lookup
    # slows the start.
    if value:
        from kontoguide import __version__

        output.say(m.CLI_VERSION.format(version=__version__))
        output.finish()
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def _group(
    version: Annotated[
        bool,
        typer.Option("--version", help=m.CLI_OPT_VERSION, is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    """The group's own options; the commands do the work."""


def guarded(command: F) -> F:
    """Turn our errors and interrupts into a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        code = _run(command, *args, **kwargs)
        try:
            output.finish()
        except OSError as error:  # the command's output went to a full disk
            output.complain(m.CLI_E_OS.format(detail=error.strerror or error))
            code = max(code, int(ExitCode.USAGE))
        raise typer.Exit(code)

    return wrapper  # type: ignore[return-value]


def _run(command: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    try:
        command(*args, **kwargs)
    except typer.Exit as done:
        return int(done.exit_code)
    except KontoguideError as error:
        output.complain(error.message)
        return int(error.exit_code)
    except (KeyboardInterrupt, EOFError):
        output.complain(f"\n{m.CLI_INTERRUPTED}")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader stopped early (`kontoguide schema | head`): nothing to report.
        output.reader_gone_now()
        return int(ExitCode.OK)
    except OSError as error:  # a full disk or a closed terminal while writing output
        output.complain(_os_error_text(error))
        return int(ExitCode.USAGE)
    except Exception as error:
        # Ctrl-C while a module is still being imported can surface wrapped in
        # another error (Python's "Error calling __set_name__"): still an interrupt.
        if interrupted(error):
            output.complain(f"\n{m.CLI_INTERRUPTED}")
            return int(ExitCode.INTERRUPTED)
        raise
    return int(ExitCode.OK)


def _os_error_text(error: OSError) -> str:
    from kontoguide.files.pathlimits import is_too_long, too_long_reason

    if is_too_long(error) and error.filename:
        # A path too long for the file system, met where no writer named it yet.
        return m.CLI_E_TOO_LONG.format(path=error.filename, reason=too_long_reason(error))
    return m.CLI_E_OS.format(detail=error.strerror or error)


AnswersOption = Annotated[
    Path | None, typer.Option("--answers", help=m.CLI_OPT_ANSWERS, metavar="FIL")
]
NoInputOption = Annotated[bool, typer.Option("--no-input", help=m.CLI_OPT_NO_INPUT)]
PlainOption = Annotated[bool, typer.Option("--enkel", help=m.CLI_OPT_PLAIN)]
ChecklistOption = Annotated[
    str | None,
    typer.Option("--checklist", help=m.CLI_OPT_CHECKLIST, metavar="ID", show_default=False),
]


@app.command(cls=SwedishCommand, help=m.CLI_START_HELP)
@guarded
def start(
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    checklist: ChecklistOption = None,
    from_source: Annotated[
        str | None, typer.Option("--from", help=m.CLI_OPT_FROM, metavar="ID|FIL")
    ] = None,
    plain: PlainOption = False,
) -> None:
    from kontoguide.store.collector import collector_paused

    # What the imports and the checklist build lives as long as the command: Python's
    # collector walking it again and again slowed the first question (issue 23).
    with collector_paused():
        from kontoguide.cli import commands
    from kontoguide.terminal.plain_wanted import wanted

    raise typer.Exit(
        commands.start(
            answers=answers,
            no_input=no_input,
            checklist_name=checklist,
            from_source=from_source,
            plain=wanted(plain, os.environ),
        )
    )


@app.command(cls=SwedishCommand, help=m.CLI_RESUME_HELP)
@guarded
def resume(
    draft_id: Annotated[str | None, typer.Argument(metavar="ID", help=m.CLI_RESUME_ID)] = None,
    plain: PlainOption = False,
) -> None:
    from kontoguide.cli import commands
    from kontoguide.terminal.plain_wanted import wanted

    raise typer.Exit(commands.resume(draft_id, plain=wanted(plain, os.environ)))


@app.command(cls=SwedishCommand, help=m.CLI_VALIDATE_HELP)
@guarded
def validate(
    source: Annotated[str, typer.Argument(metavar="ID|FIL", help=m.CLI_VALIDATE_SOURCE)],
) -> None:
    from kontoguide.cli import commands

    raise typer.Exit(commands.validate(source))


class ExportFormat(StrEnum):
    docx = "docx"
    json = "json"
    md = "md"


@app.command(cls=SwedishCommand, help=m.CLI_EXPORT_HELP)
@guarded
def export(
    source: Annotated[str, typer.Argument(metavar="ID|FIL", help=m.CLI_EXPORT_SOURCE)],
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help=m.CLI_OPT_FORMAT, case_sensitive=False, metavar="docx|json|md"
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=m.CLI_OPT_OUTPUT, metavar="FIL|MAPP")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=m.CLI_OPT_FORCE)] = False,
) -> None:
    from kontoguide.cli import commands

    chosen = fmt.value if fmt is not None else None
    raise typer.Exit(commands.export(source, fmt=chosen, output=output, force=force))


@app.command(cls=SwedishCommand, help=m.CLI_SCHEMA_HELP)
@guarded
def schema(
    answers: Annotated[bool, typer.Option("--answers", help=m.CLI_OPT_SCHEMA_ANSWERS)] = False,
    overview: Annotated[bool, typer.Option("--overview", help=m.CLI_OPT_SCHEMA_OVERVIEW)] = False,
    checklist: Annotated[
        str | None,
        typer.Option("--checklist", help=m.CLI_OPT_SCHEMA_CHECKLIST, metavar="ID"),
    ] = None,
    output_path: Annotated[
        Path | None, typer.Option("--output", "-o", help=m.CLI_OPT_SCHEMA_OUTPUT, metavar="FIL")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=m.CLI_OPT_FORCE)] = False,
) -> None:
    from kontoguide.cli import commands

    if overview:
        from kontoguide.cli.overview_command import schema_json as overview_schema

        content = overview_schema(answers=answers)
    elif checklist is not None:
        from kontoguide.cli import checklist_commands

        content = checklist_commands.schema_json(checklist, answers=answers)
    else:
        content = commands.schema_json(answers=answers)
    raise typer.Exit(commands.put_schema(content, output_path, force=force))


@app.command(cls=SwedishCommand, name="list", help=m.CLI_LIST_HELP)
@guarded
def list_records(
    plain: Annotated[bool, typer.Option("--enkel", help=m.CLI_OPT_PLAIN_LIST)] = False,
) -> None:
    from kontoguide.cli.list_command import list_records as listing
    from kontoguide.terminal.plain_wanted import wanted

    raise typer.Exit(listing(plain=wanted(plain, os.environ)))


@app.command(cls=SwedishCommand, help=m.CLI_OVERVIEW_HELP)
@guarded
def overview(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[MAPP|FIL ...]", help=m.CLI_OVERVIEW_PATHS, show_default=False),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=m.CLI_OPT_OV_FORMAT,
            metavar="csv|xlsx|json|md|html|stadens-lista",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=m.CLI_OPT_OV_OUTPUT, metavar="FIL|MAPP")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=m.CLI_OPT_FORCE)] = False,
    org: Annotated[str | None, typer.Option("--org", help=m.CLI_OPT_OV_ORG, metavar="TEXT")] = None,
    state: Annotated[
        list[str] | None, typer.Option("--state", help=m.CLI_OPT_OV_STATE, metavar="STATUS")
    ] = None,
    due_within: Annotated[
        int | None, typer.Option("--due-within", help=m.CLI_OPT_OV_DUE, metavar="DAGAR")
    ] = None,
    attention: Annotated[bool, typer.Option("--attention", help=m.CLI_OPT_OV_ATTENTION)] = False,
) -> None:
    from kontoguide.cli.overview_command import overview as run_overview

    raise typer.Exit(
        run_overview(
            list(paths or []),
            fmt=fmt.lower() if fmt is not None else None,
            output_path=output,
            force=force,
            org=org,
            states=list(state or []),
            due_within=due_within,
            attention_only=attention,
        )
    )


# `kontoguide checklist new|check|list`: for the person who writes a variant.
checklist_app = typer.Typer(
    cls=SwedishGroup,
    help=m.CLI_CHECKLIST_HELP,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(checklist_app, name="checklist")


@checklist_app.command(cls=SwedishCommand, name="new", help=m.CLI_CHECKLIST_NEW_HELP)
@guarded
def checklist_new(
    checklist_id: Annotated[str, typer.Argument(metavar="ID", help=m.CLI_CHECKLIST_NEW_ID)],
) -> None:
    from kontoguide.cli import checklist_commands

    raise typer.Exit(checklist_commands.new(checklist_id))


@checklist_app.command(cls=SwedishCommand, name="check", help=m.CLI_CHECKLIST_CHECK_HELP)
@guarded
def checklist_check(
    file: Annotated[str, typer.Argument(metavar="FIL", help=m.CLI_CHECKLIST_CHECK_FILE)],
) -> None:
    from kontoguide.cli import checklist_commands

    raise typer.Exit(checklist_commands.check(file))


@checklist_app.command(cls=SwedishCommand, name="list", help=m.CLI_CHECKLIST_LIST_HELP)
@guarded
def checklist_list() -> None:
    from kontoguide.cli import checklist_commands

    raise typer.Exit(checklist_commands.list_checklists())


def _utf8_streams() -> None:
    # A Windows pipe or an old code page must not turn an "å" into a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # Redirected output is a file for other programs: UTF-8, whatever the code
            # page (a console keeps its own encoding, which Python already handles).
            redirected = not _is_terminal(stream)
            reconfigure(errors="replace", **({"encoding": "utf-8"} if redirected else {}))
    # Piped or redirected input (`start --enkel < svar.txt`, `Get-Content svar.txt |`) is
    # read as UTF-8 with an optional BOM, not in Windows' ANSI code page: "förvaltning"
    # stays itself, and a BOM does not become the first answer.
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None and not _is_terminal(sys.stdin):
        reconfigure(encoding="utf-8-sig", errors="replace")
    elif reconfigure is not None:
        # A terminal's byte that is not UTF-8 (a Latin-1 "ö" pasted in plain mode) is
        # kept as that byte, whatever the locale: the answer is then refused naming the
        # byte, and a pause keeps the line, instead of a UnicodeDecodeError losing it.
        reconfigure(errors="surrogateescape")


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


def main() -> None:
    if not output.fill_closed_streams():
        output.complain(m.CLI_E_STDOUT_CLOSED)
        sys.exit(int(ExitCode.USAGE))
    _utf8_streams()
    code = _exit_code_of_app()
    # Flushed here, not by the interpreter at exit: a buffered stdout on a full disk
    # would otherwise end in Python's English "Exception ignored" and exit code 120.
    try:
        output.finish()
    except OSError as error:
        output.reader_gone_now()
        output.complain(m.CLI_E_OS.format(detail=error.strerror or error))
        code = code or int(ExitCode.USAGE)
    output.settle_stderr()
    sys.exit(code)


def _exit_code_of_app() -> int:
    try:
        code = app(standalone_mode=False, prog_name="kontoguide")
    except BrokenPipeError:  # `kontoguide --help | head -1`
        output.reader_gone_now()
        return int(ExitCode.OK)
    except OSError as error:  # help or usage text written to a full disk
        output.reader_gone_now()
        output.complain(m.CLI_E_OS.format(detail=error.strerror or error))
        return int(ExitCode.USAGE)
    except usage.Abort:  # Ctrl-C before a command started (while Python was still loading)
        output.complain(f"\n{m.CLI_INTERRUPTED}")
        return int(ExitCode.INTERRUPTED)
    except usage.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # plain `kontoguide`: the help
            error.show()  # type: ignore[attr-defined]
        else:
            try:
                message = usage.usage_message(error, app)
            except Exception:  # a typer or click version we have not seen: still Swedish
                message = m.CLI_E_GENERIC
            output.complain(message)
        return int(ExitCode.USAGE)
    return code if isinstance(code, int) else 0
