"""The console script's entry: Ctrl-C while the program is still loading exits quietly.

Importing the CLI (Typer, Click) takes a moment; an interrupt in that moment
would otherwise end in a Python traceback instead of exit code 130.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from kontoguide.cli import main as run

        run()
    except KeyboardInterrupt:
        from kontoguide import messages as m
        from kontoguide.errors import ExitCode

        print(f"\n{m.CLI_INTERRUPTED}", file=sys.stderr)
        sys.exit(int(ExitCode.INTERRUPTED))
