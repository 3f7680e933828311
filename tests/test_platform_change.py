"""Platform changes: a listed platform typed under "Annan plattform"; what rests on the platform."""

from __future__ import annotations

from typing import Any

import pytest

from kontoguide.checklist.parts import Checklist
from kontoguide.cli import messages as m
from kontoguide.model.record import Record
from kontoguide.questionnaire.dialogue import Conversation
from kontoguide.questionnaire.events import Note
from kontoguide.questionnaire.flow import Flow
from scenario import ANSWERS, REVIEW_READY, RecordingScreen, Saves, ScriptedAsker, full_script
from test_lists import record_with

PLATFORM = "Vilken plattform ska kontot finnas på?"
OTHER = "Vilken annan plattform?"
REASON = "Varför passar plattformen syftet, målen och målgrupperna?"
DEVICE = "Kommer kontot att skötas från en separat enhet?"
SIGNOFF = "Har säkerhetsfunktionen godkänt att kontot finns på TikTok?"
X_REASON = "Varför väljer du ändå X?"


def keep_caution(label: str) -> str:
    return m.Q_CAUTION_KEEP.format(choice=label)


def upto_step3(checklist: Checklist) -> Record:
    order = [q.field for _, q in checklist.questions("ready")]
    before = order[: order.index("step3.platform")]
    return record_with(checklist, {f: ANSWERS[f] for f in before if f in ANSWERS})


def run(
    checklist: Checklist, record: Record, script: dict[str, list[Any]]
) -> tuple[Flow, ScriptedAsker, RecordingScreen]:
    flow = Flow(checklist, record, save=Saves())
    asker = ScriptedAsker(script)
    screen = RecordingScreen()
    with pytest.raises(KeyboardInterrupt):
        Conversation(flow, asker, screen).run()
    return flow, asker, screen


@pytest.mark.parametrize(
    ("typed", "value", "label"),
    [(" tik tok ", "tiktok", "TikTok"), ("TWITTER", "x", "X"), ("x", "x", "X")],
)
def test_a_listed_platform_typed_under_another_is_that_platform(
    checklist: Checklist, typed: str, value: str, label: str
) -> None:
    script: dict[str, list[Any]] = {
        PLATFORM: ["annan"],
        OTHER: [typed],
        keep_caution(label): ["ja"],
        DEVICE: ["*ctrl-c*"],
        X_REASON: ["*ctrl-c*"],
    }
    flow, asker, screen = run(checklist, upto_step3(checklist), script)

    assert flow.value("step3.platform") == value
    assert flow.value("step3.platform_other") is None
    # Its caution was shown and its own questions follow.
    assert keep_caution(label) in asker.asked
    assert asker.asked[-1] == (DEVICE if value == "tiktok" else X_REASON)
    said = [note.text for note in screen.of(Note)]
    assert any(label in text and typed.strip() in text for text in said)


def test_a_platform_that_is_not_listed_stays_another(checklist: Checklist) -> None:
    script: dict[str, list[Any]] = {PLATFORM: ["annan"], OTHER: ["Pinterest"], REASON: ["*ctrl-c*"]}
    flow, _asker, _screen = run(checklist, upto_step3(checklist), script)
    assert flow.value("step3.platform") == "annan"
    assert flow.value("step3.platform_other") == "Pinterest"


def test_declining_the_caution_asks_the_platform_again(checklist: Checklist) -> None:
    script: dict[str, list[Any]] = {
        PLATFORM: ["annan", "instagram"],
        OTHER: ["TikTok"],
        keep_caution("TikTok"): ["nej"],
        REASON: ["*ctrl-c*"],
    }
    flow, asker, _screen = run(checklist, upto_step3(checklist), script)
    assert flow.value("step3.platform") == "instagram"
    assert DEVICE not in asker.asked


