"""Swedish texts of the Word and Markdown documents and exporting them.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.store.messages import *  # noqa: F403

# --- export: the checklist document (docx and Markdown) ------------------
DOC_DRAFT_MARK = "UTKAST"
DOC_DRAFT_LEAD = (
    "Checklistan är inte klar och kan inte ligga till grund för ett beslut förrän allt "
    "som saknas eller behöver rättas är åtgärdat."
)
DOC_MISSING_HEADING = "Det här saknas eller behöver rättas ({count})"
DOC_MISSING_IN_STEP = "Steg {number}: {label}"
DOC_MISSING_ITEM = "{where} – {message}"
DOC_FACTS_CAPTION = "Uppgifter om kontot"
# The header row of every label-and-value table (kontoguide's wording): accessibility
# checkers (Word's, PDF/UA) flag a table without one.
DOC_FACTS_HEADERS = ("Uppgift", "Värde")
DOC_FACT_ORGANISATION = "Förvaltning eller bolag"
DOC_FACT_UNIT = "Enhet"
DOC_FACT_PLATFORM = "Plattform"
DOC_FACT_STATUS = "Status"
DOC_FACT_DOCUMENT_DATE = "Dokumentets datum"
DOC_FACT_PREPARED_BY = "Upprättat av"
DOC_FACT_MATTER = "Ärende"
# kontoguide's own wording for the matter (ärendemening), not the city's.
DOC_MATTER = "Start av ett nytt konto i sociala medier: {account} på {platform}"
DOC_FACT_RESPONSIBLE = "Ansvarig för kontot"
DOC_FACT_DECISION_MAKER = "Beslutsfattare"
DOC_FACT_CHECKLIST = "Checklista"
DOC_CHECKLIST_NAMED = "{title}, version {version}"
DOC_FACT_STARTED = "Kontot startade"
DOC_FACT_ADDRESS = "Kontots adress"
DOC_FACT_CLOSED = "Kontot avslutades"
DOC_FACT_NEXT_REVIEW = "Nästa omprövning"
DOC_MOMENT = "{date} kl. {time}"
DOC_NOTICE_ACKNOWLEDGED = "Bekräftat att rådet är läst: {when}."
DOC_NOTICE_NOT_ACKNOWLEDGED = "Rådet är inte bekräftat än."
DOC_STEP_HEADING = "Steg {number}: {title}"
DOC_YES = "Ja"
DOC_NO = "Nej"
DOC_CHECKED = "☒"
DOC_UNCHECKED = "☐"
DOC_NOT_ANSWERED = "Inte besvarad"
DOC_NONE = "–"
DOC_NO_CASE_NUMBER = "Inget diarienummer"
DOC_CAUTION = "Observera (kontoguides kommentar, inte stadens råd): {text}"
DOC_CAUTION_VARIANT = "Observera (kommentar i checklistan {checklist}, inte stadens råd): {text}"
DOC_LABELLED = "{label}: {text}"
# kontoguide's words: an answer to a question a later checklist version added, given at
# a review after the decision (the decision was not judged by it).
DOC_REVIEWED = "Besvarat vid omprövning {day}"
DOC_DECISION_HEADING = "Beslut"
DOC_DECISION_OUTCOME = "Beslut"
DOC_DECISION_DATE = "Beslutsdatum"
DOC_DECISION_CASE = "Diarienummer"
DOC_DECISION_MAKER = "Beslutsfattare"
# The date set when the decision was taken; the head block gives the one now due.
DOC_DECISION_NEXT_REVIEW = "Nästa omprövning enligt beslutet"
DOC_SIGN_SIGNATURE = "Underskrift"
DOC_SIGN_NAME = "Namnförtydligande"
DOC_HEADER = "{organisation} – {account}"
DOC_FOOTER_PAGES = "Sida {page} av {pages}"
DOC_KEYWORDS = "sociala medier; checklista; nytt konto"
# Short table headings where the model's field title is a whole question.
DOC_COLUMN_TITLES = {
    "step1.existing_accounts.address": "Adress",
    "step1.existing_accounts.can_cooperate": "Samarbete möjligt",
    "step2.goals.target": "Målvärde",
    "step2.goals.deadline": "Senast",
    "step2.goals.data_source": "Källa",
    "step2.target_groups.needs": "Behov",
    "step4.team.admin": "Administratör",
}
# Names of the document's own Word styles (visible in Word's style list).
STYLE_DRAFT = "Utkastmarkering"
STYLE_HEADER_DRAFT = "Utkastmarkering i sidhuvud"
STYLE_LEAD = "Ingress"
STYLE_NOTICE = "Rådet"
STYLE_ANSWER = "Svar"
STYLE_NO_ANSWER = "Svar saknas"
STYLE_CAUTION = "Observera"
STYLE_TABLE_HEADING = "Tabellrubrik"
STYLE_TABLE_TEXT = "Tabelltext"
STYLE_SIGN_LINE = "Underskriftsrad"
STYLE_SIGN_CAPTION = "Underskriftstext"

# --- export: files and the command ----------------------------------------
EXPORT_EXISTS = (
    "{path} finns redan och har inte ändrats. Välj ett annat namn med --output, "
    "eller skriv över filen med --force."
)
EXPORT_EXISTS_SUGGEST = (
    "{path} finns redan och har inte ändrats. Välj ett annat namn med --output, till "
    "exempel --output {other}, eller skriv över filen med --force."
)
EXPORT_NO_FOLDER = (
    "{path}: mappen {folder} finns inte. Skapa den först eller välj en annan plats med --output."
)
EXPORT_SOURCE_UNKNOWN = (
    "”{source}” är varken id för ett sparat utkast eller en fil som finns. "
    "Se `kontoguide list` för de utkast som finns."
)
EXPORT_ANSWERS_FILE = (
    "filen är en svarsfil, inte en sparad checklista (id och checklista saknas). "
    "Läs in den först med `kontoguide start --answers {path} --no-input` och exportera "
    "sedan med det id som skrivs ut."
)
EXPORT_UNKNOWN_FORMAT = "Formatet {fmt} finns inte. Välj docx, json eller md."
EXPORT_FORMAT_MISMATCH = (
    "{path}: filnamnet slutar inte på .{fmt}. Byt filnamn, eller utelämna --format så "
    "väljs formatet efter filnamnet."
)
EXPORT_FILE_PREFIX = "Checklista"
# The state in a default file name (a decision says its outcome instead).
EXPORT_FILE_STATES = {
    "draft": "utkast",
    "ready": "klar-for-beslut",
    "decided": "beslutat",
    "started": "startat",
    "closed": "avslutat",
}
STYLE_TABLE = "Checklistetabell"

# --- the questionnaire (interactive.py, dialogue.py, prompts.py, views.py) -----
DOC_SET_ASIDE = "Svaret som angavs behöver rättas."

# --- reliability: checklist files and base documents ---
B_STRUCTURE = "dokumentets uppbyggnad stämmer inte ({kind})"

# --- documents for every state ---
# The line under the title on page 1, by state; {outcome} is the decision in words.
DOC_KIND_LINES = {
    "ready": "Underlag för beslut",
    "decided": "Beslutat: {outcome}",
    "started": "Kontot är startat",
    "closed": "Kontot är avslutat",
}
# The document's category property and the start of its subject, by state.
DOC_CATEGORIES = {
    "draft": "Utkast",
    "ready": "Underlag för beslut",
    "decided": "Beslut",
    "started": "Beslut och uppföljning",
    "closed": "Avslutat konto",
}
DOC_SUBJECT_OF = "{kind} – {account}"
DOC_FACT_CASE = "Diarienummer"
DOC_HEADER_STATE = "{state} · {case}"
DOC_HEADER_CASE = "Diarienummer {number}"
DOC_DECISION_LEAD_READY = (
    "Fylls i av den som beslutar: kryssa i ett beslut, fyll i raderna och skriv under."
)
DOC_DECISION_LEAD_TAKEN = "Beslutet som det fattades och skrevs in i kontoguide."
DOC_DECISION_SUBJECT = "Beslutet gäller"
DOC_DECISION_ACCOUNT = "Konto"
DOC_DECISION_TAKEN = "Beslutet"
DOC_DECISION_MOTIVATION = "Motivering"
# A decided document is a copy out of kontoguide: it says where the signed decision is,
# as far as kontoguide knows it (the case), never that it was signed here.
DOC_DECISION_SIGNED = "Det undertecknade beslutet"
DOC_DECISION_SIGNED_IN_CASE = (
    "Det här dokumentet är en utskrift ur kontoguide och är inte undertecknat. Det "
    "undertecknade beslutet hör till ärendet med diarienummer {case}."
)
DOC_DECISION_SIGNED_NO_CASE = (
    "Det här dokumentet är en utskrift ur kontoguide och är inte undertecknat. Beslutet "
    "har ännu inget diarienummer: skriv in det när beslutet är diariefört, så att det "
    "undertecknade beslutet går att hitta."
)
DOC_SIGN_DATE = "Beslutsdatum"
DOC_SIGN_CASE = "Diarienummer"
DOC_SIGN_REVIEW = "Nästa omprövning, senast 12 månader efter beslutet (om kontot godkänns)"
DOC_SIGN_MOTIVATION = (
    "Motivering, också av ett godkännande (stadsledningskontoret avråder från nya konton)"
)
DOC_DECISION_DELEGATION = "Punkt i delegationsordningen"
DOC_SIGN_DELEGATION = "Punkt i delegationsordningen (om det finns en)"
DOC_FOLLOW_UP_HEADING = "Uppföljning {number}: {date}"
DOC_FOLLOW_UP_HELD = "Datum för uppföljningen"
DOC_FOLLOW_UP_BY = "Genomförd av"
DOC_FOLLOW_UP_BY_UNKNOWN = "Inte angivet (uppföljningen sparades innan kontoguide frågade)"
DOC_FOLLOW_UP_CONCLUSION = "Slutsats"
DOC_FOLLOW_UP_NEXT = "Nästa uppföljning"
DOC_FOLLOW_UP_NO_NEXT = "Ingen (kontot ska avslutas)"
DOC_FOLLOW_UP_MEASUREMENTS = "Mätvärden"
DOC_FOLLOW_UP_ASSESSMENT = "Samlad bedömning"
DOC_FOLLOW_UP_COLUMNS = ("Mål", "Utgångsvärde", "Målvärde", "Uppmätt", "Mätdatum", "Nått")
DOC_FOLLOW_UP_GOAL = "{number}. {name}"
DOC_FOLLOW_UP_UNKNOWN_GOAL = "Mål {number} (finns inte längre bland målen)"
DOC_FOLLOW_UP_COMMENT = "Kommentar: {text}"
DOC_FOLLOW_UP_MET_RULE = (
    "Så räknar kontoguide ut kolumnen Nått: ett mål är nått när det uppmätta värdet är minst "
    "målvärdet. Är målvärdet lägre än utgångsvärdet, ett mål att minska något, är det nått när "
    "värdet är högst målvärdet. Ett mål utan utgångsvärde räknas som ett mål att öka."
)
DOC_CHART_CAPTION = (
    "Diagrammet visar hur långt varje mål har kommit från utgångsvärdet (0 %) mot målvärdet "
    "(100 %)."
)
DOC_CHART_IN_WORDS = "Diagrammet i Word-dokumentet, i ord:"
DOC_CHART_TITLE = "Diagram över målen vid uppföljning {number} ({date})"
DOC_CHART_ALT = "{title}. {goals}"
DOC_CHART_NAME = "Diagram {number}"
DOC_CHART_SERIES_MET = "Nått"
DOC_CHART_SERIES_NOT_MET = "Inte nått"
DOC_CHART_ALT_GOAL = (
    "Mål {number}, {name}: utgångsvärde {baseline}, målvärde {target}, uppmätt {value} "
    "den {measured}; {share} av vägen från utgångsvärdet till målvärdet, {met}."
)
DOC_CHART_MET = "nått"
DOC_CHART_NOT_MET = "inte nått"
DOC_CHART_NO_BASELINE = "saknas (räknas som 0)"
DOC_CHART_AXIS = "Andel av vägen från utgångsvärdet till målvärdet"
DOC_PERCENT = "{value} %"
DOC_HISTORY_HEADING = "Historik"
# Each event on the day it happened, and when it was entered (documents/history.py).
DOC_HISTORY_COLUMNS = ("Händelse", "Dag", "Inlagt i kontoguide")
DOC_HISTORY_READ_IN = "Inläst {moment}"
DOC_HISTORY_DRAFT = "Utkastet påbörjades"
DOC_HISTORY_READY = "Klar för beslut"
DOC_HISTORY_DECISION = "Beslut: {outcome}"
DOC_HISTORY_STARTED = "Kontot startade"
DOC_HISTORY_FOLLOW_UP = "Uppföljning {number}"
DOC_HISTORY_CLOSED = "Kontot avslutades"
STYLE_KIND = "Dokumentslag"
STYLE_HEADER_STATE = "Status i sidhuvud"
STYLE_FIGURE = "Diagram"
STYLE_FIGURE_CAPTION = "Diagramtext"

# --- the filed document and its sources ---
DOC_TITLE = "Nytt konto i sociala medier: {account}"
DOC_TITLE_DRAFT = "UTKAST – {title}"
DOC_FACT_PROPOSED = "Föreslaget kontonamn"
DOC_FACT_WORKING_NAME = "Arbetsnamn (inget kontonamn föreslaget än)"
DOC_ABOUT = (
    "Om dokumentet: skrivet med kontoguide {version} den {date}, efter checklistan "
    "{checklist}, version {checklist_version}. Id i kontoguide: {id}."
)
DOC_NOTICE_SOURCE = "Rådet som det står i stadens guide ”Guide – starta nytt konto”:"
NOTICE_NOTE_HEADING = "Kommentar från kontoguide (inte en del av stadens råd):"
DOC_SET_ASIDE_GIVEN = "Angivet svar: {given}"
DOC_SET_ASIDE_REASON = "Behöver rättas: {reason}"
DOC_ISSUER = "Utfärdat av: {issuer}"
STYLE_BOX = "Kryssruta"
STYLE_NOTICE_NOTE = "Kommentar till rådet"
STYLE_NOTICE_NOTE_HEADING = "Kommentar till rådet, rubrik"
STYLE_ABOUT = "Om dokumentet"

# --- a variant's base document fitted (base_fit.py); said by `checklist check` ---
B_FIT_LETTER = "Letter (21,6 × 27,9 cm)"
B_FIT_PAGE = (
    "basdokumentet har sidstorleken {size}. kontoguide skriver alltid checklistan i A4, "
    "med basdokumentets marginaler. Ändra basdokumentets sidstorlek till "
    "A4 i Word och spara det igen, så ser du i Word det som skrivs ut."
)
B_FIT_PAGE_UNSET = (
    "basdokumentet anger ingen sidstorlek, så Word skulle välja sin egen. kontoguide skriver "
    "alltid checklistan i A4."
)
B_FIT_MARGINS = (
    "basdokumentets marginaler lämnar mindre än 10 cm för texten i A4, så kontoguide sätter "
    "vänster- och högermarginalen till 2,5 cm."
)
B_FIT_UNNAMED_IMAGE = "utan namn"
B_FIT_ALT_MOVED = (
    "bilden ”{name}” i sidhuvudet eller sidfoten har sin alternativtext bara i bildens egna "
    "egenskaper, där Word och skärmläsare inte läser den. kontoguide sätter den som bildens "
    "alternativtext i dokumentet. Skriv in den som bildens alternativtext i Word och spara "
    "basdokumentet igen."
)
B_FIT_DECORATIVE = (
    "bilden ”{name}” i sidhuvudet eller sidfoten har ingen alternativtext. kontoguide "
    "markerar den som dekorativ, så att skärmläsare hoppar över den. Ska den läsas upp "
    "(till exempel en logga som är förvaltningens namn): skriv en alternativtext till bilden "
    "i Word och spara basdokumentet igen."
)

# --- doc: the filed document, readers and page numbers ---
# A line in the list under a table, about one of its rows: the row's first cell, then the note.
DOC_ROW_NOTE = "{row} – {note}"
