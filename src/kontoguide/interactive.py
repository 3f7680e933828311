"""`kontoguide start` and `kontoguide resume` in a terminal.

Order of things: the Schrems II notice first (declined: nothing saved); the
record is created and saved only after the acknowledgement; the draft is
locked for the whole session; every accepted answer is saved at once; Ctrl-C
or Ctrl-D anywhere ends with the exact command to continue and exit code 130.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from rich.text import Text

from kontoguide import drafts
from kontoguide import messages as m
from kontoguide.checklist import Checklist
from kontoguide.console import make_console
from kontoguide.dialogue import (
    NO,
    YES,
    Asker,
    Conversation,
    Option,
    Overview,
    Prompt,
    SummaryShown,
)
from kontoguide.errors import ExitCode, KontoguideError, OutputExistsError, UsageError
from kontoguide.flow import Flow
from kontoguide.prompts import QuestionaryAsker
from kontoguide.record import NoticeAck, Record
from kontoguide.storage import Store, now
from kontoguide.validation import Problem
from kontoguide.views import (
    RichScreen,
    acknowledged_line,
    draft_title,
    drafts_table,
    notice_panel,
)

_EXPORT, _CHANGE, _QUIT = "export", "change", "quit"
Interrupted = (KeyboardInterrupt, EOFError)


def start(
    checklist: Checklist,
    store: Store,
    *,
    answers: Path | None = None,
    asker: Asker | None = None,
    screen: RichScreen | None = None,
) -> int:
    screen = screen or RichScreen(make_console())
    asker = asker or QuestionaryAsker()
    # Read the answers file before the notice, so a wrong path fails before any question.
    prefill = drafts.read_answers(answers) if answers is not None else None
    try:
        acknowledged = ask_notice(checklist, asker, screen)
    except Interrupted:
        screen.print(Text(""))
        screen.note(m.I_STOPPED_NOTHING_SAVED)
        return ExitCode.INTERRUPTED
    if acknowledged is None:
        screen.note(checklist.notice.declined)
        return ExitCode.OK
    record, invalid = _new_record(checklist, store.allocate_id(), acknowledged, prefill)
    record = drafts.settle(record, checklist)
    with store.lock(record.id):
        store.save(record)
        try:
            screen.note(acknowledged_line(acknowledged), "success")
            screen.note(m.I_DRAFT_CREATED.format(draft_id=record.id))
            if prefill is not None:
                _show_prefill(screen, answers, invalid)
        except Interrupted:  # the draft exists from here on: say how to continue
            _say_saved(screen, store, record)
            return ExitCode.INTERRUPTED
        return _session(checklist, store, record, asker, screen)


def resume(
    store: Store,
    draft_id: str | None,
    *,
    asker: Asker | None = None,
    screen: RichScreen | None = None,
) -> int:
    screen = screen or RichScreen(make_console())
    asker = asker or QuestionaryAsker()
    if draft_id is None:
        try:
            draft_id = choose_draft(store, asker, screen)
        except Interrupted:
            screen.print(Text(""))
            screen.note(m.I_STOPPED_NOTHING_CHANGED)
            return ExitCode.INTERRUPTED
        if draft_id is None:
            return ExitCode.OK
    elif not store.exists(draft_id):  # checked first so no lock file is left for a typo
        store.read(draft_id)  # raises the "no such draft" message
    with store.lock(draft_id):
        loaded = drafts.load(store, draft_id)
        record = loaded.record
        if record.notice is None:
            try:
                acknowledged = ask_notice(loaded.checklist, asker, screen)
            except Interrupted:
                screen.print(Text(""))
                screen.note(m.I_STOPPED_NOTHING_CHANGED)
                return ExitCode.INTERRUPTED
            if acknowledged is None:
                screen.note(loaded.checklist.notice.declined)
                return ExitCode.OK
            record = drafts.settle(drafts.acknowledged(record, acknowledged), loaded.checklist)
            store.save(record)
            screen.note(acknowledged_line(acknowledged), "success")
        if record.status != "draft":
            return _reopen_complete(loaded.checklist, store, record, asker, screen)
        _show_resume(screen, loaded.checklist, record, loaded.set_aside_now)
        return _session(loaded.checklist, store, record, asker, screen)


# --- the notice -----------------------------------------------------------------------


def ask_notice(checklist: Checklist, asker: Asker, screen: RichScreen) -> datetime | None:
    """Show the notice and ask for the acknowledgement; its moment, or None if declined."""
    screen.print(notice_panel(checklist.notice))
    # The decline comes first: going on must be a deliberate move, not a quick Enter.
    answer = asker.select(
        Prompt(checklist.notice.confirm),
        [Option(NO, m.I_NOTICE_DECLINE), Option(YES, m.I_NOTICE_ACCEPT)],
    )
    return now() if answer == YES else None


# --- records ---------------------------------------------------------------------------


def _new_record(
    checklist: Checklist, draft_id: str, acknowledged: datetime, prefill: dict[str, Any] | None
) -> tuple[Record, list[Problem]]:
    if prefill is None:
        record = drafts.new_record(checklist, draft_id)
        return drafts.acknowledged(record, acknowledged), []
    notice = NoticeAck(acknowledged=True, acknowledged_at=acknowledged)
    return drafts.prefilled(prefill, checklist, draft_id, notice)


# --- a checklist that is already complete ------------------------------------------------


def _reopen_complete(
    checklist: Checklist, store: Store, record: Record, asker: Asker, screen: RichScreen
) -> int:
    """A complete checklist stays complete unless the user chooses to change an answer."""
    screen.print(Text(""))
    name = record.account_name or m.UNNAMED
    screen.note(m.I_RESUME_COMPLETE.format(draft_id=record.id, name=name), "success")
    try:
        choice = asker.select(
            Prompt(m.I_COMPLETE_WHAT, default=_EXPORT),
            [
                Option(_EXPORT, m.I_COMPLETE_EXPORT),
                Option(_CHANGE, m.I_COMPLETE_CHANGE),
                Option(_QUIT, m.I_COMPLETE_QUIT),
            ],
        )
        if choice == _EXPORT:
            written = _export(record, checklist, asker, screen)
            if written is not None:
                screen.note(m.I_DOCX_WRITTEN.format(path=written), "success")
            return ExitCode.OK
    except Interrupted:
        screen.print(Text(""))
        screen.note(m.I_STOPPED_NOTHING_CHANGED)
        return ExitCode.INTERRUPTED
    if choice != _CHANGE:
        screen.note(m.I_COMPLETE_UNCHANGED.format(draft_id=record.id))
        return ExitCode.OK
    return _session(checklist, store, record, asker, screen)


# --- the session -------------------------------------------------------------------------


def _session(
    checklist: Checklist, store: Store, record: Record, asker: Asker, screen: RichScreen
) -> int:
    flow = Flow(checklist, record, save=store.save)
    conversation = Conversation(flow, asker, screen)
    try:
        completed = conversation.review()
    except Interrupted:
        _say_saved(screen, store, flow.record)
        return ExitCode.INTERRUPTED
    if not completed:
        _say_saved(screen, store, flow.record, interrupted=False)
        return ExitCode.OK
    try:
        _finish(flow.record, checklist, store, asker, screen)
    except Interrupted:
        screen.print(Text(""))
        screen.note(m.I_COMPLETE_EXPORT_LATER.format(draft_id=record.id))
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def _say_saved(
    screen: RichScreen, store: Store, record: Record, *, interrupted: bool = True
) -> None:
    if interrupted:
        screen.print(Text(""))
    if record.status != "draft":  # reopened, but nothing was changed
        screen.note(m.I_COMPLETE_UNCHANGED.format(draft_id=record.id), "success")
        return
    screen.note(m.I_SAVED_RESUME.format(draft_id=record.id), "success")
    screen.note(m.I_SAVED_WHERE.format(path=store.path_for(record.id)))


def _finish(
    record: Record, checklist: Checklist, store: Store, asker: Asker, screen: RichScreen
) -> None:
    screen.print(Text(""))
    screen.note(m.I_COMPLETE.format(path=store.path_for(record.id)), "success")
    answer = asker.select(
        Prompt(m.I_OFFER_DOCX),
        [Option(YES, m.I_OFFER_DOCX_YES), Option(NO, m.I_OFFER_DOCX_NO)],
    )
    if answer != YES:
        screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
        return
    written = _export(record, checklist, asker, screen)
    if written is not None:
        screen.note(m.I_DOCX_WRITTEN.format(path=written), "success")


def _export(record: Record, checklist: Checklist, asker: Asker, screen: RichScreen) -> Path | None:
    # Imported here: python-docx is only needed at the very end.
    from kontoguide.export import export_record

    try:
        return export_record(record, checklist, fmt="docx", output=None, force=False)
    except OutputExistsError as exists:
        # Only the first sentence: the rest of the message is about command-line flags.
        screen.note(exists.message.split(". ")[0] + ".", "warning")
        again = asker.select(
            Prompt(m.I_DOCX_OVERWRITE),
            [Option(YES, m.I_DOCX_OVERWRITE_YES), Option(NO, m.I_DOCX_OVERWRITE_NO)],
        )
        if again != YES:
            screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
            return None
        return export_record(record, checklist, fmt="docx", output=None, force=True)
    except KontoguideError as error:
        screen.note(error.message, "problem")
        screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
        return None


# --- what is shown around the questions -------------------------------------------------


def _show_prefill(screen: RichScreen, answers: Path | None, invalid: list[Problem]) -> None:
    screen.note(m.I_PREFILLED.format(path=answers))
    if invalid:
        # Each reason is shown again at its question; a list here would push the
        # first question off an 80×24 screen.
        screen.note(m.I_PREFILL_INVALID.format(count=len(invalid)), "warning")


def _show_resume(
    screen: RichScreen, checklist: Checklist, record: Record, set_aside: list[Problem]
) -> None:
    screen.print(Text(""))
    name = record.account_name or m.UNNAMED
    screen.note(m.I_RESUMING.format(draft_id=record.id, name=name), "success")
    flow = Flow(checklist, record, save=lambda _: None)
    screen.show(Overview(tuple((s, flow.section_state(s)) for s in checklist.sections)))
    found = flow.next_question()
    if found is not None:
        # The answers so far in the part where the user continues: a reminder of context.
        screen.show(SummaryShown((flow.section_summary(found[0]),), answered_only=True))
    if set_aside:
        screen.note(m.I_SET_ASIDE_ON_LOAD.format(count=len(set_aside)), "warning")


def choose_draft(store: Store, asker: Asker, screen: RichScreen) -> str | None:
    """Let the user pick one of the drafts; None if there is none or they cancel."""
    everything, unusable = drafts.scan_records(store)
    for message in unusable:
        screen.note(message, "problem")
    found = [item for item in everything if item.record.status == "draft"]
    if not found:
        raise UsageError(m.I_NO_DRAFTS)
    screen.print(Text(""))
    screen.print(drafts_table(found, title=m.VIEW_DRAFTS_TITLE, width=screen.console.width))
    options = [Option(item.record.id, draft_title(item.record)) for item in found]
    options.append(Option("", m.I_CHOOSE_CANCEL))
    choice = asker.select(Prompt(m.I_CHOOSE_DRAFT, default=options[0].value), options)
    if not choice:
        screen.note(m.I_STOPPED_NOTHING_CHANGED)
        return None
    return choice
