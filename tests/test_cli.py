"""The commands that need no terminal, run as a user would: `python -m kontoguide ...`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from cli_support import clean_env, run_kontoguide, run_python
from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.errors import ExitCode
from kontoguide.rules.pruning import prune
from kontoguide.rules.validation import make_context
from kontoguide.store import drafts
from kontoguide.store.storage import Store

ROOT = Path(__file__).resolve().parents[1]
KOMPLETT = ROOT / "examples" / "komplett.json"
MED_FEL = ROOT / "examples" / "med-fel.json"
ANSI = re.compile(r"\x1b\[")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m")
ID = r"[a-z0-9][a-z0-9-]*"


run = run_kontoguide


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def stored(home: Path, draft_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (home / "records" / f"{draft_id}.json").read_text(encoding="utf-8")
    )
    return data


# --- start --answers FILE --no-input ------------------------------------------------------


def test_start_with_the_complete_example(home: Path) -> None:
    result = run("start", "--answers", str(KOMPLETT), "--no-input", home=home)
    assert result.returncode == ExitCode.OK, result.stdout + result.stderr
    match = re.search(rf"Sparad med id ({ID})\.", result.stdout)
    assert match, result.stdout
    draft_id = match[1]
    # An approved decision and a started account: the state is derived and printed.
    assert result.stdout.splitlines() == [
        m.CLI_SAVED_STATE.format(draft_id=draft_id, state="Startat"),
        m.CLI_NEXT_RESUME.format(draft_id=draft_id),
        m.CLI_NEXT_EXPORT.format(draft_id=draft_id),
    ]
    data = stored(home, draft_id)
    assert data["status"] == "started"
    assert [entry["what"] for entry in data["history"]] == ["started"]
    assert data["id"] == draft_id
    assert data["checklist_id"] == "stockholm-standard"
    assert data["set_aside"] == {}
    assert data["organisation"]["name"] == "Kulturförvaltningen"
    no_traceback(result)


MED_FEL_MESSAGES = [
    ("step1.policy_read", m.V_YES_POLICY),
    ("step1.comms_contact.name", m.V_PERSON_NAME),
    ("step1.comms_contact.email", m.V_EMAIL),
    ("step1.comms_contact.date", m.V_DATE_IMPOSSIBLE.format(value="2026-02-30")),
    ("step1.shared_accounts_reason", m.V_REASON_SHORT.format(words=4)),
    ("step2.goals[0].target", m.V_NUMBER),
    ("step2.target_groups", m.V_MIN_ITEMS.format(item="målgrupp")),
    ("step2.duties", m.V_ALL_OF.format(missing="Uppföljning, Bevakning, Moderering")),
    ("step2.deputy", m.V_DEPUTY_SAME),
    (
        "step3.proposed_account_name",
        m.V_ACCOUNT_NAME_BOTH.format(
            names="”Stockholms stadsbibliotek” eller ”Kulturförvaltningen”"
        ),
    ),
    ("step4.data_protection.legal_basis", "Välj ett av alternativen"),
    ("step4.team", m.V_TWO_ADMINS.format(count=1)),
    ("step4.security.two_factor", m.V_YES_TWO_FACTOR),
    ("step4.data_protection.dpo_consulted", m.V_NOT_ANSWERED),
    ("step5.next_review", m.V_REVIEW_WITHIN_YEAR.format(latest="2027-11-20")),
]


def shown(path: str, message: str) -> str:
    """A problem as the report prints it: the question's label, then the message."""
    from kontoguide.checklist.loading import load_checklist
    from kontoguide.rules.field_problems import Problem, field_title
    from kontoguide.rules.problem_report import joined, label_of

    return joined(label_of(Problem(path, field_title(path), message), load_checklist()), message)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_start_with_the_mistakes_example(home: Path) -> None:
    result = run("start", "--answers", str(MED_FEL), "--no-input", home=home)
    assert result.returncode == ExitCode.INVALID_DATA, result.stdout + result.stderr
    no_traceback(result)
    lines = result.stdout.splitlines()
    header = re.fullmatch(r"Det här saknas eller behöver rättas \((\d+)\):", lines[0])
    assert header, lines[0]
    problems = [line for line in lines if line.startswith("  - ")]
    assert len(problems) == int(header[1])
    for path, message in MED_FEL_MESSAGES:
        assert flat(shown(path, message)) in flat(result.stdout), (path, message)
    assert "Mätbara mål 1 › Ska vara nått senast – Ange ett datum efter" in flat(result.stdout)
    assert "step1." not in result.stdout
    assert all("ogiltig" not in line.casefold() for line in problems)

    match = re.search(rf"Sparad med id ({ID})\. Status: Utkast\.", result.stdout)
    assert match, result.stdout
    data = stored(home, match[1])
    assert data["status"] == "draft"
    # The valid part is kept ...
    assert data["organisation"]["name"] == "Kulturförvaltningen"
    assert data["account_name"] == "Stadsbiblioteket Unga på Instagram"
    assert data["step1"]["local_routines_known"] is True
    assert data["step2"]["responsible"]["email"] == "amir.haddad@stockholm.se"
    assert data["step3"]["platform"] == "instagram"
    assert data["step5"]["decision_date"] == "2026-11-20"
    # ... and every invalid answer is set aside, not lost.
    aside = data["set_aside"]
    assert aside["step1.policy_read"] is False
    assert aside["step1.comms_contact.email"] == "kommunikation.stockholm.se"
    assert aside["step1.comms_contact.date"] == "2026-02-30"
    assert aside["step1.shared_accounts_reason"] == "Nej"
    assert aside["step2.goals[0]"]["target"] == "många"
    assert aside["step2.deputy"]["name"] == "Amir Haddad"
    assert aside["step3.proposed_account_name"] == "Bibblan Unga"
    assert aside["step4.security.two_factor"] is False
    assert aside["step5.next_review"] == "2028-05-20"
    assert data["step1"]["policy_read"] is None
    assert data["step2"]["goals"] == []


