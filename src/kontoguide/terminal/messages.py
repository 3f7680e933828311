"""Swedish texts of the screens, the prompts and plain mode.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.documents.messages import *  # noqa: F403
from kontoguide.overview.messages import *  # noqa: F403
from kontoguide.questionnaire.messages import *  # noqa: F403

# --- CLI -----------------------------------------------------------------
LIST_COL_ID = "Id"
LIST_COL_ACCOUNT = "Konto"
LIST_COL_ORG = "Organisation"
LIST_COL_STATUS = "Status"
LIST_COL_CHANGED = "Senast ändrad"

# --- the questionnaire (interactive.py, dialogue.py, prompts.py, views.py) -----
# The notice and the session around the questions.
I_NOTICE_DECLINE = "Nej, jag avbryter här. Inget sparas."
I_NOTICE_ACCEPT = "Ja, jag går vidare"
I_STOPPED_NOTHING_SAVED = "Avbrutet. Inget har sparats."
I_STOPPED_NOTHING_CHANGED = "Avbrutet. Inget har ändrats."
I_DRAFT_CREATED = (
    "Utkastet har id {draft_id}. Ta paus när du vill med Ctrl-C och fortsätt senare med: "
    "kontoguide resume {draft_id}"
)
I_PREFILLED = (
    "Svaren i {path} är inlästa. Du får bara de frågor som saknar svar eller behöver ändras."
)
I_PREFILL_INVALID = (
    "{count} svar i filen behöver ändras. Vid de frågorna står skälet, och ditt svar är "
    "ifyllt så att du kan rätta det."
)
I_RESUMING = "Du fortsätter med utkastet {draft_id}: {name}."
I_SET_ASIDE_ON_LOAD = (
    "{count} svar stämmer inte längre med checklistan. Du får de frågorna i tur och ordning, "
    "med skälet och ditt svar ifyllt så att du kan rätta det."
)
I_SAVED_RESUME = "Utkastet är sparat. Fortsätt med: kontoguide resume {draft_id}"
I_SAVED_WHERE = "Filen ligger i {path}"
I_OFFER_DOCX = "Vill du skapa checklistan som Word-dokument nu, som underlag för beslutet?"
I_OFFER_DOCX_YES = "Ja, skapa Word-dokumentet i den här mappen"
I_OFFER_DOCX_NO = "Nej, inte nu"
I_DOCX_WRITTEN = "Word-dokumentet är sparat: {path}"
I_DOCX_LATER = "Du kan skapa dokumentet senare med: kontoguide export {draft_id}"
I_DOCX_OVERWRITE = "Vill du skriva över den befintliga filen?"
I_DOCX_OVERWRITE_YES = "Ja, skriv över den"
I_DOCX_OVERWRITE_NO = "Nej, låt den vara"
I_CHOOSE_CANCEL = "Inget, avbryt"
# Plain mode named where the ordinary mode starts and where it pauses (issue 21):
# a screen-reader user who followed the README's `kontoguide start` finds the way there.
# Two rows at 80 columns: with the notice and its question it fits a 24-row screen.
I_PLAIN_OFFER = (
    "Skärmläsare? Enkelt läge ställer frågorna som vanliga rader: tryck Ctrl-C och "
    "starta med kontoguide start --enkel (eller sätt ACCESSIBLE=1)."
)
I_PLAIN_ON_RESUME = (
    "Med skärmläsare: kontoguide resume --enkel {draft_id} fortsätter i enkelt läge "
    "(eller sätt miljövariabeln ACCESSIBLE=1)."
)
# Prompts: what questionary shows around the input.
P_INPUT_MARK = "›"
P_HELP_KEY_TEXT = "Skriv ? för mer hjälp."
P_HELP_KEY_F1 = "Tryck F1 för mer hjälp."
P_HELP_KEY_CHOICE = "? visar mer hjälp."
P_HELP_TITLE = "Mer hjälp:"
P_OPTIONAL = "Frivillig fråga: tryck Enter utan att skriva något för att hoppa över den."
P_MULTILINE = "Du kan skriva flera rader. Avsluta med Esc och sedan Enter (eller Alt+Enter)."
# Windows terminals take Alt+Enter themselves (full screen): not offered there.
P_MULTILINE_WINDOWS = "Du kan skriva flera rader. Avsluta med Esc och sedan Enter."
# The line under the input: what Enter does there.
P_ENTER_SAVES = "Enter sparar svaret."
P_ENTER_LONG = "Enter ger en ny rad. Esc och sedan Enter (eller Alt+Enter) sparar svaret."
P_ENTER_LONG_WINDOWS = "Enter ger en ny rad. Esc och sedan Enter sparar svaret."
P_ENTER_GOES_BACK = "Enter går tillbaka till förra frågan."
P_SELECT = "(Välj med piltangenterna och tryck Enter.)"
P_CHECKBOX = "(Piltangenterna flyttar, mellanslag markerar, a markerar alla, Enter bekräftar.)"
P_ALL_CHOSEN = "alla {count} markerade"
P_NONE_CHOSEN = "inget markerat"
# Views: headers, overview and summary.
VIEW_BASICS_HEADER = "Innan stegen: {title}"
VIEW_STEP_HEADER = "Steg {number} av {steps}: {title}"
VIEW_STEP_SHORT = "Steg {number} av {steps}"
VIEW_PROGRESS = "{where} · fråga {index} av {count}"
VIEW_ITEM_PROGRESS = "{label} {number} · fråga {index} av {count}"
VIEW_PAUSE_HINT = "Svaren sparas efter varje fråga. Ctrl-C tar paus."
VIEW_ACKNOWLEDGED = "Du bekräftade {when} att du har läst rådet. Det står i checklistan."
VIEW_OVERVIEW_TITLE = "Så långt har du kommit"
VIEW_COL_STEP = "Steg"
VIEW_COL_CONTENT = "Innehåll"
VIEW_COL_STATE = "Läge"
VIEW_COL_QUESTION = "Uppgift"
VIEW_COL_ANSWER = "Svar"
VIEW_MISSING = "saknas"
VIEW_EMPTY_OPTIONAL = "inget svar (frivillig fråga)"
VIEW_LIST_SO_FAR = "Tillagda hittills ({count}):"
VIEW_LIST_EMPTY = "Listan är tom."
VIEW_PROBLEMS_TITLE = "Det här saknas eller behöver rättas ({count}):"
VIEW_ANSWERS_SO_FAR = "Dina svar hittills i {part}"
VIEW_REVIEW_TITLE = "Kontrollera dina svar"
VIEW_REVIEW_PURPOSE = (
    "Här är alla svar, steg för steg. Du kan ändra vilket svar som helst innan "
    "checklistan blir klar för beslut."
)
VIEW_CAUTION_TITLE = "Observera"

# --- the decision process: states, decision, start, follow-ups, closing ---
STATE_FOLLOW_UP_OVERDUE = "uppföljning försenad sedan {due}"

# --- questionnaire through the states ---
# The end of `start`: the checklist is ready for the decision.
I_READY = "Checklistan är klar för beslut."
I_READY_NEXT = (
    "Nu är det {maker} som fattar beslutet. När beslutet är fattat skriver du in det med: "
    "kontoguide resume {draft_id}"
)
I_READY_EXPORT_LATER = (
    "Avbrutet. Checklistan är klar för beslut och sparad. Skapa dokumentet senare med: "
    "kontoguide export {draft_id}"
)
# Pausing or leaving a record that is past the questionnaire.
I_PAUSED = "Avbrutet. Allt du har skrivit är sparat. Fortsätt med: kontoguide resume {draft_id}"
I_LEFT = "Sparat. Status: {state}. Fortsätt senare med: kontoguide resume {draft_id}"
I_LEFT_CLOSED = "Status: {state}. Skapa dokumentet när du vill med: kontoguide export {draft_id}"
# The record at the top of each menu.
I_STATE_TITLE = "Checklista {draft_id}: {name}"
I_ROW_STATE = "Status"
I_ROW_MAKER = "Beslutsfattare"
I_ROW_DECISION = "Beslut"
I_ROW_MOTIVATION = "Motivering"
I_ROW_STARTED = "Kontot startade"
I_ROW_FOLLOW_UPS = "Uppföljningar"
I_ROW_NEXT_REVIEW = "Nästa omprövning"
I_ROW_NEXT_FOLLOW_UP = "Nästa uppföljning"
I_ROW_CLOSED = "Kontot avslutades"
I_DECISION_CASE = "{decision}, diarienummer {case}"
I_FOLLOW_UPS_VALUE = "{count}, den senaste {last}"
I_FOLLOW_UPS_NONE = "inga än"
I_DUE_BY = "senast {due}"
I_FOLLOW_UP_OVERDUE = (
    "Uppföljningen är försenad: den skulle ha varit gjord senast {due}. "
    "Lägg till den så snart den är gjord."
)
I_REVIEW_OVERDUE = (
    "Omprövningen är försenad: kontot skulle ha prövats igen senast {due}. "
    "Skriv in ett nytt beslut när det är fattat."
)
I_UNFINISHED_FOLLOW_UP = "Du har en påbörjad uppföljning som inte är sparad än."
# The menus, one per state.
I_MENU_DECISION = "Är beslutet fattat?"
I_MENU_DECIDE = "Ja, skriv in beslutet nu"
I_MENU_EXPORT_FOR_DECISION = "Nej: skapa checklistan som Word-dokument (underlag för beslutet)"
I_MENU_CHANGE_READY = "Nej: ändra ett svar i checklistan"
I_MENU_NOT_YET = "Nej, inget mer just nu"
I_MENU_STARTED = "Har kontot startats?"
I_MENU_START = "Ja, skriv in starten nu"
I_MENU_EXPORT_NOT_STARTED = "Nej: skapa checklistan som Word-dokument i den här mappen"
I_MENU_CHANGE_NOT_STARTED = "Nej: ändra ett svar, även i beslutet"
I_MENU_WHAT = "Vad vill du göra?"
I_MENU_NEW_DECISION = "Skriv in ett nytt beslut"
I_MENU_FOLLOW_UP = "Lägg till en uppföljning"
I_MENU_FOLLOW_UP_CONTINUE = "Fortsätt med den påbörjade uppföljningen"
I_MENU_CLOSE = "Avsluta kontot (enligt rutinen från steg 4)"
I_MENU_CHANGE = "Ändra ett svar"
I_MENU_EXPORT = "Skapa checklistan som Word-dokument i den här mappen"
I_MENU_LEAVE = "Inget mer just nu"
I_DECISION_SAVED = "Beslutet är sparat."
I_START_SAVED = "Starten av kontot är sparad."
I_CLOSING_SAVED = "Avslutet är sparat. Kontot är avslutat i checklistan."
I_CLOSE_NOW = "Slutsatsen är att kontot ska avslutas. Vill du skriva in avslutet nu?"
I_CLOSE_CONFIRM = (
    "Att avsluta kontot är ett eget beslut: du skriver in vem som beslutade och varför, och "
    "bekräftar arkiveringen. Vill du skriva in avslutet nu?"
)
I_CLOSE_NOW_YES = "Ja, skriv in avslutet nu"
I_CLOSE_NOW_NO = "Nej, senare"
I_CLOSE_LATER = "Skriv in avslutet när kontot är stängt, med: kontoguide resume {draft_id}"
# The resume chooser: every record with something left to do.
I_NOTHING_TO_RESUME = "Ingen checklista har något kvar att göra. Starta en ny med: kontoguide start"
I_CHOOSE_RECORD = "Vilken checklista vill du fortsätta med?"
STATE_DRAFT_STEPS = "{done} av {steps} steg klara"
VIEW_RESUMABLE_TITLE = "Checklistor med något kvar att göra"

# --- starting from an earlier record (start --from) ---
I_FROM_NOTE = (
    "Svaren från {source} är förslag: varje fråga visar det tidigare svaret. Tryck Enter för att "
    "behålla det eller skriv ett nytt. Beslutet, starten, uppföljningarna och historiken följer "
    "inte med. Förslag som du inte har hunnit bekräfta sparas inte; ta paus först när du har "
    "gått igenom dem, eller börja om med --from."
)

# --- lists: lists, team, platform changes and the step-by-step summary ---
# Saving it as ready for the decision is the menu's own last choice, said right after.
VIEW_TASKS_PURPOSE = "Se och ändra svaren steg för steg."
VIEW_LATEST_ANSWERS = "Dina senaste svar i {part}"

# --- overview: the communication function's overview (issue 11) ---
OV_SUMMARY = "{count} konton, varav {attention} behöver uppmärksamhet ({today})."
OV_STATE_COUNTS = "Per status: {counts}."
OV_DUPLICATES = "{count} dubbletter (samma id) räknades en gång; den senast ändrade visas."
OV_COL_ORG_SHORT = "Organisation"
OV_SUMMARY_ONE = "1 konto ({today}). {attention}"
OV_SUMMARY_ONE_NEEDS = "Det behöver uppmärksamhet."
OV_SUMMARY_ONE_FINE = "Det behöver ingen uppmärksamhet."
OV_COL_ACCOUNT_COMPACT = "Konto, organisation"
OV_COL_STATE_COMPACT = "Status, plattform, ansvarig"
OV_COL_DATES_COMPACT = "Beslut, nästa"
OV_NEXT_PREFIX = "→ "

# --- plain: the plain mode (--enkel) for screen readers and scripts ---
PL_INPUT = "Svar: "
PL_ERROR = "Fel: {reason}"
PL_CHOSEN = "Valt: {choice}"
PL_SELECT = "Skriv numret eller början av alternativet och tryck Enter."
PL_YESNO = "Skriv j för ja eller n för nej, eller numret, och tryck Enter."
PL_DEFAULT_CHOICE = "Bara Enter väljer: {choice}."
PL_CHECKBOX = (
    "Skriv numren på alla som stämmer, med komma eller mellanslag emellan, eller skriv alla."
)
PL_CHECKBOX_NONE = "Skriv inga om inget stämmer."
PL_CHECKBOX_DEFAULT = "Bara Enter behåller det som är valt nu: {choices}."
PL_ALL_WORD = "alla"
PL_NONE_WORD = "inga"
PL_TEXT = "Skriv svaret och tryck Enter."
PL_MULTILINE = "Du kan skriva flera rader. Avsluta svaret med en tom rad."
PL_FORMAT = "Skriv svaret i formen {placeholder} och tryck Enter."
PL_OPTIONAL = "Frivillig fråga: bara Enter hoppar över den."
PL_TEXT_DEFAULT = "Ifyllt svar: {value}. Bara Enter behåller det."
PL_TEXT_CLEAR = "Skriv ett minustecken (-) för att ta bort svaret."
PL_TEXT_CLEAR_SHORT = "Minus tar bort svaret."
PL_HELP_KEY = "Skriv ett frågetecken (?) för mer hjälp."
PL_BACK_KEY = "Skriv tecknet mindre än (<) för att gå tillbaka till förra frågan."
PL_NO_HELP = "Det finns ingen mer hjälp till den här frågan."
PL_NO_BACK = "Här går det inte att gå tillbaka."
PL_OR = " eller "
PL_CHOOSE_EMPTY = "Skriv numret på ett av alternativen, från 1 till {count}."
PL_NUMBER_RANGE = "Det finns inget alternativ {number}. Skriv ett nummer från 1 till {count}."
PL_NO_MATCH = (
    "Inget alternativ börjar med ”{text}”. Skriv numret på ett av alternativen, "
    "från 1 till {count}."
)
PL_AMBIGUOUS = "Flera alternativ börjar med ”{text}”: {choices}. Skriv numret."
PL_CHECKBOX_EMPTY = "Skriv numren på dem som stämmer, från 1 till {count}, eller skriv alla."
PL_CHECKBOX_FORMAT = (
    "Skriv numren från 1 till {count} med komma eller mellanslag emellan, till exempel "
    "1, 3, eller skriv alla."
)
PL_POSITION = "{where}. Fråga {index} av {count}."
PL_ITEM_POSITION = "{label} {number}. Fråga {index} av {count}."
PL_OVERVIEW_ROW = "{part}: {state}."
PL_ROW = "{name}: {value}"
PL_TONE_PREFIX = {"warning": "Observera: ", "problem": "Fel: "}

# --- move: help, going back, the half-typed answer ---
P_NO_MORE_HELP = "Det finns ingen mer hjälp till den här frågan."
P_BACK_KEY_TEXT = "Skriv < och Enter för att gå tillbaka en fråga."
P_BACK_KEY_PGUP = "Tryck PgUp för att gå tillbaka till förra frågan."
P_BACK_KEY_CHOICE = "< och Enter: tillbaka till förra frågan."
P_BACK_PENDING = "Tryck Enter för att gå tillbaka till förra frågan, eller välj vidare."
P_WENT_BACK = "(tillbaka till förra frågan)"
VIEW_PROGRESS_SKIPPED = "(fråga {numbers} behövs inte med dina svar)"

# --- items: back inside a list item, item numbering, tall pickers ---
VIEW_ITEM_SKIPPED_GIVEN = "(fråga {numbers} har redan svar)"

# --- plaincheck: plain mode read aloud ---
# The short instruction said at a kind of prompt after its first time (the full one
# comes back after "?" and after an error), so a listener hears less repetition.
PL_SELECT_SHORT = "Svara med numret."
PL_YESNO_SHORT = "Svara j eller n, eller numret."
PL_CHECKBOX_SHORT = "Svara med numren, eller alla."
PL_TEXT_SHORT = "Skriv svaret."
# Said after the first line instead (PL_LINE_KEPT_FIRST), where it is needed.
PL_MULTILINE_SHORT = ""
# After each line of a long answer (said after every Enter: the shorter the better).
PL_LINE_KEPT_FIRST = "Rad 1. En tom rad avslutar svaret."
PL_LINE_KEPT = "Rad {number}."
PL_LONG_STORED = "Sparat."
# A refused answer said back, so that a long one need not be typed again from memory.
PL_YOU_WROTE = "Du skrev: {text}"
PL_YOU_WROTE_LINES = "Du skrev {count} rader:"
PL_KEEP_WRITTEN = "Skriv + som första rad för att behålla det och skriva vidare."
PL_KEPT_LINES = "Det du skrev står kvar. Skriv vidare, eller en tom rad för att avsluta."
PL_FORMAT_SHORT = "Svara i formen {placeholder}."
PL_HELP_KEY_SHORT = "Frågetecken ger hjälp."
PL_BACK_KEY_SHORT = "Mindre än går tillbaka."
# Between the parts of a title instead of "·", which a screen reader does not say.
PL_PART_SEPARATOR = ", "
# A range of numbers, said aloud: "fråga 2–5" is read "fråga två fem" without it.
PL_RANGE_WORD = " till "
# --- plainwords: tokens a screen reader cannot say (issue 21) ---
# A date format is read letter by letter ("o o o o em em de de"): in plain mode it is
# said in words wherever it stands, and the instruction adds an example.
PL_DATE_FORMAT_SPOKEN = "år-månad-dag"
PL_DATE_FORMAT_EXAMPLE = "år-månad-dag, till exempel {example},"
# Keys as a screen reader says them: "Ctrl-C" is read as letters.
PL_KEY_SPOKEN = "Control {key}"
# The pause in plain mode: the account's name first, the id once (in the command), no
# path (a path read aloud takes seconds and is not needed to go on).
PL_SAVED_RESUME = "{name}: utkastet är sparat. Fortsätt med: kontoguide resume {draft_id}"
PL_PAUSED = (
    "{name}: avbrutet, allt du har skrivit är sparat. Fortsätt med: kontoguide resume {draft_id}"
)
PL_RESUMING = "Du fortsätter med {name}, utkast {draft_id}."
# --- plainonce: each instruction once in plain mode (issue 21) ---
# The position while the step is the one said at the question before.
PL_POSITION_SAME = "Fråga {index} av {count}."
# The position in an item once its count has been said at the item's first question.
PL_POSITION_NUMBER = "Fråga {index}."
# Options heard in full before at the same question (the list's menu, a field at the
# next item): said in a few words; "?" says them all.
PL_SAME_OPTIONS = "Samma val som förut, 1 till {count}."
PL_OPTIONAL_SHORT = "Frivillig fråga."
# The half-typed answer as this mode shows it: there is no box, the text is the
# "Ifyllt svar" of the instruction line.
PL_TYPED_NOT_SAVED = (
    "Du hade börjat skriva ett svar här när du tog paus. Texten står efter ”Ifyllt svar” "
    "nedan men är inte sparad som svar än: bara Enter sparar den, eller skriv ett nytt svar."
)
I_CLOCK_BEHIND = (
    "Datorns datum ({today}) är tidigare än dagen då checklistan senast ändrades ({changed}). "
    "Kontrollera datorns datum och klocka. Svaren kontrolleras mot {changed}, så inget som "
    "stämde när det skrevs in läggs undan."
)
I_DECIDED_UNDER = (
    "Beslutet fattades med version {used} av checklistan, och checklistan läses med den "
    "fram till det som redan är inskrivet. Nu gäller version {current}: det som skrivs in "
    "härefter (starten, uppföljningarna, avslutet) följer den."
)
# kontoguide's words: the questions a later version added, offered after a follow-up.
I_REVIEW_OPEN_ONE = (
    "1 fråga som version {current} har lagt till före beslutet är inte besvarad än. Den "
    "erbjuds efter nästa uppföljning (omprövningen), och beslutet prövas inte mot den."
)
I_REVIEW_OPEN_MANY = (
    "{count} frågor som version {current} har lagt till före beslutet är inte besvarade "
    "än. De erbjuds efter nästa uppföljning (omprövningen), och beslutet prövas inte mot dem."
)
