"""`kontoguide --help` lists each command with its whole first sentence, at any width."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import run_kontoguide
from kontoguide.cli import messages as m


@pytest.mark.parametrize("columns", ["60", "80", "120"])
@pytest.mark.parametrize("group", [(), ("checklist",)])
def test_every_command_summary_is_whole(
    tmp_path: Path, columns: str, group: tuple[str, ...]
) -> None:
    done = run_kontoguide(*group, "--help", home=tmp_path, env={"COLUMNS": columns})
    assert done.returncode == 0, done.stderr
    listed = done.stdout.split(m.HELP_COMMANDS + ":", 1)[1]
    assert "..." not in listed
    flat = " ".join(listed.split())
    import typer.main

    from kontoguide.cli.app import app

    command = typer.main.get_command(app)
    for name in group:
        command = command.commands[name]  # type: ignore[attr-defined]
    for sub in command.commands.values():  # type: ignore[attr-defined]
        first = " ".join(str(sub.help).split("\n\n")[0].split())
        sentence = first[: first.find(". ") + 1] if ". " in first else first
        assert sentence in flat, sub.name