def _tiktok_record(checklist: Checklist) -> Record:
    answers = {
        **ANSWERS,
        "step3.platform": "tiktok",
        "step3.tiktok_separate_device": True,
        "step3.tiktok_security_signoff": True,
    }
    script = full_script(checklist, answers)
    script[keep_caution("TikTok")] = ["ja"]
    flow = Flow(checklist, record_with(checklist, {}), save=Saves())
    assert Conversation(flow, ScriptedAsker(script), RecordingScreen()).review() is True
    assert flow.record.step3.tiktok_separate_device is True
    return flow.record


def test_changing_the_platform_in_the_summary_sets_aside_what_rested_on_it(
    checklist: Checklist,
) -> None:
    record = _tiktok_record(checklist)
    old_reason = ANSWERS["step3.platform_reason"]
    new_reason = "Föräldrarna i vår målgrupp använder Instagram varje dag, visar enkäten."
    script: dict[str, list[Any]] = {
        REVIEW_READY: ["step3", "later"],
        m.Q_STEP_WHICH_ANSWER: ["step3.platform"],
        PLATFORM: ["instagram"],
        REASON: [new_reason],
    }
    saves = Saves()
    flow = Flow(checklist, record, save=saves)
    asker = ScriptedAsker(script)
    screen = RecordingScreen()

    assert Conversation(flow, asker, screen).review() is False

    assert asker.left() == {}
    # The reason was asked again, with the old one to start from and why.
    reason_prompt = next(p for p in asker.prompts if p.message == REASON)
    assert reason_prompt.default == old_reason
    said = "\n".join(note.text for note in screen.of(Note))
    assert m.Q_DEPENDENTS_SET_ASIDE.format(title=PLATFORM) in said
    assert m.Q_DEPENDENT_ASKED_AGAIN.format(title=REASON) in said
    assert m.Q_DEPENDENT_NOT_ASKED.format(title=DEVICE) in said
    assert "TikTok" in said and "Instagram" in said
    last = saves.last
    assert last.step3.platform == "instagram"
    assert last.step3.platform_reason == new_reason
    # The TikTok answers are kept aside, not in the checklist.
    assert last.step3.tiktok_separate_device is None
    assert last.set_aside["step3.tiktok_separate_device"] is True


def test_the_same_platform_again_sets_nothing_aside(checklist: Checklist) -> None:
    flow = Flow(checklist, _tiktok_record(checklist), save=Saves())
    flow.apply("step3.platform", "tiktok")
    assert flow.set_aside_now == []
    assert flow.record.step3.platform_reason == ANSWERS["step3.platform_reason"]


def test_the_reason_names_the_first_platform_and_the_one_chosen_now(checklist: Checklist) -> None:
    flow = Flow(checklist, _tiktok_record(checklist), save=Saves())
    reason = "step3.platform_reason"
    flow.apply("step3.platform", "annan")
    flow.apply("step3.platform", "x")
    said = flow.changed_reason(reason)
    assert said is not None and "TikTok" in said and "X" in said and "Annan" not in said
    assert flow.set_aside_for(reason) is not None
    # Back to TikTok: the old reason fits as it did, nothing to say about a change.
    flow.apply("step3.platform", "tiktok")
    assert flow.changed_reason(reason) is None


@pytest.mark.parametrize("width", [60, 80])
def test_what_was_set_aside_is_listed_with_each_point_wrapping_under_itself(width: int) -> None:
    import io

    from rich.console import Console

    from kontoguide.terminal.views import RichScreen

    text = "\n".join(
        [
            m.Q_DEPENDENTS_SET_ASIDE.format(title=PLATFORM),
            "- " + m.Q_DEPENDENT_NOT_ASKED.format(title=DEVICE),
            "- " + m.Q_DEPENDENT_ASKED_AGAIN.format(title=REASON),
        ]
    )
    console = Console(file=io.StringIO(), width=width, no_color=True)
    RichScreen(console).show(Note(text, "warning"))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    lines = [line.rstrip() for line in out.splitlines()]
    points = [i for i, line in enumerate(lines) if line.startswith("- ")]
    assert len(points) == 2
    # The first point wraps: its next line is indented under the text, not at the margin.
    assert lines[points[0] + 1].startswith("  ") and not lines[points[0] + 1].startswith("   ")
