"""Swedish texts of what a record needs at each stage: problems, states, the validate report.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.checklist.messages import *  # noqa: F403

# --- validation ----------------------------------------------------------
V_MIN_ITEMS = "Listan är tom. Lägg till minst ett svar (”{item}”)."
V_NOT_ANSWERED = "Frågan är inte besvarad."

# --- CLI -----------------------------------------------------------------
CLI_PROBLEMS_HEADER = "Det här saknas eller behöver rättas ({count}):"

# --- reliability: answers, dates and documents ---
V_UNKNOWN_FIELDS_TITLE = "Okända fält"
V_UNKNOWN_FIELDS = (
    "{count} fält finns inte i checklistan: {names}. Ta bort dem eller rätta stavningen."
)
V_UNKNOWN_NAMES_MORE = "{names} och {more} till"
V_TOO_MANY_SET_ASIDE = (
    "Listan får innehålla högst {max} svar. De {count} sista har lagts undan och finns kvar i "
    "utkastet, men inte i checklistan; ta bort andra ur listan om någon av dem behövs."
)

# --- the decision process: states, decision, start, follow-ups, closing ---
STATE_LABELS = {
    "draft": "Utkast",
    "ready": "Klar för beslut",
    "decided": "Beslutat",
    "started": "Startat",
    "closed": "Avslutat",
}

# --- rules: answers that should not pass, problems grouped by step ---
PR_STEP_HEADING = "Steg {number}: {title}"
PR_GROUP_HEADING = "{heading} ({count})"
PR_OTHER_HEADING = "Övrigt i filen"
