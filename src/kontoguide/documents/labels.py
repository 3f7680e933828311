"""What a document calls a question: a label for the record, never the question put to
the applicant ("Policyn är läst", not "Har du läst stadens policy …?").

A checklist's own `doc_label` comes first. Without one, a question of the record model
is named by the model's field title (kontoguide's words, the same as `validate` uses),
so a variant that copies the standard's questions without their labels still reads as
a record. A variant's own question keeps its author's words.
"""

from __future__ import annotations

from kontoguide.checklist.parts import ADDED_PREFIX, Question
from kontoguide.rules.field_problems import field_title

# Parts whose section heading already names them ("Kontot startas"): the field's own
# title is enough, "Kontot startat: kontot startade" would say it twice.
_NAMED_BY_SECTION = ("start.", "closing.")


def question_label(question: Question) -> str:
    if question.doc_label:
        return question.doc_label
    if question.field.startswith(ADDED_PREFIX):
        return question.label
    title = field_title(question.field)
    if title == question.field:  # not a field of the model: nothing better to say
        return question.label
    parent, nested, leaf = title.rpartition(" › ")
    if not nested:
        return title
    if question.field.startswith(_NAMED_BY_SECTION):
        return leaf
    return f"{parent}: {leaf[:1].lower()}{leaf[1:]}"
