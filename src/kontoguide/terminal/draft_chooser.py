"""Which record `resume` without an id opens: the person picks one that still waits
for something (answers, a decision, the start, a follow-up)."""

from __future__ import annotations

from rich.text import Text

from kontoguide.model.errors import UsageError
from kontoguide.questionnaire.prompting import Asker, Option, Prompt
from kontoguide.store import drafts
from kontoguide.store.drafts import Loaded
from kontoguide.store.storage import Store
from kontoguide.terminal import messages as m
from kontoguide.terminal.views import RichScreen, draft_title, drafts_table


def has_work_left(item: Loaded) -> bool:
    """Whether a record waits for something: answers, a decision, the start, follow-ups.

    A postponed decision waits for a new one; a rejected one and a closed account
    are done (`resume ID` still opens them, for the document or a new decision).
    """
    record = item.record
    if record.status == "decided":
        return record.step5.outcome != "avslaget"
    return record.status != "closed"


def choose_draft(store: Store, asker: Asker, screen: RichScreen) -> str | None:
    """Let the user pick a record with something left to do; None if they cancel."""
    everything, unusable = drafts.scan_records(store)
    for message in unusable:
        screen.note(message, "problem")
    found = [item for item in everything if has_work_left(item)]
    if not found:
        raise UsageError(m.I_NOTHING_TO_RESUME)
    screen.print(Text(""))
    table = drafts_table(
        found, title=m.VIEW_RESUMABLE_TITLE, status=True, width=screen.console.width
    )
    screen.print(table)
    options = [Option(item.record.id, draft_title(item)) for item in found]
    options.append(Option("", m.I_CHOOSE_CANCEL))
    choice = asker.select(Prompt(m.I_CHOOSE_RECORD, default=options[0].value), options)
    if not choice:
        screen.note(m.I_STOPPED_NOTHING_CHANGED)
        return None
    return choice
