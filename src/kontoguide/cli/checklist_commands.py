"""`kontoguide checklist new|check|list` and `schema --checklist`: for a variant's author.

The person who writes a variant (an administration's communication function)
starts from a copy of the standard with commented examples of every kind of
added question, checks the file (every problem with its line and a Swedish
reason) and sees which checklists are installed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kontoguide.checklist.folders import DEFAULT_CHECKLIST, available_checklists, shipped_folders
from kontoguide.checklist.loading import (
    MAX_CHECKLIST_BYTES,
    ChecklistProblem,
    checklist_problems,
    is_checklist_id,
    load_checklist,
    shipped_standard,
)
from kontoguide.checklist.parts import Checklist, reserved_on_windows
from kontoguide.cli import messages as m
from kontoguide.files import atomicfile
from kontoguide.files.homefolder import home_folder, own_folder_holding
from kontoguide.files.regularfile import read_regular
from kontoguide.model.errors import ChecklistError, ExitCode, UnreadableError, UsageError
from kontoguide.model.textsafe import printable
from kontoguide.terminal.output import say

# Appended to the copy of the standard by `checklist new`: one commented example of
# each kind of added question and rule, in a section of its own. Removing the "# "
# in front of a block makes it a question.
STEP5_MARKER = "# --- steg 5"
# The [notice] table of the standard, up to the next table or section comment.
_NOTICE_TABLE = re.compile(r"^\[notice\]\n.*?(?=^\[|^# --- )", re.MULTILINE | re.DOTALL)
EXAMPLES = """
# --- egna frågor: exempel ------------------------------------------------------
#
# En egen fråga har ett id (små bokstäver, siffror och _) i stället för field.
# Svaret sparas under extra.<id> och id:t får aldrig bytas när checklistan väl
# används: utkast som gjorts med en äldre version känner igen svaren på id:t.
# En egen fråga kan stå i vilket steg som helst (lägg den efter en fråga i steget)
# eller i ett eget avsnitt som här nedan. Ta bort "# " framför raderna du vill
# använda, och ändra texterna. Allt nedan är exempel, inte stadens krav.
#
# Regler som bara egna frågor kan ha:
#   required = false        frågan är frivillig (annars måste den besvaras)
#   must_be_yes = true      bara ja godtas; message = "…" säger vad som ska göras
#   min_words = 10          text: minst så många ord
#   min = 0, max = 100      tal: minsta och största värde; unit = "…" är enheten
#   date_is = "past"        datum: inte i framtiden ("future": efter i dag)
#   max_items = 10          lista: högst så många rader
#   pattern = "…"           text: ett reguljärt uttryck som hela svaret ska passa;
#                           message = "…" säger på svenska hur svaret ska skrivas
#   choose_all = true       flerval: alla alternativ måste väljas
#   when = { id = "…", equals = [true] }   fråga bara när ett tidigare svar är så
#
# Egna vallistor skrivs under [choices] högst upp, till exempel:
# egna_kanaler = [
#     { value = "nyhetsbrev", label = "Nyhetsbrev" },
#     { value = "webb", label = "Webbplatsen" },
# ]
#
# [[sections]]
# id = "egna_fragor"
# title = "Förvaltningens egna frågor"
# purpose = "Frågor som gäller just hos oss, utöver stadens checklista."
#
# [[sections.questions]]            # kort text, med ett mönster
# id = "diarienummer_internt"
# kind = "text"
# label = "Vilket internt diarienummer har ärendet?"
# hint = "Till exempel KUF 2026/123."
# pattern = "KUF \\\\d{4}/\\\\d+"
# message = "Skriv diarienumret som KUF, år, snedstreck och löpnummer, till exempel KUF 2026/123."
#
# [[sections.questions]]            # lång text, minst tio ord, frivillig
# id = "lokal_rutin"
# kind = "longtext"
# label = "Hur passar kontot in i förvaltningens egna rutiner?"
# min_words = 10
# required = false
#
# [[sections.questions]]            # ja/nej som måste vara ja
# id = "chef_godkant"
# kind = "yesno"
# label = "Har din chef godkänt att kontot går vidare till beslut?"
# must_be_yes = true
# message = "Be din chef godkänna underlaget först."
#
# [[sections.questions]]            # val ur en egen vallista
# id = "huvudkanal"
# kind = "choice"
# choices = "egna_kanaler"
# label = "Vilken av förvaltningens egna kanaler är viktigast för målgruppen?"
#
# [[sections.questions]]            # flerval, bara om chefen har godkänt
# id = "andra_kanaler"
# kind = "multichoice"
# choices = "egna_kanaler"
# label = "Vilka andra egna kanaler ska hänvisa till kontot?"
# when = { id = "chef_godkant", equals = [true] }
#
# [[sections.questions]]            # datum i det förflutna
# id = "arkiv_samtal"
# kind = "date"
# date_is = "past"
# label = "När pratade du med förvaltningens arkivarie?"
#
# [[sections.questions]]            # e-post
# id = "arkivarie_epost"
# kind = "email"
# label = "Vilken e-postadress har arkivarien?"
#
# [[sections.questions]]            # tal med enhet och gränser
# id = "besokare"
# kind = "number"
# unit = "besökare per månad"
# min = 0
# max = 1000000
# label = "Hur många besökare per månad har verksamheten i dag?"
#
# [[sections.questions]]            # lista med egna fält
# id = "evenemang"
# kind = "list"
# item_label = "evenemang"
# label = "Vilka evenemang ska kontot berätta om?"
# max_items = 20
# required = false
#
# [[sections.questions.fields]]
# field = "namn"
# kind = "text"
# label = "Vad heter evenemanget?"
#
# [[sections.questions.fields]]
# field = "datum"
# kind = "date"
# date_is = "future"
# label = "Vilket datum är evenemanget?"
"""


def new(checklist_id: str, folder: Path | None = None) -> int:
    """Write ID.toml in the current folder: the standard, renamed, plus the examples."""
    if not is_checklist_id(checklist_id):
        raise UsageError(m.C_NOT_AN_ID.format(name=printable(checklist_id)))
    if checklist_id == DEFAULT_CHECKLIST:
        raise UsageError(m.CV_NEW_IS_STANDARD.format(checklist_id=checklist_id))
    if reserved_on_windows(checklist_id):
        raise UsageError(m.C_ID_RESERVED.format(checklist_id=checklist_id))
    standard = shipped_standard()
    if standard is None or standard.source is None:  # pragma: no cover - always shipped
        raise UsageError(m.C_UNKNOWN.format(checklist_id=DEFAULT_CHECKLIST, available=m.C_NONE))
    text = standard.source.read_text(encoding="utf-8")
    text = text.replace(f'id = "{DEFAULT_CHECKLIST}"', f'id = "{checklist_id}"', 1)
    text = text.replace(f'version = "{standard.version}"', 'version = "1"', 1)
    suffix = m.CV_NEW_TITLE_SUFFIX.format(checklist_id=checklist_id)
    text = text.replace(f'title = "{standard.title}"', f'title = "{standard.title}{suffix}"', 1)
    text = m.CV_NEW_HEADER.format(checklist_id=checklist_id, version=standard.version) + text
    # The notice is the standard's in every variant: a copy of it would only go stale.
    text = _NOTICE_TABLE.sub(m.CV_NEW_NOTICE_COMMENT, text, count=1)
    # The examples go before step 5: a section of the variant's own that is needed
    # for the decision stands before the decision's sections (stage order).
    before, marker, after = text.partition(STEP5_MARKER)
    text = before + EXAMPLES.lstrip("\n") + "\n" + marker + after
    target = (folder or Path.cwd()) / f"{checklist_id}.toml"
    # A file in kontoguide's own folders would be taken for an installed variant (or a
    # record) without start --checklist's checks, the only way a variant is installed.
    own = own_folder_holding(target, (home_folder(), *shipped_folders()))
    if own is not None:
        raise UsageError(m.CV_NEW_OWN_FOLDER.format(folder=own, checklist_id=checklist_id))
    try:
        # Atomic, never over an existing file, and not writable by anyone else whatever
        # the umask: the file becomes the variant whose words an export shows.
        atomicfile.write_bytes(target, text.encode("utf-8"), private=False, overwrite=False)
    except FileExistsError:
        raise UsageError(m.CV_NEW_EXISTS.format(path=target)) from None
    except OSError as exc:
        raise UsageError(m.CV_NEW_FAILED.format(path=target, detail=exc.strerror or exc)) from None
    say(m.CV_NEW_WRITTEN.format(path=target))
    say(m.CV_NEW_NEXT.format(path=target.name))
    return ExitCode.OK


def problems_in(path: Path) -> tuple[list[ChecklistProblem], list[ChecklistProblem]]:
    """Every problem of a checklist file, for its author (nothing is installed), and
    what is accepted but not used (a variant's own notice)."""
    try:
        raw = read_regular(path, MAX_CHECKLIST_BYTES)
    except UnreadableError as exc:
        raise ChecklistError(path, exc.problem) from None
    checklist, found = checklist_problems(path, raw)
    warnings: list[ChecklistProblem] = []
    if checklist is not None and checklist.id != path.stem:
        found.insert(
            0,
            ChecklistProblem("id", m.C_ID_NOT_FILE_NAME.format(checklist_id=checklist.id), None),
        )
    if checklist is not None and checklist.base_docx is not None:
        base = checklist.base_docx_path()
        if base is not None and not base.is_file():
            found.append(ChecklistProblem("base_docx", m.CV_BASE_DOCX_MISSING.format(path=base)))
        elif base is not None:
            # The same check as install and every export: the author hears of it first.
            from kontoguide.checklist.basedoc import read_base_document

            try:
                read_base_document(base, where=path, within=path.parent)
            except ChecklistError as refused:
                found.append(ChecklistProblem("base_docx", refused.problem))
            else:
                warnings += _base_fitted(base, path)
    if checklist is not None and checklist.notice_ignored:
        from kontoguide.checklist.lines import line_of

        line = line_of(raw.decode("utf-8"), "notice")
        warnings.append(ChecklistProblem("notice", m.CV_NOTICE_IGNORED, line))
    return found, warnings


def _base_fitted(base: Path, path: Path) -> list[ChecklistProblem]:
    """What every export changes in the base document (its page size, its images'
    alternative text): said to the author, who can mend the base in Word."""
    from kontoguide.documents.docx_look import open_base

    try:
        _, notes = open_base(base, path)
    except ChecklistError as refused:
        return [ChecklistProblem("base_docx", refused.problem)]
    return [ChecklistProblem("base_docx", note) for note in notes]


def _say_problem(shown: str, problem: ChecklistProblem, template: str) -> None:
    line = f"{shown}:{problem.line}" if problem.line is not None else shown
    say(template.format(file=line, where=problem.where or m.C_WHOLE_FILE, detail=problem.detail))


def check(name: str) -> int:
    path = Path(name)
    found, warnings = problems_in(path)
    shown = printable(str(path))
    if not found:
        say(m.CV_CHECK_OK.format(path=shown))
    else:
        say(m.CV_CHECK_PROBLEMS.format(path=shown, count=len(found)))
    for problem in found:
        _say_problem(shown, problem, m.CV_CHECK_LINE)
    for warning in warnings:
        _say_problem(shown, warning, m.CV_CHECK_WARNING)
    return ExitCode.INVALID_DATA if found else ExitCode.OK


def list_checklists() -> int:
    found = available_checklists()
    say(m.CV_LIST_HEADER)
    for checklist_id, path in sorted(found.items()):
        try:
            checklist: Checklist | None = load_checklist(checklist_id)
        except (ChecklistError, UsageError) as exc:
            say(m.CV_LIST_BROKEN.format(checklist_id=checklist_id, path=path, detail=exc.message))
            continue
        assert checklist is not None
        say(
            m.CV_LIST_ROW.format(
                checklist_id=checklist.id,
                version=checklist.version,
                title=checklist.title,
                path=path,
            )
        )
    return ExitCode.OK


def schema_json(checklist_id: str, *, answers: bool = False) -> bytes:
    """The JSON Schema of a record made with this checklist, its own questions typed."""
    from kontoguide.checklist.added_questions import record_model
    from kontoguide.model.record import file_schema

    checklist = load_checklist(checklist_id)
    described = file_schema(answers=answers, model=record_model(checklist))
    described["$id"] = f"{described['$id']}:{checklist.id}:{checklist.version}"
    return (json.dumps(described, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