def test_start_with_a_missing_answers_file(home: Path, tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte.json"
    result = run("start", "--answers", str(missing), "--no-input", home=home)
    assert result.returncode == ExitCode.USAGE
    assert str(missing) in result.stderr
    no_traceback(result)


def test_start_with_a_corrupt_answers_file(home: Path, tmp_path: Path) -> None:
    broken = tmp_path / "trasig.json"
    broken.write_text('{"account_name": ', encoding="utf-8")
    result = run("start", "--answers", str(broken), "--no-input", home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert str(broken) in result.stderr
    assert "JSON" in result.stderr
    no_traceback(result)
    assert not (home / "records").exists() or list((home / "records").glob("*.json")) == []


def test_start_with_an_unknown_checklist(home: Path) -> None:
    result = run(
        "start", "--answers", str(KOMPLETT), "--no-input", "--checklist", "malmo", home=home
    )
    assert result.returncode == ExitCode.USAGE
    assert "malmo" in result.stderr
    assert "stockholm-standard" in result.stderr
    no_traceback(result)


def test_start_without_a_terminal(home: Path) -> None:
    result = run("start", home=home)
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.strip() == m.CLI_NO_TTY
    assert "--answers" in result.stderr
    no_traceback(result)
    assert not (home / "records").exists() or list((home / "records").iterdir()) == []


def test_start_with_answers_but_without_a_terminal(home: Path) -> None:
    # Without --no-input the questionnaire would ask for what is missing: it needs a terminal.
    result = run("start", "--answers", str(MED_FEL), home=home)
    assert result.returncode == ExitCode.USAGE
    assert "--answers" in result.stderr
    no_traceback(result)


def test_no_input_needs_answers(home: Path) -> None:
    result = run("start", "--no-input", home=home)
    assert result.returncode == ExitCode.USAGE
    assert result.stderr.strip() == m.CLI_NO_INPUT_NEEDS_ANSWERS
    no_traceback(result)


# --- validate -------------------------------------------------------------------------------


def test_validate_the_complete_example_and_its_stored_record(home: Path) -> None:
    result = run("validate", str(KOMPLETT), home=home)
    assert result.returncode == ExitCode.OK, result.stdout
    assert result.stdout.strip() == m.CLI_VALID.format(path=KOMPLETT, state="Startat")

    started = run("start", "--answers", str(KOMPLETT), "--no-input", home=home)
    match = re.search(rf"id ({ID})\.", started.stdout)
    assert match
    path = home / "records" / f"{match[1]}.json"
    before = path.read_bytes()
    result = run("validate", str(path), home=home)
    assert result.returncode == ExitCode.OK, result.stdout
    assert path.read_bytes() == before


def test_validate_the_mistakes_example(home: Path) -> None:
    result = run("validate", str(MED_FEL), home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert result.stdout.startswith("Det här saknas eller behöver rättas (")
    for path, message in MED_FEL_MESSAGES:
        assert flat(shown(path, message)) in flat(result.stdout), path
    no_traceback(result)


def test_validate_a_stored_draft(home: Path) -> None:
    started = run("start", "--answers", str(MED_FEL), "--no-input", home=home)
    match = re.search(rf"Sparad med id ({ID})\.", started.stdout)
    assert match
    result = run("validate", str(home / "records" / f"{match[1]}.json"), home=home)
    assert result.returncode == ExitCode.INVALID_DATA
    assert "- Har du läst stadens policy för konton i sociala medier?" in flat(result.stdout)


@pytest.mark.parametrize("example", [MED_FEL, KOMPLETT], ids=["utkast", "startat"])
def test_validate_takes_an_id_like_export(home: Path, example: Path) -> None:
    started = run("start", "--answers", str(example), "--no-input", home=home)
    match = re.search(rf"Sparad med id ({ID})\.", started.stdout)
    assert match, started.stdout + started.stderr
    draft_id = match[1]
    stored_file = home / "records" / f"{draft_id}.json"
    by_id = run("validate", draft_id, home=home)
    by_file = run("validate", str(stored_file), home=home)
    assert by_id.returncode == by_file.returncode, by_id.stderr
    assert by_id.returncode in (ExitCode.OK, ExitCode.INVALID_DATA)
    assert by_id.stdout == by_file.stdout.replace(str(stored_file), draft_id)
    assert by_id.stderr == ""
    # export takes the same id, so the command the program prints works for both.
    exported = run("export", draft_id, "--format", "json", "-o", str(home / "x.json"), home=home)
    assert exported.returncode == ExitCode.OK, exported.stderr


@pytest.mark.parametrize("source", ["finnsinte1", "inte ett id/och ingen fil.json"])
def test_validate_an_unknown_id_or_file(home: Path, source: str) -> None:
    result = run("validate", source, home=home)
    assert result.returncode == ExitCode.USAGE
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert source in result.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"step1": {"policy_read": tru', "JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2]", "JSON-objekt"),
        (b"5", "JSON-objekt"),
        (b'{"schema_version": 99}', "nyare version"),
    ],
)
def test_validate_a_broken_file(home: Path, tmp_path: Path, content: bytes, words: str) -> None:
    broken = tmp_path / "trasig.json"
    broken.write_bytes(content)
    result = run("validate", str(broken), home=home)
    assert result.returncode in (ExitCode.INVALID_DATA, ExitCode.USAGE)
    if words != "nyare version":
        assert result.returncode == ExitCode.INVALID_DATA
    assert str(broken) in result.stderr
    assert words in result.stderr
    no_traceback(result)
    assert broken.read_bytes() == content


# --- schema ---------------------------------------------------------------------------------


def test_schema(home: Path) -> None:
    result = run("schema", home=home)
    assert result.returncode == ExitCode.OK
    schema = json.loads(result.stdout)
    assert "$defs" in schema
    assert schema["title"] == "Kontoguide-checklista"
    assert "id" in schema["required"]  # a saved record; `--answers` for answers files
    properties = schema["properties"]
    assert properties["step1"]["title"] == "Steg 1: Förarbete"
    assert properties["step5"]["title"] == "Steg 5: Beslut"
    assert schema["$defs"]["Goal"]["properties"]["target"]["title"] == "Målvärde"
    assert schema["$defs"]["Goal"]["properties"]["effect"]["x-choice-list"] == "effects"
    assert schema["additionalProperties"] is False
    assert "å" in result.stdout  # real UTF-8, not \u escapes


# --- list -----------------------------------------------------------------------------------


def _save(
    checklist: Checklist, answers: dict[str, Any], draft_id: str, updated: datetime, status: str
) -> None:
    candidate = drafts.with_identity(answers, checklist, draft_id)
    record, _ = prune(candidate, make_context(checklist, today=updated.date()))
    Store().save(record.model_copy(update={"updated_at": updated, "status": status}))


def test_list_is_empty(home: Path) -> None:
    result = run("list", home=home)
    assert result.returncode == ExitCode.OK
    assert "Det finns inga sparade utkast" in result.stdout


@pytest.mark.parametrize("complete_is_newer", [True, False])
def test_list_shows_records_newest_first(
    home: Path, checklist: Checklist, complete_answers: dict[str, Any], complete_is_newer: bool
) -> None:
    older = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    newer = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    _save(checklist, complete_answers, "klar1234", newer if complete_is_newer else older, "started")
    draft = {
        "organisation": {"name": "Idrottsförvaltningen"},
        "account_name": "Spontanidrott",
        "step1": {"policy_read": True},
    }
    _save(checklist, draft, "utkast12", older if complete_is_newer else newer, "draft")

    result = run("list", home=home)
    assert result.returncode == ExitCode.OK, result.stderr
    rows = [line for line in result.stdout.splitlines() if "klar1234" in line or "utkast12" in line]
    assert len(rows) == 2
    order = ["klar1234", "utkast12"] if complete_is_newer else ["utkast12", "klar1234"]
    assert [("klar1234" if "klar1234" in row else "utkast12") for row in rows] == order
    complete_row = next(row for row in rows if "klar1234" in row)
    draft_row = next(row for row in rows if "utkast12" in row)
    assert "Stadsbiblioteket Unga på Instagram" in complete_row
    assert "Kulturförvaltningen" in complete_row
    assert "Startat" in complete_row
    assert "Spontanidrott" in draft_row
    assert "Idrottsförvaltningen" in draft_row
    assert "Utkast · 0 av 5" in draft_row  # a draft tells how far it has come
    for column in ("Id", "Konto", "Organisation", "Status", "Senast ändrad"):
        assert column in result.stdout
    local = newer.astimezone().strftime("%Y-%m-%d %H:%M")
    assert local in result.stdout


def test_list_after_start(home: Path) -> None:
    run("start", "--answers", str(KOMPLETT), "--no-input", home=home)
    run("start", "--answers", str(MED_FEL), "--no-input", home=home)
    result = run("list", home=home)
    assert result.returncode == ExitCode.OK
    assert "Startat" in result.stdout
    assert "Utkast ·" in result.stdout
    assert len(re.findall("Kulturförvaltningen", result.stdout)) == 2


def test_list_has_no_escape_codes_without_a_terminal(
    home: Path, checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    _save(checklist, complete_answers, "klar1234", datetime.now(UTC), "started")
    plain = run("list", home=home)
    assert plain.returncode == ExitCode.OK
    assert "klar1234" in plain.stdout
    assert not ANSI.search(plain.stdout + plain.stderr)
    no_colour = run("list", home=home, env={"NO_COLOR": "1"})
    assert not ANSI.search(no_colour.stdout)
    # Even when colour is forced, NO_COLOR wins: no colour codes at all.
    forced = run("list", home=home, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "klar1234" in forced.stdout
    assert not ANSI_COLOUR.search(forced.stdout)


# --- help, start-up and imports ----------------------------------------------------------------


def test_help(home: Path) -> None:
    result = run("--help", home=home)
    assert result.returncode == ExitCode.OK
    for command in ("start", "resume", "validate", "schema", "list"):
        assert command in result.stdout
    assert m.CLI_HELP in result.stdout
    no_traceback(result)


def test_version_comes_from_the_package_metadata(home: Path) -> None:
    from importlib.metadata import version

    import kontoguide

    result = run("--version", home=home)
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout.strip() == f"kontoguide {version('kontoguide')}"
    assert version("kontoguide") == kontoguide.__version__
    assert result.stderr == ""


@pytest.mark.parametrize(
    "command", [[], ["start"], ["resume"], ["export"], ["validate"], ["schema"], ["list"]]
)
def test_h_is_help_for_the_group_and_every_command(home: Path, command: list[str]) -> None:
    short = run(*command, "-h", home=home)
    assert short.returncode == ExitCode.OK, short.stderr
    assert short.stdout == run(*command, "--help", home=home).stdout
    assert short.stdout.startswith(f"Användning: {' '.join(['kontoguide', *command])} ")
    assert "-h, --help" in short.stdout


def test_a_command_far_from_every_name_gets_no_guess(home: Path) -> None:
    result = run("zzz", home=home)
    assert result.returncode == ExitCode.USAGE
    assert "Det finns inget sådant kommando." in result.stderr
    assert "Menade du" not in result.stderr


CLICK_ENGLISH = ("Usage:", "Error:", "Try '", "Missing", "No such", "Invalid value", "Got ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["resume", "a", "b"], m.CLI_E_TOO_MANY_ARGUMENTS),
        (["list", "extra"], m.CLI_E_TOO_MANY_ARGUMENTS),
        (["--bogus"], m.CLI_E_NO_SUCH_OPTION.format(option="--bogus")),
        (["start", "--answer", "x"], m.CLI_E_DID_YOU_MEAN.format(options="--answers")),
        (["export"], m.CLI_E_MISSING_SOURCE.format(command="export")),
        (["validate"], m.CLI_E_MISSING_SOURCE.format(command="validate")),
        (["start", "--answers"], m.CLI_E_OPTION_NEEDS_VALUE.format(option="--answers")),
        (["export", "x", "--force=ja"], m.CLI_E_FLAG_TAKES_NO_VALUE.format(option="--force")),
        (
            ["export", "x", "--format", "pdf"],
            m.CLI_E_CHOOSE.format(name="--format", choices="docx, json, md"),
        ),
        (["nosuch"], "Det finns inget sådant kommando."),
        (["exprot", "x"], m.CLI_E_DID_YOU_MEAN.format(options="export")),
        (["valdate", "x.json"], m.CLI_E_DID_YOU_MEAN.format(options="validate")),
        (["resme"], m.CLI_E_DID_YOU_MEAN.format(options="resume")),
    ],
)
def test_usage_errors_are_in_swedish(home: Path, args: list[str], expected: str) -> None:
    result = run(*args, home=home)
    assert result.returncode == ExitCode.USAGE
    assert expected in result.stderr
    assert "--help" in result.stderr
    for english in CLICK_ENGLISH:
        assert english not in result.stderr, result.stderr
    no_traceback(result)


HEAVY = ("questionary", "prompt_toolkit", "docx", "openpyxl")
IMPORT_PROBE = """
import runpy, sys
sys.argv = ["kontoguide", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("kontoguide", run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY})
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
sys.exit(code)
""".replace("{HEAVY}", repr(set(HEAVY)))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["validate", str(KOMPLETT)],
        ["validate", str(MED_FEL)],
        ["schema"],
        ["overview"],
        ["overview", "--format", "csv"],
    ],
    ids=["help", "h", "version", "list", "validate", "validate-fel", "schema", "overview", "csv"],
)
def test_fast_commands_do_not_import_the_terminal_or_docx(home: Path, args: list[str]) -> None:
    result = run_python("-c", IMPORT_PROBE, *args, home=home)
    assert result.returncode in (ExitCode.OK, ExitCode.INVALID_DATA), result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("HEAVY=")]
    assert line == "HEAVY=", line


