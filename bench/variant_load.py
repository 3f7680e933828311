"""Loading a variant with 50 added questions, against loading the standard checklist.

Run: python bench/variant_load.py [runs]. Target (issue 10): at most 50 ms more.

"Loading" is what every command does with a checklist: read and check the TOML
(load_checklist_file) and generate the model of its added questions
(added_questions.record_model, through validation.make_context). Each run is a
fresh interpreter loading one checklist, as a command does, so no cache helps (a
variant's load includes reading the standard, to check that its required questions
are kept); the two are interleaved, and the time is measured around the loading
only (imports excluded: they are the same for both).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STANDARD = ROOT / "checklists" / "stockholm-standard.toml"
ADDED = 50

# One of each kind, in turn, until there are ADDED questions (a list counts as one).
_KINDS = [
    'kind = "text"\npattern = "[A-Z]{2} \\\\d+"\nmessage = "Skriv två bokstäver och ett tal."',
    'kind = "longtext"\nmin_words = 5',
    'kind = "yesno"\nmust_be_yes = true\nmessage = "Svara ja."',
    'kind = "choice"\nchoices = "platforms"',
    'kind = "multichoice"\nchoices = "duties"',
    'kind = "date"\ndate_is = "past"',
    'kind = "email"',
    'kind = "number"\nmin = 0\nmax = 100\nunit = "st"',
    'kind = "list"\nitem_label = "rad"\nmax_items = 10\n\n'
    '[[sections.questions.fields]]\nfield = "namn"\nkind = "text"\nlabel = "Namn?"\n\n'
    '[[sections.questions.fields]]\nfield = "datum"\nkind = "date"\ndate_is = "future"\n'
    'label = "Datum?"',
]


def variant_text(added: int = ADDED) -> str:
    text = STANDARD.read_text(encoding="utf-8")
    text = text.replace('id = "stockholm-standard"', 'id = "bench-variant"', 1)
    questions = "".join(
        f'[[sections.questions]]\nid = "fraga_{number}"\nlabel = "Fråga {number}?"\n'
        f"{_KINDS[number % len(_KINDS)]}\n\n"
        for number in range(added)
    )
    section = (
        '[[sections]]\nid = "egna"\ntitle = "Egna frågor"\npurpose = "Bänktest."\n\n' + questions
    )
    return text.replace("# --- steg 5", section + "# --- steg 5", 1)


_MEASURE = """
import sys, time
from pathlib import Path
from kontoguide.checklist.loading import load_checklist_file
from kontoguide.rules.validation import make_context
out = []
for name in sys.argv[1:]:
    began = time.perf_counter()
    checklist = load_checklist_file(Path(name))
    make_context(checklist)
    out.append(time.perf_counter() - began)
print(" ".join(str(t) for t in out))
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-variant-"))
    variant = folder / "bench-variant.toml"
    variant.write_text(variant_text(), encoding="utf-8")
    standard: list[float] = []
    added: list[float] = []
    for _ in range(runs):
        for name, samples in ((STANDARD, standard), (variant, added)):
            done = subprocess.run(
                [sys.executable, "-c", _MEASURE, str(name)],
                check=True,
                capture_output=True,
                text=True,
            )
            samples.append(float(done.stdout))
    base, more = statistics.median(standard), statistics.median(added)
    print(f"median of {runs} runs, each in a fresh interpreter")
    print(f"  standard checklist               {base * 1000:7.1f} ms")
    print(f"  variant with {ADDED} added questions {more * 1000:7.1f} ms")
    print(f"difference: {(more - base) * 1000:.1f} ms (target <= 50 ms)")


if __name__ == "__main__":
    main()
