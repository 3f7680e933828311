"""`kontoguide start` and `kontoguide resume` in a terminal.

Order of things: the Schrems II notice first (declined: nothing saved); the
record is created and saved only after the acknowledgement; the draft is
locked for the whole session; every accepted answer is saved at once; Ctrl-C
or Ctrl-D anywhere ends with the exact command to continue and exit code 130.

`start` (and `resume` of a draft) walks the questionnaire until the checklist
is ready for a decision (klar för beslut) and offers the document for the
decision maker. A record past that point gets a menu for its state (see
_Desk): the decision, the start, follow-ups and the closing are written in
their own sections, each when it has happened.
"""

from __future__ import annotations

import gc
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rich.text import Text

from kontoguide.checklist.parts import Checklist
from kontoguide.model.account_life import CONCLUSION_CLOSE
from kontoguide.model.errors import ExitCode, KontoguideError, OutputExistsError
from kontoguide.model.parts import NoticeAck
from kontoguide.model.record import Record
from kontoguide.model.steps import APPROVED
from kontoguide.model.textsafe import printable
from kontoguide.questionnaire.answer_text import shorten
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Facts, Overview, SummaryShown
from kontoguide.questionnaire.flow import Flow
from kontoguide.questionnaire.follow_up import FollowUpDialogue
from kontoguide.questionnaire.follow_up_answers import UNFINISHED_FOLLOW_UP
from kontoguide.questionnaire.prompting import NO, YES, Asker, Option, Prompt, yes_no
from kontoguide.rules import lifecycle
from kontoguide.rules.field_problems import Problem
from kontoguide.store import drafts
from kontoguide.store.storage import Store, now
from kontoguide.terminal import messages as m
from kontoguide.terminal.console import make_console
from kontoguide.terminal.draft_chooser import choose_draft
from kontoguide.terminal.resume_notes import resume_notes
from kontoguide.terminal.views import (
    RichScreen,
    acknowledged_line,
    notice_panel,
)

Interrupted = (KeyboardInterrupt, EOFError)


def start(
    checklist: Checklist,
    store: Store,
    *,
    answers: Path | None = None,
    earlier: drafts.Loaded | None = None,
    asker: Asker | None = None,
    screen: RichScreen | None = None,
    plain: bool = False,
) -> int:
    own_asker = asker is None
    screen, asker = _pair(plain, screen, asker)
    suggestions = drafts.suggestions_from(earlier.record) if earlier is not None else None
    # Read the answers file before the notice, so a wrong path fails before any question.
    prefill = drafts.read_answers(answers) if answers is not None else None
    try:
        if not screen.plain:
            screen.note(m.I_PLAIN_OFFER)
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
    if own_asker:  # the record's validators, built on first use, join the frozen imports
        gc.freeze()
    with store.lock(record.id):
        store.save(record)
        try:
            screen.note(acknowledged_line(acknowledged), "success")
            screen.note(m.I_DRAFT_CREATED.format(draft_id=record.id))
            if prefill is not None:
                _show_prefill(screen, answers, invalid)
            if earlier is not None:
                screen.note(m.I_FROM_NOTE.format(source=earlier.record.id))
        except Interrupted:  # the draft exists from here on: say how to continue
            _say_saved(screen, store, record, checklist)
            return ExitCode.INTERRUPTED
        if record.status in ("draft", "ready"):
            return _session(checklist, store, record, asker, screen, suggestions=suggestions)
        # An answers file with the decision (and more) in it: on from where it stands.
        return _Desk(checklist, store, record, asker, screen).run()


def resume(
    store: Store,
    draft_id: str | None,
    *,
    asker: Asker | None = None,
    screen: RichScreen | None = None,
    plain: bool = False,
) -> int:
    own_asker = asker is None
    screen, asker = _pair(plain, screen, asker)
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
        if own_asker:
            gc.freeze()  # as in start
        record = loaded.record
        resume_notes(screen, record, loaded.checklist, date.today())
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
            return _Desk(loaded.checklist, store, record, asker, screen).run()
        _show_resume(screen, loaded.checklist, record, loaded.set_aside_now)
        return _session(loaded.checklist, store, record, asker, screen)