def test_the_clock_is_where_the_examples_expect_it() -> None:
    # The CLI checks dates against today; the examples were written for this window
    # (decision 2026-11-20, report 2026-11-23, earliest goal deadline 2030-06-30).
    assert date(2026, 11, 23) <= date.today() < date(2030, 6, 30)


@pytest.mark.parametrize("term", ["dumb", "xterm-256color"])
def test_the_console_fits_the_terminal_even_a_dumb_one(
    monkeypatch: pytest.MonkeyPatch, term: str
) -> None:
    from kontoguide.terminal.console import make_console

    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("FORCE_COLOR", "1")  # as if writing to a terminal
    console = make_console()
    assert console.is_terminal
    assert console.width == 60


def _to_a_full_disk(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """kontoguide with standard out on /dev/full: every write fails with ENOSPC."""
    with Path("/dev/full").open("w") as full:
        return subprocess.run(
            [sys.executable, "-m", "kontoguide", *args],
            env=clean_env(home),
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=False,
        )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_while_writing_output_is_a_message_not_a_traceback(home: Path) -> None:
    result = _to_a_full_disk("schema", home=home)
    assert result.returncode == ExitCode.USAGE
    assert "Det gick inte att läsa eller skriva" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_early_is_not_an_error(home: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kontoguide", "schema"],
        env=clean_env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    # Closed before kontoguide writes (it needs a few hundred ms to start), like
    # `| head -c 0`; reading some first would let the schema fit in the pipe's buffer.
    process.stdout.close()
    error = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == ExitCode.OK
    assert "Traceback" not in error and "BrokenPipe" not in error


@pytest.mark.parametrize("command", [[], ["start"], ["resume"], ["export"], ["validate"]])
def test_help_is_swedish(home: Path, command: list[str]) -> None:
    result = run(*command, "--help", home=home)
    assert result.returncode == ExitCode.OK
    assert result.stdout.startswith("Användning: kontoguide")
    assert "Visa den här hjälpen och avsluta." in result.stdout
    for english in (
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Show this message",
        "[required]",
        "[default",
        "<str>",
        "<path>",
        "[OPTIONS]",
    ):
        assert english not in result.stdout


def test_list_fits_an_office_terminal_without_cutting_the_date(
    home: Path, checklist: Checklist, complete_answers: dict[str, Any]
) -> None:
    changed = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    _save(checklist, complete_answers, "klar1234", changed, "started")
    result = run("list", home=home, env={"COLUMNS": "80"})
    assert result.returncode == ExitCode.OK, result.stderr
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    stamp = changed.astimezone().strftime("%Y-%m-%d %H:%M")
    assert stamp in result.stdout
    assert "Startat" in result.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_help_to_a_full_disk_is_a_message_not_a_traceback(home: Path) -> None:
    result = _to_a_full_disk("--help", home=home)
    assert result.returncode == ExitCode.USAGE
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "raised",
    [
        KeyboardInterrupt(),
        # What Python makes of Ctrl-C inside class creation during an import.
        RuntimeError("Error calling __set_name__"),
    ],
)
def test_ctrl_c_while_the_program_is_still_loading_exits_130(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], raised: BaseException
) -> None:
    import types

    from kontoguide.cli import entry

    def interrupted() -> None:
        if isinstance(raised, KeyboardInterrupt):
            raise raised
        raise raised from KeyboardInterrupt()

    loading = types.ModuleType("kontoguide.cli.app")
    loading.main = interrupted  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kontoguide.cli.app", loading)
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == ExitCode.INTERRUPTED
    assert m.CLI_INTERRUPTED in capfd.readouterr().err


def test_the_loading_message_is_the_programs_own() -> None:
    from kontoguide.cli import entry

    assert entry._INTERRUPTED.strip() == m.CLI_INTERRUPTED
    assert entry._EXIT_INTERRUPTED == ExitCode.INTERRUPTED
