"""`kontoguide overview`: read, judge, filter and show or write the overview.

Exit codes: 0 when every file was read, 1 when some file or folder could not be
(they are listed at the end, the others are still shown), 2 for a usage error.
Links inside a folder are never followed; they are named in a note and do not
change the exit code: leaving them out is the rule, not a failure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kontoguide.cli import messages as m
from kontoguide.cli.output_file import write_output
from kontoguide.model.account_life import State
from kontoguide.model.errors import ExitCode, UsageError
from kontoguide.model.textsafe import printable
from kontoguide.overview.report import STATE_WORDS, Report, state_from_word
from kontoguide.store.collector import collector_paused
from kontoguide.store.storage import Store
from kontoguide.store.write_target import refuse_too_long
from kontoguide.terminal import output

FORMATS = ("csv", "xlsx", "json", "md", "html", "stadens-lista")
# The file name's extension for each format; the city's list is a CSV file.
EXTENSIONS = {"stadens-lista": "csv"}


def choose_format(fmt: str | None, target: Path | None) -> str | None:
    """The format asked for, else the one the output file's extension names."""
    suffix = target.suffix.lower().lstrip(".") if target is not None else ""
    named = suffix if suffix in FORMATS and not (target and target.is_dir()) else None
    if fmt is None:
        if target is not None and named is None and not target.is_dir():
            raise UsageError(m.OV_FORMAT_UNKNOWN_SUFFIX.format(path=target))
        return named or ("csv" if target is not None else None)
    if fmt not in FORMATS:
        raise UsageError(m.OV_FORMAT_UNKNOWN.format(fmt=fmt, formats=", ".join(FORMATS)))
    # x.stadens-lista names the format as well as x.csv does.
    if named is not None and named not in (fmt, EXTENSIONS.get(fmt, fmt)):
        raise UsageError(m.EXPORT_FORMAT_MISMATCH.format(fmt=fmt, path=target))
    return fmt


def _states(words: list[str]) -> frozenset[State]:
    chosen: set[State] = set()
    for word in words:
        state = state_from_word(word)
        if state is None:
            raise UsageError(m.OV_STATE_UNKNOWN.format(state=word, states=", ".join(STATE_WORDS)))
        chosen.add(state)
    return frozenset(chosen)


def render(report: Report, fmt: str) -> bytes:
    from kontoguide.overview import formats

    if fmt == "xlsx":
        from kontoguide.overview.xlsx import to_xlsx

        return to_xlsx(report)
    writers = {
        "csv": formats.to_csv,
        "stadens-lista": formats.to_city_list,
        "json": formats.to_json,
        "md": formats.to_markdown,
        "html": formats.to_html,
    }
    return writers[fmt](report)


@collector_paused()
def overview(
    paths: list[Path],
    *,
    fmt: str | None = None,
    output_path: Path | None = None,
    force: bool = False,
    org: str | None = None,
    states: list[str] | None = None,
    due_within: int | None = None,
    attention_only: bool = False,
    today: date | None = None,
) -> int:
    from kontoguide.overview.records import gather
    from kontoguide.overview.report import Filters, build

    if output_path is not None:
        refuse_too_long(output_path)
    chosen = choose_format(fmt, output_path)
    if chosen == "xlsx" and output_path is None:
        raise UsageError(m.OV_XLSX_NEEDS_OUTPUT)
    filters = Filters(
        org=org, states=_states(states or []), due_within=due_within, attention_only=attention_only
    )
    for path in paths:
        if not path.exists():
            raise UsageError(m.OV_PATH_MISSING.format(path=printable(str(path), None)))
    day = today or date.today()
    target = None
    if output_path is not None and chosen is not None:
        from kontoguide.documents.export import _target

        name = f"{m.OV_FILE_PREFIX}-{day.isoformat()}.{EXTENSIONS.get(chosen, chosen)}"
        target = _target(output_path, name)
        _not_read_next_time(target, paths or [Store().folder])
    store = Store()
    report = build(gather(paths, store, today=day), day, filters)
    if chosen is None:
        _show(report, store.folder if not paths else None)
    elif target is None:
        output.say_bytes(render(report, chosen))
    else:
        write_output(render(report, chosen), target, force)
        output.say(
            m.OV_WRITTEN.format(path=printable(str(target), None), count=len(report.records))
        )
    _links(report)
    return _unreadable(report)


def _links(report: Report) -> None:
    if not report.links:
        return
    count = len(report.links)
    output.complain(m.OV_LINKS_ONE if count == 1 else m.OV_LINKS.format(count=count))
    output.complain("  " + m.OV_LINKS_NOTE)
    for link in report.links:
        output.complain(f"  - {link}")


def _not_read_next_time(target: Path, paths: list[Path]) -> None:
    """Refuse a JSON overview written into a folder it reads (the walk reads *.json).

    Refused rather than recognised and skipped next time: a rule that skips files
    by their content would let any file that looks like an overview hide itself,
    while a refusal hides nothing. Other formats are never read, so they may go there.
    """
    if target.suffix != ".json":
        return
    where = target.resolve().parent
    for path in paths:
        if path.is_dir() and where.is_relative_to(path.resolve()):
            raise UsageError(m.OV_OUTPUT_INSIDE.format(path=printable(str(target), None)))


def _show(report: Report, drafts_folder: Path | None) -> None:
    from kontoguide.terminal.console import make_console
    from kontoguide.terminal.overview_view import overview_screen

    console = make_console(file=output.stdout)
    console.print(overview_screen(report, width=console.width, drafts_folder=drafts_folder))


def _unreadable(report: Report) -> int:
    if not report.unreadable:
        return ExitCode.OK
    count = len(report.unreadable)
    output.complain(m.OV_UNREADABLE_ONE if count == 1 else m.OV_UNREADABLE.format(count=count))
    for item in report.unreadable:
        # The path comes printable from the report (report.shown).
        output.complain(f"  - {item.path}: {item.reason}")
    return ExitCode.INVALID_DATA


def schema_json(*, answers: bool = False) -> bytes:
    import json

    from kontoguide.overview.report import report_schema

    if answers:
        raise UsageError(m.OV_SCHEMA_ONE_AT_A_TIME)
    text = json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")
