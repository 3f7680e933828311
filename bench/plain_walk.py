"""What a listener hears in a whole plain walk (`start --enkel`), counted.

Run: python bench/plain_walk.py [EXAMPLE.json] [--show] [--before SRC]. The example's answers
(default: examples/klar-for-beslut.json, everything up to the decision maker) are
turned into the lines a person types, with the example's dates moved by the same
number of days so that they keep their distance to the notice's acknowledgement
(today); they are piped into `kontoguide start --enkel`, which is then asked to save
the checklist as ready for the decision. Counted on standard out, without the echo
of what was typed:

- words before each question: the words said between one answer and the next
  "Svar:" (the position, the question, its hint, the options, the instructions);
- repetition: the share of all words that are in a sentence already said once.

Targets (issue 21): at most 30 words before a question on average, at most 15 %
repeated. --show prints the most repeated sentences. --before SRC also walks an
earlier version with the same typed lines, in the same run: SRC is the `src` folder
of a whole copy of it (its pyproject.toml and checklists beside), for example
`git archive main | tar -x -C /tmp/main` and then --before /tmp/main/src.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the tests' way of typing a list's answers

from kontoguide.checklist.loading import load_checklist  # noqa: E402
from kontoguide.checklist.parts import Checklist, Question  # noqa: E402
from plain_support import SAVE_READY, _list_lines  # noqa: E402
from scenario import ALL, nested  # noqa: E402

PROMPT = "Svar: "
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
OPTION_NUMBER = re.compile(r"^\d+\.\s+")
# The cue said after each line of a long answer ("Rad 2."); the line typed next is echoed.
LINE_CUE = re.compile(r"Rad \d+\.")


def _moved(value: Any, by: timedelta) -> Any:
    """The example's dates moved by `by` days, anywhere in the answers."""
    if isinstance(value, dict):
        return {key: _moved(item, by) for key, item in value.items()}
    if isinstance(value, list):
        return [_moved(item, by) for item in value]
    if isinstance(value, str) and DATE.match(value):
        return (date.fromisoformat(value) + by).isoformat()
    return value


def _at(data: dict[str, Any], field: str) -> Any:
    value: Any = data
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def example_answers(path: Path, today: date) -> dict[str, Any]:
    """The example as question field → answer, dates around `today`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    acknowledged = datetime.fromisoformat(data["notice"]["acknowledged_at"]).date()
    return _moved(data, today - acknowledged)  # type: ignore[no-any-return]


def _line(checklist: Checklist, question: Question, value: Any) -> list[str]:
    if question.kind == "yesno":
        return ["j" if value else "n"]
    if question.kind == "choice":
        return [checklist.choice_label(question.choices or "", value).lower()] if value else [""]
    if question.kind == "multichoice":
        values = checklist.choice_values(question.choices or "")
        numbers = [str(n) for n, option in enumerate(values, 1) if option in (value or [])]
        return [", ".join(numbers) or "inga"]
    text = "" if value is None else str(value)
    return [text, ""] if question.kind == "longtext" and text else [text]


def typed_lines(checklist: Checklist, data: dict[str, Any]) -> list[str]:
    """Every line typed in a fresh walk up to the review, in the order asked."""
    flat = {q.field: _at(data, q.field) for _, q in checklist.questions("ready")}
    context = nested({field: value for field, value in flat.items() if value is not None})
    lines: list[str] = []
    for section, question in checklist.questions("ready"):
        if section.stage != "ready" or (question.when and not question.when.holds(context)):
            continue
        value = flat[question.field]
        if question.kind == "list":
            for _, typed in _list_lines(checklist, question, value or [], context):
                lines += typed
        else:
            lines += _line(checklist, question, ALL if value is ALL else value)
    return lines


def walk(lines: list[str], src: Path | None = None) -> str:
    """Standard out of `kontoguide start --enkel` with the lines piped in (the version
    in `src`, when given, instead of this one)."""
    with tempfile.TemporaryDirectory(prefix="kg-plain-walk-") as folder:
        env = {**os.environ, "KONTOGUIDE_HOME": folder, "PYTHONIOENCODING": "utf-8"}
        if src is not None:
            env["PYTHONPATH"] = str(src.resolve())
        for name in ("KONTOGUIDE_ENKEL", "ACCESSIBLE", "NO_COLOR"):
            env.pop(name, None)
        done = subprocess.run(
            [sys.executable, "-m", "kontoguide", "start", "--enkel"],
            input="".join(line + "\n" for line in ["j", *lines, SAVE_READY, "n"]),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=folder,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"the walk ended with {done.returncode}:\n{done.stderr[-2000:]}")
    return done.stdout


def heard(stdout: str) -> list[str]:
    """What is said before each prompt, without the echo of the answer after it."""
    blocks: list[str] = []
    rest = stdout
    while PROMPT in rest:
        before, rest = rest.split(PROMPT, 1)
        blocks.append(before)
        rest = _after_answer(rest)
    return blocks


def _after_answer(rest: str) -> str:
    """What follows a prompt without the echo of the answer: its first line and, in a
    long answer, the line typed after each line's cue (the cue itself is said)."""
    rest = rest.partition("\n")[2]
    cues = ""
    while LINE_CUE.match(rest):
        cue, _, rest = rest.partition("\n")
        cues += cue + "\n"
        rest = rest.partition("\n")[2]  # the next line typed, echoed
    return cues + rest


