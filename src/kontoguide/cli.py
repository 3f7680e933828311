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

from kontoguide import messages as m
from kontoguide import usage
from kontoguide.errors import ExitCode, KontoguideError
from kontoguide.help_text import SwedishCommand, SwedishGroup

app = typer.Typer(
    cls=SwedishGroup,
    help=m.CLI_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

F = TypeVar("F", bound=Callable[..., Any])


def guarded(command: F) -> F:
    """Turn our errors and interrupts into a message and an exit code, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KontoguideError as error:
            print(error.message, file=sys.stderr)
            raise typer.Exit(int(error.exit_code)) from None
        except (KeyboardInterrupt, EOFError):
            print(f"\n{m.CLI_INTERRUPTED}", file=sys.stderr)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            # The reader stopped early (`kontoguide schema | head`): nothing to report.
            _silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except OSError as error:  # a full disk or a closed terminal while writing output
            print(m.CLI_E_OS.format(detail=error.strerror or error), file=sys.stderr)
            raise typer.Exit(int(ExitCode.USAGE)) from None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    # Python would otherwise report the broken pipe again when it flushes at exit.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


AnswersOption = Annotated[
    Path | None, typer.Option("--answers", help=m.CLI_OPT_ANSWERS, dir_okay=False, metavar="FIL")
]
NoInputOption = Annotated[bool, typer.Option("--no-input", help=m.CLI_OPT_NO_INPUT)]
ChecklistOption = Annotated[
    str, typer.Option("--checklist", help=m.CLI_OPT_CHECKLIST, metavar="ID", show_default=False)
]


@app.command(cls=SwedishCommand, help=m.CLI_START_HELP)
@guarded
def start(
    answers: AnswersOption = None,
    no_input: NoInputOption = False,
    checklist: ChecklistOption = "stockholm-standard",
) -> None:
    from kontoguide import commands

    raise typer.Exit(commands.start(answers=answers, no_input=no_input, checklist_name=checklist))


@app.command(cls=SwedishCommand, help=m.CLI_RESUME_HELP)
@guarded
def resume(
    draft_id: Annotated[str | None, typer.Argument(metavar="ID", help=m.CLI_RESUME_ID)] = None,
) -> None:
    from kontoguide import commands

    raise typer.Exit(commands.resume(draft_id))


@app.command(cls=SwedishCommand, help=m.CLI_VALIDATE_HELP)
@guarded
def validate(
    file: Annotated[Path, typer.Argument(metavar="FIL", dir_okay=False, help=m.CLI_VALIDATE_FILE)],
) -> None:
    from kontoguide import commands

    raise typer.Exit(commands.validate(file))


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
    from kontoguide import commands

    chosen = fmt.value if fmt is not None else None
    raise typer.Exit(commands.export(source, fmt=chosen, output=output, force=force))


@app.command(cls=SwedishCommand, help=m.CLI_SCHEMA_HELP)
@guarded
def schema() -> None:
    from kontoguide import commands

    raise typer.Exit(commands.schema())


@app.command(cls=SwedishCommand, name="list", help=m.CLI_LIST_HELP)
@guarded
def list_records() -> None:
    from kontoguide import commands

    raise typer.Exit(commands.list_records())


def _utf8_streams() -> None:
    # A Windows pipe or an old code page must not turn an "å" into a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    _utf8_streams()
    try:
        code = app(standalone_mode=False, prog_name="kontoguide")
    except BrokenPipeError:  # `kontoguide --help | head -1`
        _silence_stdout()
        sys.exit(int(ExitCode.OK))
    except OSError as error:  # help or usage text written to a full disk
        print(m.CLI_E_OS.format(detail=error.strerror or error), file=sys.stderr)
        sys.exit(int(ExitCode.USAGE))
    except usage.Abort:  # Ctrl-C before a command started (while Python was still loading)
        print(f"\n{m.CLI_INTERRUPTED}", file=sys.stderr)
        sys.exit(int(ExitCode.INTERRUPTED))
    except usage.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # plain `kontoguide`: the help
            error.show()  # type: ignore[attr-defined]
        else:
            try:
                message = usage.usage_message(error, app)
            except Exception:  # a typer or click version we have not seen: still Swedish
                message = m.CLI_E_GENERIC
            print(message, file=sys.stderr)
        sys.exit(int(ExitCode.USAGE))
    sys.exit(code if isinstance(code, int) else 0)
