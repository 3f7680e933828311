"""Whether plain mode is asked for: a module of its own so that commands which only need
to know (list, start, resume) do not import the plain asker before they use it."""

from __future__ import annotations

from collections.abc import Mapping

ENV = "KONTOGUIDE_ENKEL"
# The convention other command-line tools follow for a plain, accessible output.
ACCESSIBLE_ENV = "ACCESSIBLE"
_OFF = ("", "0", "nej", "no", "false")


def wanted(flag: bool, environ: Mapping[str, str]) -> bool:
    """Plain mode: asked for with --enkel, KONTOGUIDE_ENKEL or ACCESSIBLE, or a dumb terminal.

    KONTOGUIDE_ENKEL is kontoguide's own and wins (KONTOGUIDE_ENKEL=0 turns the mode
    off although ACCESSIBLE is set for other programs); ACCESSIBLE turns it on with any
    value but an empty one, 0, false, no or nej."""
    if flag:
        return True
    for name in (ENV, ACCESSIBLE_ENV):
        setting = environ.get(name)
        if setting is not None and (setting.strip() or name == ENV):
            return setting.strip().lower() not in _OFF
    return environ.get("TERM", "").strip().lower() == "dumb"