def count(stdout: str) -> dict[str, Any]:
    blocks = heard(stdout)
    words = [len(block.split()) for block in blocks]
    seen: set[str] = set()
    repeated = total = 0
    sentences: Counter[str] = Counter()
    for block in blocks:
        # An option's number is part of the option ("1. Förvaltning"), not a sentence.
        lines = [OPTION_NUMBER.sub("", line) for line in block.split("\n")]
        for sentence in (part for line in lines for part in SENTENCE.split(line)):
            size = len(sentence.split())
            if not size:
                continue
            key = " ".join(sentence.split())
            total += size
            sentences[key] += 1
            if key in seen:
                repeated += size
            seen.add(key)
    return {
        "prompts": len(blocks),
        "words": total,
        "words_per_question": sum(words) / len(words) if words else 0.0,
        "repeated_share": repeated / total if total else 0.0,
        "errors": stdout.count("\nFel: "),
        "most_repeated": sentences.most_common(8),
    }


def _report(stdout: str, name: str, *, show: bool) -> None:
    if "Checklistan är klar för beslut." not in stdout:
        raise SystemExit(f"the walk{name} did not reach 'klar för beslut':\n" + stdout[-3000:])
    found = count(stdout)
    print(
        f"{name.strip() or 'this version'}: {found['prompts']} prompts, {found['errors']} refused"
    )
    print(f"  words heard before the prompts: {found['words']}")
    print(
        f"  words before a question, on average: {found['words_per_question']:.1f} (target <= 30)"
    )
    print(
        f"  share of words in a sentence said before: {found['repeated_share']:.1%}"
        " (target <= 15 %)"
    )
    if show:
        for sentence, times in found["most_repeated"]:
            print(f"  {times:4d} × {sentence}")


def main() -> None:
    argv = sys.argv[1:]
    before: Path | None = None
    if "--before" in argv:
        at = argv.index("--before")
        if at + 1 >= len(argv) or not (Path(argv[at + 1]).parent / "pyproject.toml").is_file():
            raise SystemExit("--before SRC: the src folder of a whole copy (see the docstring)")
        before = Path(argv[at + 1])
        del argv[at : at + 2]
    args = [arg for arg in argv if not arg.startswith("--")]
    example = Path(args[0]) if args else ROOT / "examples" / "klar-for-beslut.json"
    checklist = load_checklist()
    lines = typed_lines(checklist, example_answers(example, date.today()))
    print(f"example: {example.name}")
    if before is not None:
        _report(walk(lines, before), " (before)", show="--show" in argv)
    _report(walk(lines), "", show="--show" in argv)


if __name__ == "__main__":
    main()
