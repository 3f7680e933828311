"""Click's usage errors in Swedish, chosen by error kind and our own signatures.

Typer carries its own copy of Click with English texts written into the code,
so there is no catalogue to switch on; the message is built here from what the
error is about, never from its English text.
"""

from __future__ import annotations

from difflib import get_close_matches
from enum import Enum
from typing import Any, get_args, get_type_hints

import typer

from kontoguide.cli import messages as m

# Click's usage errors, whether typer uses click or its own copy of it: the base
# class of the one that typer exports. Their texts are English; ours replace them.
UsageError: type[Exception] = next(
    base for base in typer.BadParameter.__mro__ if base.__name__ == "UsageError"
)


# Click turns Ctrl-C outside our commands into Abort; found the same way as UsageError.
Abort: type[BaseException] = next(base for base in typer.Abort.__mro__ if base.__name__ == "Abort")


def _param_name(param: Any) -> str:
    """How the user wrote (or should write) a parameter: --format, ID|FIL."""
    if getattr(param, "param_type_name", "") == "option":
        return str(max(param.opts, key=len))
    return str(getattr(param, "metavar", None) or str(param.name).upper())


def _missing(param: Any, name: str, ctx: Any) -> str:
    """What to give, in words: "ID|FIL saknas." says nothing to a first-time user."""
    command = ctx.info_name if ctx is not None else "export"
    if getattr(param, "param_type_name", "") == "argument" and "ID" in name:
        template = m.CLI_E_MISSING_SOURCE if "FIL" in name else m.CLI_E_MISSING_ID
        return template.format(command=command)
    return m.CLI_E_MISSING.format(name=name)


def _is_flag(ctx: Any, option: str, app: typer.Typer) -> bool:
    # The parser raises this without a context; then look in every command.
    group = typer.main.get_command(app)
    commands = [ctx.command] if ctx is not None else [group, *group.commands.values()]  # type: ignore[attr-defined]
    # The same name can be a flag in one command and take a value in another
    # (`schema --answers`, `start --answers FIL`): a flag only where it is one everywhere.
    found = [p for c in commands for p in c.params if option in p.opts]
    return bool(found) and all(getattr(p, "is_flag", False) for p in found)


def _annotation(ctx: Any, param: Any) -> Any:
    """The type a parameter has in our command's signature (None or not an option: None)."""
    try:
        hint = get_type_hints(ctx.command.callback)[param.name]
    except Exception:  # no context, no callback: the message is just less specific
        return None
    inner = [arg for arg in get_args(hint) if arg is not type(None)]
    return inner[0] if len(inner) == 1 else hint


def _no_such_command(error: Any, commands: list[str]) -> str:
    """The commands there are and, for a near miss (`exprot`), the one meant."""
    message = m.CLI_E_NO_SUCH_COMMAND.format(commands=", ".join(commands))
    typed = getattr(error, "typed_command", None)  # set by help_text.SwedishGroup
    close = get_close_matches(typed, commands) if isinstance(typed, str) else []
    if close:
        message += " " + m.CLI_E_DID_YOU_MEAN.format(options=", ".join(close))
    return message


def usage_message(error: Any, app: typer.Typer) -> str:
    """The Swedish message for a usage error, from its kind and parameter, never its text."""
    ctx = error.ctx
    kind = type(error).__name__
    param = getattr(error, "param", None)
    name = _param_name(param) if param is not None else ""
    if kind == "NoSuchOption":
        message = m.CLI_E_NO_SUCH_OPTION.format(option=error.option_name)
        if error.possibilities:
            message += " " + m.CLI_E_DID_YOU_MEAN.format(options=", ".join(error.possibilities))
    elif kind == "BadOptionUsage":
        flag = _is_flag(ctx, error.option_name, app)
        template = m.CLI_E_FLAG_TAKES_NO_VALUE if flag else m.CLI_E_OPTION_NEEDS_VALUE
        message = template.format(option=error.option_name)
    elif kind == "MissingParameter":
        message = _missing(param, name, ctx)
    elif kind == "BadParameter":
        expected = _annotation(ctx, param)
        if isinstance(expected, type) and issubclass(expected, Enum):
            listed = ", ".join(str(choice.value) for choice in expected)
            message = m.CLI_E_CHOOSE.format(name=name, choices=listed)
        else:
            message = m.CLI_E_BAD_VALUE.format(name=name)
    elif ctx is not None and hasattr(ctx.command, "commands"):
        message = _no_such_command(error, list(ctx.command.commands))
    else:
        message = m.CLI_E_TOO_MANY_ARGUMENTS
    command = ctx.command_path if ctx is not None else "kontoguide"
    return f"{message}\n{m.CLI_E_SEE_HELP.format(command=command)}"
