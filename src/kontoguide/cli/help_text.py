"""`--help` in Swedish: the command classes that lay out Typer's plain-text help.

Typer's own help is English in four places: the usage prefix, the section
headings, the help option and the [required]/[default] notes. These classes
write the same layout with our words; the options' own texts come from
messages.py as before.
"""

from __future__ import annotations

from typing import Any

import typer.core

from kontoguide.cli import messages as m
from kontoguide.cli import usage


def _argument(param: Any) -> str:
    """How an argument is written: its metavar, in brackets when it may be left out."""
    name = str(param.metavar or str(param.name).upper())
    return name if param.required else f"[{name}]"


def _usage(command: Any, ctx: Any, formatter: Any) -> None:
    pieces = [m.HELP_OPTIONS_METAVAR]
    pieces += [_argument(p) for p in command.get_params(ctx) if p.param_type_name == "argument"]
    if isinstance(command, typer.core.TyperGroup):
        pieces.append(m.HELP_COMMAND_METAVAR)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=m.HELP_USAGE_PREFIX)


def _record(param: Any, ctx: Any) -> tuple[str, str] | None:
    record = param.get_help_record(ctx)
    if record is None:
        return None
    name, text = record
    if param.name == "help":
        text = m.HELP_HELP_OPTION
    if param.param_type_name == "argument":
        name = str(param.metavar or name)  # without Typer's "<str>" type note
    return name, text.replace("[required]", m.HELP_REQUIRED)


def _options(command: Any, ctx: Any, formatter: Any) -> None:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = _record(param, ctx)
        if record is not None:
            (arguments if param.param_type_name == "argument" else options).append(record)
    for title, rows in ((m.HELP_ARGUMENTS, arguments), (m.HELP_OPTIONS, options)):
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)


def _summary(command: Any) -> str:
    """A command's line in the list of commands: the first sentence of its help, whole
    (Click cuts it with "..." at a width of its own, even in a wide terminal); the list
    wraps it instead."""
    text = " ".join(str(command.short_help or command.help or "").split("\n\n")[0].split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _help_option_unset_is_false(option: Any) -> Any:
    # Typer gives -h/--help no default, and a flag's None goes through a pydantic
    # TypeAdapter to become False: that imported pydantic (and importlib.metadata for
    # its plugins) for every command, even an empty `list` (issue 23). False is what
    # the coercion made of it; nothing printed changes.
    if option is not None and option.default is None:
        option.default = False
    return option


class SwedishCommand(typer.core.TyperCommand):
    def get_help_option(self, ctx: Any) -> Any:
        return _help_option_unset_is_false(super().get_help_option(ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _options(self, ctx, formatter)


class SwedishGroup(typer.core.TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        return _help_option_unset_is_false(super().get_help_option(ctx))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        # Click's error names the mistyped command only in its English text, and the
        # arguments are gone by the time the error is shown: keep the name on the
        # error so that usage.usage_message can suggest a command in Swedish.
        try:
            return super().resolve_command(ctx, args)
        except usage.UsageError as error:
            if args:
                error.typed_command = args[0]  # type: ignore[attr-defined]
            raise

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        _usage(self, ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _options(self, ctx, formatter)
        rows = [
            (name, _summary(command))
            for name, command in self.commands.items()
            if not command.hidden
        ]
        if rows:
            with formatter.section(m.HELP_COMMANDS):
                formatter.write_dl(rows)
