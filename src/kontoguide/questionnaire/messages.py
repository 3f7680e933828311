"""Swedish texts of the questions, the conversation and the follow-ups.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.store.messages import *  # noqa: F403

# --- the questionnaire (interactive.py, dialogue.py, prompts.py, views.py) -----
# The conversation: questions, lists and the review at the end.
Q_STEP_NAME = "Steg {number}: {title}"
Q_SET_ASIDE = "Ditt tidigare svar var: {answer}."
Q_SET_ASIDE_REASON = "Det behöver ändras: {reason}"
Q_SET_ASIDE_ITEM = "En rad i listan behöver kompletteras eller rättas: {item}."
Q_UNFINISHED_ITEM = "Du hade börjat fylla i en rad: {item}. Här fortsätter du med den."
Q_UNFINISHED_CHANGE = "Du hade börjat ändra en rad: {item}. Här fortsätter du med den."
Q_DISPLACED = "Ett tidigare svar stämmer inte längre och frågas igen: {title}. {message}"
Q_SKIP = "Hoppa över"
Q_PAUSE_TO_DO_IT = (
    "Behöver du göra det först? Tryck Ctrl-C: svaren hittills är sparade och du kan "
    "fortsätta senare."
)
Q_DATE_PLACEHOLDER = "ÅÅÅÅ-MM-DD"
Q_CAUTION_KEEP = "Vill du ändå välja {choice}?"
Q_CAUTION_YES = "Ja, jag väljer {choice}"
Q_CAUTION_NO = "Nej, jag väljer något annat"
Q_LIST_MENU = "Vad vill du göra nu?"
Q_LIST_ADD_FIRST = "Lägg till"
Q_LIST_ADD = "Lägg till fler"
Q_LIST_CHANGE = "Ändra något i listan"
Q_LIST_REMOVE = "Ta bort något ur listan"
Q_LIST_DONE = "Klart, gå vidare"
Q_LIST_REMOVE_SURE = "Ta bort ”{item}”?"
Q_LIST_REMOVE_YES = "Ja, ta bort"
Q_LIST_REMOVE_NO = "Nej, behåll"
Q_LIST_REMOVED = "Borttaget: {item}"
Q_BACK = "Tillbaka"
Q_NOT_ANSWERED = "inte besvarad"
Q_REVIEW_PROMPT_READY = "Alla svar är ifyllda och stämmer. Vad vill du göra?"
Q_REVIEW_PROMPT_PROBLEMS = "Några svar saknas eller behöver rättas. Vad vill du göra?"
Q_REVIEW_COMPLETE = "Spara checklistan som klar för beslut"
Q_REVIEW_FIX = "Rätta det som saknas"
Q_REVIEW_LATER = "Spara och fortsätt senare"
Q_CHANGE_WHICH_STEP = "I vilken del finns svaret du vill ändra?"
Q_CHANGE_WHICH_QUESTION = "Vilket svar vill du ändra?"
VIEW_STATE_LABELS = {
    "done": "klar",
    "started": "påbörjad",
    "empty": "ej påbörjad",
    "fix": "behöver rättas",
}

# --- reliability: answers, dates and documents ---
Q_LIST_FULL = (
    "Listan har redan {max} rader, så många som får plats. Ta bort en rad om du vill "
    "lägga till en ny."
)
Q_LIST_NO_ROOM = (
    "Rader som lades undan ({count} st.) får inte plats i listan (högst {max}). De finns "
    "kvar i utkastet; ta bort en rad om du vill lägga till någon av dem."
)

# --- questionnaire through the states ---
# The decision, the start and the closing: checking what was written.
Q_STAGE_CHECK = "Stämmer det här?"
Q_STAGE_DONE = "Ja, det stämmer"
Q_STAGE_CHANGE = "Nej, ändra ett svar"
# A follow-up: our own questions (the guide asks for follow-ups, not these words).
FU_TITLE = "Uppföljning {number}"
FU_PROGRESS = "Uppföljning"
FU_TITLE_SO_FAR = "Uppföljning {number}: dina svar hittills"
FU_PURPOSE = (
    "Skriv in hur det går för kontot: ett uppmätt värde för varje mål från steg 2, en "
    "samlad bedömning och en slutsats. Uppföljningen läggs till; beslutet och målen ändras inte."
)
FU_CONTINUING = (
    "Du fortsätter med uppföljningen du hade påbörjat. Svaren du redan gett frågas inte igen."
)
FU_LABELS = {
    "held_on": "Vilket datum gjordes uppföljningen?",
    "carried_out_by": "Vem gjorde uppföljningen?",
    "value": "Vilket värde har nyckeltalet nu?",
    "measured_on": "Vilket datum mättes värdet?",
    "comment": "Vill du kommentera värdet?",
    "assessment": "Hur bedömer du att kontot fungerar, samlat?",
    "conclusion": "Vilken slutsats drar du?",
    "next_review": "När ska nästa uppföljning göras?",
}
FU_HINTS = {
    "held_on": "Som ÅÅÅÅ-MM-DD. Inte i framtiden.",
    "carried_out_by": "Förnamn och efternamn på den som gjorde uppföljningen.",
    "value": "Skriv värdet i {unit}.",
    "measured_on": "Som ÅÅÅÅ-MM-DD, senast uppföljningens datum.",
    "comment": "Till exempel vad som förklarar värdet.",
    "assessment": "Når kontot sina mål och sina målgrupper? Vad fungerar och vad fungerar inte?",
    "conclusion": "Ska kontot avslutas följer du rutinen från steg 4.",
    "next_review": "Som ÅÅÅÅ-MM-DD, inom 12 månader.",
}
# What "?" says at each answer of a follow-up: why it is asked and where the fact is.
FU_HELPS = {
    "held_on": (
        "Datumet visar när uppföljningen gjordes, och nästa uppföljning räknas från det. "
        "Ange dagen då du gick igenom målen."
    ),
    "carried_out_by": (
        "Namnet visar vem som gick igenom målen och kan svara på frågor om uppföljningen. "
        "Oftast är det den ansvariga personen från steg 2."
    ),
    "value": (
        "Värdet visar hur långt kontot har kommit mot målvärdet. Hämta siffran från samma "
        "källa som du angav för målet i steg 2, till exempel plattformens statistikverktyg."
    ),
    "measured_on": (
        "Datumet visar vilken dag siffran gäller, eftersom värdet ändras över tid. Oftast är "
        "det samma dag som uppföljningen."
    ),
    "comment": (
        "En kommentar hjälper den som läser uppföljningen att förstå siffran, till exempel att "
        "ett lov eller en kampanj påverkade den. Frågan är frivillig."
    ),
    "assessment": (
        "Bedömningen väger ihop alla mål och målgrupper och är grunden för slutsatsen. Skriv "
        "vad som fungerar, vad som inte gör det och varför."
    ),
    "conclusion": (
        "Slutsatsen säger vad som händer med kontot efter uppföljningen: det fortsätter som nu, "
        "ändrar inriktning eller avslutas. Grunda den på bedömningen och på hur långt målen "
        "har kommit."
    ),
    "next_review": (
        "Datumet bestämmer när målen ses över nästa gång. Förslaget räknas från hur ofta "
        "målen följs upp enligt steg 2, och det får vara högst 12 månader fram."
    ),
}
FU_HELD_HINT_START = (
    "Som ÅÅÅÅ-MM-DD. Inte före {start}, dagen då kontot startade, och inte i framtiden."
)
FU_NEXT_HINT_LATEST = "Som ÅÅÅÅ-MM-DD, senast {latest} (inom 12 månader)."
FU_GOAL_TITLE = "Mål {number} av {count}: {goal}"
FU_GOAL_INDICATOR = "Nyckeltal"
FU_GOAL_BASELINE = "Utgångsvärde"
FU_GOAL_TARGET = "Målvärde"
FU_GOAL_DEADLINE = "Ska vara nått senast"
FU_GOAL_LAST = "Förra uppföljningen"
FU_GOAL_LAST_VALUE = "{value} (mätt {day})"
FU_NO_VALUE = "inte angivet"
FU_ROW_HELD = "Datum"
FU_ROW_BY = "Genomförd av"
FU_ROW_GOAL = "Mål {number}"
FU_ROW_MEASURED = "{value} {unit} (mätt {day})"
FU_ROW_ASSESSMENT = "Samlad bedömning"
FU_ROW_CONCLUSION = "Slutsats"
FU_ROW_NEXT = "Nästa uppföljning"
FU_CONFIRM = "Vill du spara uppföljningen?"
FU_CONFIRM_SAVE = "Ja, spara den"
FU_CONFIRM_CHANGE = "Ändra ett svar först"
FU_CONFIRM_DROP = "Släng uppföljningen utan att spara den"
FU_DROP_SURE = "Vill du slänga uppföljningen? Svaren i den går inte att få tillbaka."
FU_DROP_NO = "Nej, behåll den"
FU_DROP_YES = "Ja, släng den"
FU_DROPPED = "Uppföljningen är slängd. Inget annat i checklistan har ändrats."
FU_SAVED = "Uppföljningen är sparad. Nästa uppföljning senast {next}."
FU_SAVED_CLOSE = "Uppföljningen är sparad."
# kontoguide's own words: the review (omprövning) of questions a later version added.
FU_REVIEW_ONE = (
    "Checklistan har fått 1 ny fråga som gäller kontot sedan beslutet (beslutet följde "
    "version {used}, nu gäller version {current}). Den är frivillig vid omprövningen och "
    "ändrar inte beslutet."
)
FU_REVIEW_MANY = (
    "Checklistan har fått {count} nya frågor som gäller kontot sedan beslutet (beslutet "
    "följde version {used}, nu gäller version {current}). De är frivilliga vid omprövningen "
    "och ändrar inte beslutet."
)
FU_REVIEW_OFFER = "Vill du svara på de nya frågorna nu?"
FU_REVIEW_NOW = "Svara nu (en fråga du lämnar tom hoppas över)"
FU_REVIEW_LATER = "Inte nu"
FU_REVIEW_LATER_NOTE = "De nya frågorna erbjuds igen efter nästa uppföljning."
FU_REVIEW_DONE = "Omprövningen är sparad: {answered} av {count} nya frågor besvarade."
FU_PICK = "Vilket svar i uppföljningen vill du ändra?"
FU_PICK_GOAL = "Mål {number} av {count}: {label}"

# --- starting from an earlier record (start --from) ---
Q_SUGGESTED_ITEM = "Ta med ”{item}” från den tidigare checklistan?"
Q_SUGGESTED_TAKE = "Ja, som det är"
Q_SUGGESTED_CHANGE = "Ja, men ändra först"
Q_SUGGESTED_SKIP = "Nej, hoppa över"

# --- lists: lists, team, platform changes and the step-by-step summary ---
Q_DEPENDS_CHANGED = (
    "Svaret nedan skrevs när svaret på ”{title}” var {old}. Nu är det {new}: se till att "
    "svaret stämmer med det."
)
Q_DEPENDENTS_SET_ASIDE = "Eftersom du ändrade ”{title}” har de här svaren lagts åt sidan:"
Q_DEPENDENT_ASKED_AGAIN = "{title} (frågas igen nu)"
Q_DEPENDENT_NOT_ASKED = "{title} (gäller inte längre; sparas om du byter tillbaka)"
Q_LISTED_CHOICE = (
    "”{typed}” finns i listan. Svaret blir {label}, med de frågor som hör till {label}."
)
Q_ADMINS_NOW = "Administratör nu: {names}."
Q_ADMINS_NONE = "Ingen har administratörsbehörighet än."
Q_ITEM_ADMIN = "administratör"
Q_ITEM_NOT_ADMIN = "inte administratör"
Q_WHO_RESPONSIBLE = "ansvarig för kontot"
# Said before the name of step 1's contact, offered in step 3 (the name is in the answer).
Q_EARLIER_PERSON = "Förslag från steg 1."
Q_EARLIER_RESPONSIBLE = "Förslag: den ansvariga för kontot, från steg 2."
Q_WHO_DEPUTY = "ersättare för den ansvariga"
Q_PERSON_OFFER = "Ska {name} ({who}, steg 2) vara med i teamet?"
Q_PERSON_TAKE = "Ja, med namn och e-post från steg 2"
Q_PERSON_CHANGE = "Ja, men ändra namn eller e-post först"
Q_PERSON_SKIP = "Nej, hoppa över"
Q_LIST_WHICH_CHANGE = "Vad i listan vill du ändra?"
Q_LIST_WHICH_REMOVE = "Vad i listan vill du ta bort?"
Q_ITEM_WHICH_FIELD = "Vad vill du ändra för ”{item}”?"
Q_ITEM_ALL_FIELDS = "Alla uppgifter, en i taget"
Q_ITEM_CANCEL = "Avbryt (lägg inte till något)"
Q_ITEM_CANCEL_CHANGE = "Avbryt (behåll som det var)"
# The way out of an item names the item ("mål 2", as its heading says): "avbryta" alone
# did not say what would be cancelled. Both start with Q_ITEM_WAY_OUT, which the plain
# mode says once per part.
Q_ITEM_WAY_OUT = "Lämna svaret tomt och tryck Enter om du"
Q_ITEM_CANCEL_HINT = Q_ITEM_WAY_OUT + " inte vill lägga till {item}."
Q_ITEM_CHANGE_HINT = Q_ITEM_WAY_OUT + " vill låta {item} vara som förut."
Q_ITEM_CANCEL_SURE = "Vill du avbryta? Inget av det du har fyllt i läggs till i listan."
Q_ITEM_CANCEL_NO = "Nej, fortsätt fylla i"
Q_ITEM_CANCEL_YES = "Ja, avbryt"
Q_ITEM_CANCELLED = "Avbrutet: ingenting lades till."
Q_ITEM_CHANGE_CANCELLED = "Avbrutet: ”{item}” är som förut."
Q_TASK_STEP = "{title}: {state}"
Q_TASK_STEP_PROBLEMS = "{title}: {state} ({count})"
Q_STEP_WHICH_ANSWER = "Vilket svar vill du ändra? (Tillbaka visar alla steg.)"
Q_BACK_TO_TASKS = "Tillbaka till alla steg"

# --- move: help, going back, the half-typed answer ---
Q_TYPED_NOT_SAVED = (
    "Du hade börjat skriva ett svar här när du tog paus. Texten står i rutan men är "
    "inte sparad som svar än: ändra den om du vill och spara den som vanligt."
)
Q_NOTHING_BEFORE = "Det här är den första frågan; det finns ingen fråga före den."

# --- items: back inside a list item, item numbering, tall pickers ---
Q_ITEM_BACK_KEPT = (
    "Tillbaka till listan. Det du fyllde i finns kvar som förslag om du lägger till igen."
)
Q_PAGE_NEXT = "Fler frågor: {first}–{last} av {count}"
Q_PAGE_PREVIOUS = "Föregående frågor: {first}–{last} av {count}"
Q_SHOW_STEP_ANSWERS = "Visa alla svar i steget"
Q_LIST_PICK_CHANGE = "Vilken rad vill du ändra?"