def _pair(plain: bool, screen: RichScreen | None, asker: Asker | None) -> tuple[RichScreen, Asker]:
    """The screen and the asker given, or the mode's own (plain: `--enkel`)."""
    # Imported here: plain mode loads neither questionary nor prompt_toolkit.
    if plain:
        from kontoguide.terminal.plain_asker import PlainAsker
        from kontoguide.terminal.plain_screen import plain_pair

        if asker is None:
            gc.freeze()  # as below
        if screen is None:
            own_screen, own_asker = plain_pair()
            return own_screen, asker or own_asker
        return screen, asker or PlainAsker()
    if asker is None:
        from kontoguide.terminal.prompts import QuestionaryAsker

        asker = QuestionaryAsker()
        # Full collections no longer walk what the imports built (0.1 s an answer, issue 23).
        gc.freeze()
    return screen or RichScreen(make_console()), asker


# --- the notice -----------------------------------------------------------------------


def ask_notice(checklist: Checklist, asker: Asker, screen: RichScreen) -> datetime | None:
    """Show the notice and ask for the acknowledgement; its moment, or None if declined."""
    screen.print(notice_panel(checklist.notice))
    # Declining is the default: going on must be a deliberate move, not a quick Enter.
    answer = asker.select(
        Prompt(checklist.notice.confirm, help=checklist.notice.help, default=NO),
        yes_no(m.I_NOTICE_ACCEPT, m.I_NOTICE_DECLINE),
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


# --- the session up to the decision -------------------------------------------------------


def _session(
    checklist: Checklist,
    store: Store,
    record: Record,
    asker: Asker,
    screen: RichScreen,
    *,
    suggestions: dict[str, Any] | None = None,
) -> int:
    """The questionnaire, up to "klar för beslut", and the document for the decision."""
    flow = Flow(checklist, record, save=store.save, suggestions=suggestions)
    conversation = Conversation(flow, asker, screen)
    try:
        completed = conversation.review()
    except Interrupted:
        _say_saved(screen, store, flow.record, checklist)
        return ExitCode.INTERRUPTED
    if not completed:
        _say_saved(screen, store, flow.record, checklist, interrupted=False)
        return ExitCode.OK
    if flow.record.status != "ready":  # an answers file that held the decision too
        return _Desk(checklist, store, flow.record, asker, screen).run()
    try:
        _finish(flow.record, checklist, store, asker, screen)
    except Interrupted:
        screen.print(Text(""))
        screen.note(m.I_READY_EXPORT_LATER.format(draft_id=record.id))
        return ExitCode.INTERRUPTED
    return ExitCode.OK


def _say_saved(
    screen: RichScreen,
    store: Store,
    record: Record,
    checklist: Checklist,
    *,
    interrupted: bool = True,
) -> None:
    """How to continue: always the exact resume command (or, when closed, the export)."""
    if interrupted:
        screen.print(Text(""))
    name = _spoken_name(record)
    if screen.plain and record.status == "draft":
        screen.note(m.PL_SAVED_RESUME.format(name=name, draft_id=record.id), "success")
        return
    if screen.plain and interrupted:
        screen.note(m.PL_PAUSED.format(name=name, draft_id=record.id), "success")
        return
    if record.status == "draft":
        screen.note(m.I_SAVED_RESUME.format(draft_id=record.id), "success")
        screen.note(m.I_SAVED_WHERE.format(path=store.path_for(record.id)))
        _offer_plain(screen, record)
        return
    if interrupted:
        screen.note(m.I_PAUSED.format(draft_id=record.id), "success")
        _offer_plain(screen, record)
        return
    state = lifecycle.state_label(record, checklist)
    text = m.I_LEFT_CLOSED if record.status == "closed" else m.I_LEFT
    screen.note(text.format(state=state, draft_id=record.id), "success")


def _spoken_name(record: Record) -> str:
    return printable(" ".join((record.account_name or m.UNNAMED).split()))


def _offer_plain(screen: RichScreen, record: Record) -> None:
    """At a pause in the ordinary mode: how to go on in plain mode instead."""
    if not screen.plain:
        screen.note(m.I_PLAIN_ON_RESUME.format(draft_id=record.id))


def _finish(
    record: Record, checklist: Checklist, store: Store, asker: Asker, screen: RichScreen
) -> None:
    screen.print(Text(""))
    screen.note(m.I_READY, "success")
    maker = record.step5.decision_maker
    who = f"{maker.name} ({maker.title})" if maker.title else str(maker.name)
    screen.note(m.I_READY_NEXT.format(maker=who, draft_id=record.id))
    screen.note(m.I_SAVED_WHERE.format(path=store.path_for(record.id)))
    answer = asker.select(
        Prompt(m.I_OFFER_DOCX),
        yes_no(m.I_OFFER_DOCX_YES, m.I_OFFER_DOCX_NO),
    )
    if answer != YES:
        screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
        return
    _export_and_say(record, checklist, asker, screen)


def _export_and_say(record: Record, checklist: Checklist, asker: Asker, screen: RichScreen) -> None:
    written = _export(record, checklist, asker, screen)
    if written is not None:
        screen.note(m.I_DOCX_WRITTEN.format(path=written), "success")


def _export(record: Record, checklist: Checklist, asker: Asker, screen: RichScreen) -> Path | None:
    # Imported here: python-docx is only needed at the very end.
    from kontoguide.documents.export import export_record

    try:
        return export_record(record, checklist, fmt="docx", output=None, force=False)
    except OutputExistsError as exists:
        # Only the first sentence: the rest of the message is about command-line flags.
        screen.note(exists.message.split(". ")[0] + ".", "warning")
        again = asker.select(
            # Keeping the file is the default: a quick Enter must not replace it.
            Prompt(m.I_DOCX_OVERWRITE, default=NO),
            yes_no(m.I_DOCX_OVERWRITE_YES, m.I_DOCX_OVERWRITE_NO),
        )
        if again != YES:
            screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
            return None
        return export_record(record, checklist, fmt="docx", output=None, force=True)
    except KontoguideError as error:
        screen.note(error.message, "problem")
        screen.note(m.I_DOCX_LATER.format(draft_id=record.id))
        return None


# --- after the questionnaire: one menu per state --------------------------------------------

_DECIDE, _START, _FOLLOW_UP, _CLOSE = "decide", "start", "follow_up", "close"
_CHANGE, _EXPORT, _LEAVE = "change", "export", "leave"


class _Desk:
    """A record past the questionnaire (lifecycle): a menu for its state, shown again
    after everything done from it, until the user leaves.

    ready: record the decision; decided and approved: record the start; decided
    otherwise: record a new decision; started: follow-ups and the closing; closed:
    only the document. Each menu also offers the document and leaving; changing
    answers where that makes sense.
    """

    def __init__(
        self, checklist: Checklist, store: Store, record: Record, asker: Asker, screen: RichScreen
    ) -> None:
        self.checklist = checklist
        self.store = store
        self.record = record
        self.asker = asker
        self.screen = screen

    def _save(self, record: Record) -> None:
        self.store.save(record)
        self.record = record

    def _conversation(self, stage: str) -> Conversation:
        flow = Flow(self.checklist, self.record, save=self._save, stage=stage)
        return Conversation(flow, self.asker, self.screen)

    def run(self) -> int:
        menus = {
            "ready": self._ready,
            "decided": self._decided,
            "started": self._started,
            "closed": self._closed,
        }
        try:
            while True:
                if self.record.status == "draft":
                    # A changed answer made the checklist incomplete: ask what it needs.
                    return _session(
                        self.checklist, self.store, self.record, self.asker, self.screen
                    )
                if not menus[self.record.status]():
                    break
        except Interrupted:
            _say_saved(self.screen, self.store, self.record, self.checklist)
            return ExitCode.INTERRUPTED
        _say_saved(self.screen, self.store, self.record, self.checklist, interrupted=False)
        return ExitCode.OK

    # --- the menus ---------------------------------------------------------------------

    def _ready(self) -> bool:
        self._show_state()
        choice = self._choose(
            m.I_MENU_DECISION,
            [
                Option(_DECIDE, m.I_MENU_DECIDE),
                Option(_EXPORT, m.I_MENU_EXPORT_FOR_DECISION),
                Option(_CHANGE, m.I_MENU_CHANGE_READY),
                Option(_LEAVE, m.I_MENU_NOT_YET),
            ],
        )
        if choice == _DECIDE:
            return self._walk(self._conversation("decided"), m.I_DECISION_SAVED)
        if choice == _CHANGE:
            # The review of the questionnaire: the answers, any change, then ready again.
            return self._conversation("ready").review()
        return self._common(choice)

    def _decided(self) -> bool:
        self._show_state()
        if self.record.step5.outcome == APPROVED:
            choice = self._choose(
                m.I_MENU_STARTED,
                [
                    Option(_START, m.I_MENU_START),
                    Option(_EXPORT, m.I_MENU_EXPORT_NOT_STARTED),
                    Option(_CHANGE, m.I_MENU_CHANGE_NOT_STARTED),
                    Option(_LEAVE, m.I_MENU_NOT_YET),
                ],
            )
            if choice == _START:
                return self._walk(self._conversation("started"), m.I_START_SAVED)
            if choice == _CHANGE:
                self._conversation("decided").revise()
                return True
            return self._common(choice)
        # Rejected or postponed: the account cannot start; a new decision can be recorded.
        choice = self._choose(
            m.I_MENU_WHAT,
            [
                Option(_DECIDE, m.I_MENU_NEW_DECISION),
                Option(_EXPORT, m.I_MENU_EXPORT),
                Option(_LEAVE, m.I_MENU_LEAVE),
            ],
        )
        if choice == _DECIDE:
            conversation = self._conversation("decided")
            conversation.redo()
            return self._walk(conversation, m.I_DECISION_SAVED)
        return self._common(choice)

    def _started(self) -> bool:
        self._show_state()
        unfinished = isinstance(self.record.set_aside.get(UNFINISHED_FOLLOW_UP), dict)
        if unfinished:
            self.screen.note(m.I_UNFINISHED_FOLLOW_UP, "warning")
        add = m.I_MENU_FOLLOW_UP_CONTINUE if unfinished else m.I_MENU_FOLLOW_UP
        choice = self._choose(
            m.I_MENU_WHAT,
            [
                Option(_FOLLOW_UP, add),
                Option(_CLOSE, m.I_MENU_CLOSE),
                Option(_CHANGE, m.I_MENU_CHANGE),
                Option(_EXPORT, m.I_MENU_EXPORT),
                Option(_LEAVE, m.I_MENU_LEAVE),
            ],
        )
        if choice == _FOLLOW_UP:
            conversation = self._conversation("started")
            item = FollowUpDialogue(conversation).run()
            # Answers given at the review are judged with their questions in (the document).
            self.checklist = conversation.flow.checklist
            if item is not None and item.get("conclusion") == CONCLUSION_CLOSE:
                return self._offer_closing()
            return True
        if choice == _CLOSE:
            return self._offer_closing(m.I_CLOSE_CONFIRM)
        if choice == _CHANGE:
            self._conversation("started").revise()
            return True
        return self._common(choice)

    def _closed(self) -> bool:
        self._show_state()
        choice = self._choose(
            m.I_MENU_WHAT, [Option(_EXPORT, m.I_MENU_EXPORT), Option(_LEAVE, m.I_MENU_LEAVE)]
        )
        return self._common(choice)

    # --- pieces --------------------------------------------------------------------------

    def _choose(self, message: str, options: list[Option]) -> str:
        return self.asker.select(Prompt(message, default=options[0].value), options)

    def _common(self, choice: str) -> bool:
        if choice == _EXPORT:
            _export_and_say(self.record, self.checklist, self.asker, self.screen)
            return True
        return False

    def _walk(self, conversation: Conversation, saved: str) -> bool:
        """Ask a stage's section (decision, start, closing); False if left for later."""
        if not conversation.walk():
            return False
        self.screen.note(saved, "success")
        return True

    def _offer_closing(self, question: str = m.I_CLOSE_NOW) -> bool:
        # A closing is a decision of its own: chosen from the menu, it is confirmed first.
        answer = self._choose(question, yes_no(m.I_CLOSE_NOW_YES, m.I_CLOSE_NOW_NO))
        if answer == YES:
            return self._walk(self._conversation("closed"), m.I_CLOSING_SAVED)
        self.screen.note(m.I_CLOSE_LATER.format(draft_id=self.record.id))
        return True

    def _show_state(self) -> None:
        record = self.record
        name = record.account_name or m.UNNAMED
        # The same word for the state as `list` and the resume chooser (Godkänt, ...).
        rows = [(m.I_ROW_STATE, lifecycle.state_label(record, self.checklist))]
        decision = record.step5
        if record.status == "ready":
            maker = decision.decision_maker
            rows.append((m.I_ROW_MAKER, ", ".join(x for x in (maker.name, maker.title) if x)))
        if decision.outcome is not None and decision.decision_date is not None:
            outcome = self.checklist.choice_label("outcomes", decision.outcome)
            text = f"{outcome} {decision.decision_date.isoformat()}"
            if decision.case_number:
                text = m.I_DECISION_CASE.format(decision=text, case=decision.case_number)
            rows.append((m.I_ROW_DECISION, text))
            if decision.motivation:
                rows.append((m.I_ROW_MOTIVATION, shorten(decision.motivation, 160)))
        start = record.start
        if start.started_on is not None:
            where = f", {start.address}" if start.address else ""
            rows.append((m.I_ROW_STARTED, start.started_on.isoformat() + where))
            follow_ups = record.follow_ups or []
            count = (
                m.I_FOLLOW_UPS_VALUE.format(
                    count=len(follow_ups), last=follow_ups[-1].held_on.isoformat()
                )
                if follow_ups
                else m.I_FOLLOW_UPS_NONE
            )
            rows.append((m.I_ROW_FOLLOW_UPS, count))
        if record.closing.closed_on is not None:
            rows.append((m.I_ROW_CLOSED, record.closing.closed_on.isoformat()))
        due = lifecycle.review_due(record)
        started = record.status == "started"
        if due is not None:
            row = m.I_ROW_NEXT_FOLLOW_UP if started else m.I_ROW_NEXT_REVIEW
            rows.append((row, m.I_DUE_BY.format(due=due.isoformat())))
        self.screen.show(Facts(m.I_STATE_TITLE.format(draft_id=record.id, name=name), tuple(rows)))
        if due is not None and due < date.today():
            late = m.I_FOLLOW_UP_OVERDUE if started else m.I_REVIEW_OVERDUE
            self.screen.note(late.format(due=due.isoformat()), "warning")


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
    if screen.plain:  # the name first, then the id
        resuming = m.PL_RESUMING.format(name=_spoken_name(record), draft_id=record.id)
    else:
        resuming = m.I_RESUMING.format(draft_id=record.id, name=record.account_name or m.UNNAMED)
    screen.note(resuming, "success")
    flow = Flow(checklist, record, save=lambda _: None)
    sections = checklist.sections_upto(flow.stage)
    screen.show(Overview(tuple((s, flow.section_state(s)) for s in sections)))
    found = flow.next_question()
    if found is not None:
        # The answers so far in the part where the user continues: a reminder of context.
        screen.show(SummaryShown((flow.latest_answers(*found),), answered_only=True))
    if set_aside:
        screen.note(m.I_SET_ASIDE_ON_LOAD.format(count=len(set_aside)), "warning")
