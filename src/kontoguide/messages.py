"""Every Swedish string the program itself shows, in one place.

Question texts, hints and choice labels live in the checklist data instead.
Validation messages follow the GOV.UK error-message style: say what to do,
never blame, never "ogiltig".
"""

from __future__ import annotations

# --- validation ----------------------------------------------------------
V_REQUIRED = "Svara på frågan."
V_TEXT_EMPTY = "Skriv ett svar; fältet får inte vara tomt."
V_TEXT_TYPE = "Skriv svaret som text."
V_TEXT_ONE_LINE = "Skriv svaret på en rad, utan radbrytningar."
V_TEXT_TOO_LONG = "Korta svaret till högst {max} tecken (nu {actual})."
V_TEXT_CONTROL = (
    "Ta bort det osynliga styrtecknet ({code}) på position {pos}; "
    "det går inte att spara i checklistan. Skriv om texten eller klistra in den som ren text."
)
V_REASON_SHORT = (
    "Förklara med minst en hel mening (minst {words} ord), så att den som beslutar förstår skälet."
)
V_PERSON_NAME = "Skriv för- och efternamn på en person, inte namnet på en funktion eller brevlåda."
V_EMAIL = "Skriv en e-postadress i formatet namn@exempel.se."
V_PHONE = "Skriv ett telefonnummer med siffror, till exempel 08-508 000 00."
V_DATE_FORMAT = "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15."
V_DATE_IMPOSSIBLE = (
    "Datumet {value} finns inte i kalendern. Skriv ett datum som finns, som ÅÅÅÅ-MM-DD."
)
V_DATE_NOT_FUTURE = "Ange ett datum som inte ligger i framtiden (senast {today})."
V_DATE_FUTURE = "Ange ett datum efter {today}: datumet ska ligga framåt i tiden."
V_REVIEW_AFTER_DECISION = "Ange ett datum efter {decision}."
V_REVIEW_WITHIN_YEAR = "Ange ett datum senast {latest}: kontot ska prövas igen inom 12 månader."
V_BOOL = "Svara ja eller nej."
V_INT = "Skriv ett heltal, till exempel 3."
V_NUMBER = "Skriv ett tal, till exempel 1500 eller 2,5."
V_NUMBER_AMBIGUOUS = (
    "Skriv tusental med mellanslag och decimaler med komma, till exempel 1 500 eller 1,5; "
    "1,500 kan läsas på båda sätten."
)
V_NUMBER_RANGE = "Ange ett tal från {low} till och med {high}."
V_NUMBER_MIN = "Ange ett tal som är {low} eller större."
V_NUMBER_MAX = "Ange ett tal som är {high} eller mindre."
V_YEAR = "Skriv ett årtal med fyra siffror, till exempel 2026."
V_CHOICE = "Välj ett av alternativen: {options}."
V_CHOICE_TYPE = "Välj ett alternativ."
V_ALL_OF = "Bekräfta alla punkterna; det som saknas är: {missing}."
V_DUPLICATE_CHOICE = "Välj varje alternativ bara en gång."
V_LIST = "Ange svaret som en lista."
V_OBJECT = "Ange svaret som en grupp av fält (ett JSON-objekt)."
V_UNKNOWN_FIELD = "Fältet finns inte i checklistan. Ta bort det eller rätta stavningen."
V_OTHER = "Kontrollera svaret ({detail})."
V_ACCOUNT_NAME_CITY = (
    "Låt namnet visa att kontot hör till Stockholms stad, "
    "till exempel ”Stadsbiblioteket – Stockholms stad”."
)
V_DEPUTY_SAME = "Välj en ersättare som inte är samma person som den ansvariga."
V_TWO_ADMINS = (
    "Ge minst två personer i teamet administratörsbehörighet, så att någon alltid kan gå in; "
    "nu har {count}."
)
V_MIN_ITEMS = "Listan är tom. Lägg till minst ett svar (”{item}”)."
V_NOT_ANSWERED = "Frågan är inte besvarad."

# Must-be-yes answers: what to do before one can answer yes.
V_YES_NOTICE = "Läs rådet om Schrems II och bekräfta att du har läst det innan du går vidare."
V_YES_POLICY = "Läs stadens policy för konton i sociala medier och svara sedan ja."
V_YES_SHARED = (
    "Ta ställning till de stadsgemensamma kontona innan du går vidare och svara sedan ja."
)
V_YES_DPO = "Stäm av med dataskyddsombudet innan kontot startas och svara sedan ja."
V_YES_TWO_FACTOR = "Slå på tvåstegsinloggning för alla administratörer och svara sedan ja."
V_YES_ORG_ACCOUNT = (
    "Använd ett organisations- eller företagskonto i stället för delade personliga inloggningar, "
    "och svara sedan ja."
)
V_YES_ADMIN_REVIEW = (
    "Inför en rutin för att se över administratörerna när personal slutar eller byter roll, "
    "och svara sedan ja."
)
V_YES_WATCH_DUTY = (
    "Ordna bevakningen enligt lagen (1998:112) om ansvar för elektroniska anslagstavlor "
    "innan kontot startas, "
    "och svara sedan ja."
)
V_YES_GRAPHIC = "Följ stadens grafiska profil på kontot och svara sedan ja."
V_YES_TIKTOK_DEVICE = (
    "Ordna en separat enhet för TikTok, skild från övriga arbetsverktyg, och svara sedan ja."
)
V_YES_TIKTOK_SIGNOFF = "Få ett godkännande från säkerhetsfunktionen för TikTok och svara sedan ja."

# --- files and storage ---------------------------------------------------
F_NOT_JSON = "filen är inte giltig JSON (fel på rad {line}, kolumn {col}). Filen har inte ändrats."
F_NOT_OBJECT = "filen innehåller inte en checklista (JSON-objekt väntades). Filen har inte ändrats."
F_NOT_UTF8 = "filen är inte sparad som UTF-8 text. Filen har inte ändrats."
F_NEWER = (
    "filen är skapad av en nyare version av kontoguide (format {found}, den här versionen "
    "läser till och med {supported}). Uppdatera kontoguide; filen har inte ändrats."
)
F_BAD_VERSION = "fältet schema_version saknas eller är inte ett heltal. Filen har inte ändrats."
F_UNREADABLE = "filen eller mappen går inte att läsa ({detail})."
F_NOT_FOUND = "filen finns inte."
F_SET_ASIDE_NOT_OBJECT = (
    "fältet set_aside ska vara ett JSON-objekt med undanlagda svar. Filen har inte ändrats."
)
F_RECORD_INVALID = "filen innehåller svar som inte stämmer med checklistan:\n{problems}"
F_WRITE_FAILED = "det gick inte att spara ({detail}). Det tidigare innehållet är kvar."
F_WRITE_FAILED_NEW = "det gick inte att spara ({detail}). Ingen fil skapades."
F_TOO_DEEP = (
    "filen har för många nivåer inuti varandra (fler än {limit}, på rad {line}); så ser en "
    "checklista inte ut. Filen har inte ändrats."
)
F_NUMBER_TOO_LONG = (
    "filen innehåller ett tal med {digits} siffror ({start}…); inget svar har så stora tal. "
    "Filen har inte ändrats."
)
F_NUMBER_TOO_LARGE = (
    "filen innehåller talet {number}, som är för stort för att räkna med. Filen har inte ändrats."
)
F_NOT_A_NUMBER = (
    "filen innehåller {name}, som inte är ett tal i JSON. Skriv ett tal eller ta bort svaret. "
    "Filen har inte ändrats."
)
F_DUPLICATE_KEY = (
    "fältet ”{key}” står två gånger i samma del av filen; bara ett av svaren skulle tas med. "
    "Ta bort det ena. Filen har inte ändrats."
)
F_LONE_SURROGATE = (
    "texten i {where} innehåller ett ogiltigt tecken (ett ensamt surrogattecken, ofta "
    "skrivet som \\ud800 i JSON). Rätta texten. Filen har inte ändrats."
)
F_WHOLE_FILE = "filen"
F_NOT_JSON_GENERIC = "filen är inte giltig JSON. Filen har inte ändrats."
F_ID_NOT_FILE_NAME = (
    "filen heter {name} men innehåller utkastet {found}. Ett utkast ska ligga i filen med sitt "
    "eget id; filen har inte ändrats. Är det en kopia för ett nytt konto? Flytta den ut ur "
    "mappen för utkast och starta det nya kontot från den: kontoguide start --answers FIL"
)
S_UNSAFE_ID = (
    "”{draft_id}” är inte ett utkast-id. Ett id består av små bokstäver, siffror och bindestreck; "
    "se `kontoguide list`."
)
S_UNKNOWN_ID = "Det finns inget utkast med id {draft_id}. Se `kontoguide list` för de som finns."
S_LOCKED = (
    "Utkastet {draft_id} är öppet i ett annat kontoguide-fönster. Stäng det först, "
    "eller vänta tills det är klart."
)
S_NOT_A_FOLDER = "sökvägen är en fil, inte en mapp"
S_NO_SUCH_USER = "användaren efter ~ finns inte på den här datorn"
S_HOME_UNUSABLE = "{path}: mappen för utkast går inte att använda ({detail})."

# --- checklist files -----------------------------------------------------
C_NOT_TOML = "checklistan är inte giltig TOML ({detail})."
C_INVALID = "checklistan har fel i {where}: {detail}"
C_MISSING = "fältet saknas"
C_NO_FIELD = "fältet {path} finns inte i checklistans dataformat"
C_KIND_MISMATCH = "typen {kind} passar inte fältet {path}"
C_NEEDS_CHOICES = "fältet {path} behöver en vallista som finns under [choices]"
C_WRONG_CHOICES = "fältet {path} använder vallistan {bound}, inte {choices}"
C_IS_CHOICE = "fältet {path} är ett val ur {bound}; använd typen choice eller multichoice"
C_LIST_NEEDS_FIELDS = "en fråga av typen list behöver item_label och fields"
C_FIELDS_ONLY_FOR_LIST = "bara frågor av typen list kan ha fields"
C_DUPLICATE_FIELD = "fältet {path} finns två gånger"
C_WHEN_NOT_EARLIER = (
    "villkoret hänvisar till {path}, som måste vara en fråga tidigare i checklistan"
)
C_UNKNOWN_KEY = "fältet är okänt; ta bort det eller rätta stavningen"
C_ALLOWED = "tillåtna värden är {expected}"
C_EMPTY = "får inte vara tomt"
C_PATTERN = "värdet har fel form (ska matcha {pattern})"
C_ID_NOT_FILE_NAME = (
    "checklistans id ”{checklist_id}” ska vara samma som filnamnet ({checklist_id}.toml), "
    "så att utkast som gjorts med den kan öppnas igen."
)
C_ID_TAKEN = (
    "det finns redan en checklista med id ”{checklist_id}” men med annat innehåll: {other}. "
    "Utkast som gjorts med den använder den filen. Ge den nya versionen ett eget id och "
    "filnamn, eller ersätt {other} med den nya filen om den ska gälla även för gamla utkast."
)
C_BASE_DOCX_TAKEN = (
    "{target} finns redan, med annat innehåll (underlaget för en annan checklista). "
    "Ge underlaget {source} ett eget filnamn i base_docx."
)
C_BASE_DOCX_OUTSIDE = (
    "base_docx ska vara en sökväg relativt checklistan, i samma mapp eller en undermapp"
)
C_WHOLE_FILE = "filen"
C_MORE_ERRORS = " (och {count} fel till)"
C_NONE = "inga"
C_UNKNOWN = "Det finns ingen checklista med id {checklist_id}. Tillgängliga: {available}."

# --- CLI -----------------------------------------------------------------
CLI_HELP = "Guide för att starta ett nytt konto i sociala medier i Stockholms stad."
CLI_START_HELP = "Gå igenom guiden och fyll i checklistan."
CLI_RESUME_HELP = (
    "Fortsätt där du slutade: med frågorna, beslutet, starten, uppföljningar eller avslutet."
)
CLI_EXPORT_HELP = "Skriv checklistan som Word-dokument (.docx), JSON eller Markdown."
CLI_VALIDATE_HELP = (
    "Kontrollera en sparad checklista (JSON) och lista allt som saknas eller är fel."
)
CLI_OPT_SCHEMA_ANSWERS = (
    "Schemat för en svarsfil (till kontoguide start --answers): id och tidsstämplar behövs inte."
)
CLI_OPT_ANSWERS = "JSON-fil med svar i checklistans format (se `kontoguide schema --answers`)."

CLI_SCHEMA_HELP = (
    "Skriv ut JSON Schema för en sparad checklista (spara det med > schema.json); med "
    "--answers för en svarsfil."
)
CLI_LIST_HELP = "Lista checklistorna med status, senast ändrade först."
CLI_OPT_NO_INPUT = "Ställ inga frågor; använd bara svaren i --answers."
CLI_OPT_CHECKLIST = (
    "Vilken checklista som används: ett id eller en TOML-fil. Utan --checklist: stockholm-standard."
)
CLI_NO_TTY = (
    "kontoguide start behöver en terminal för att ställa frågor, men svaren skulle "
    "komma från en fil eller ett annat program. Kör kommandot i ett terminalfönster, skicka "
    "in svaren ett i taget i enkelt läge: kontoguide start --enkel, eller ge svaren i en fil: "
    "kontoguide start --answers svar.json --no-input"
)
CLI_NO_TTY_RESUME = (
    "kontoguide resume behöver en terminal för att ställa frågor, men svaren skulle "
    "komma från en fil eller ett annat program. Kör kommandot i ett terminalfönster, eller "
    "skicka in svaren ett i taget i enkelt läge: kontoguide resume --enkel"
)
CLI_NO_INPUT_NEEDS_ANSWERS = "--no-input kräver --answers FIL."
CLI_SET_ASIDE_KEPT = (
    "{count} svar i utkastet är undanlagda och frågas om igen när du fortsätter med "
    "kontoguide resume."
)
CLI_PROBLEMS_HEADER = "Det här saknas eller behöver rättas ({count}):"
CLI_VALID = "{path}: allt som behövs finns och stämmer. Status: {state}."
CLI_STATE = "Status: {state}."
CLI_SAVED_STATE = "Sparad med id {draft_id}. Status: {state}."
CLI_LIST_EMPTY = "Det finns inga sparade utkast eller checklistor i {home}."
CLI_LIST_BROKEN = "Kunde inte läsa {count} fil(er):"
CLI_INTERRUPTED = "Avbrutet."
CLI_RESUME_ID = (
    "Checklistans id (se `kontoguide list`). Utan id får du välja bland dem som har något "
    "kvar att göra."
)
HELP_USAGE_PREFIX = "Användning: "
HELP_OPTIONS_METAVAR = "[ALTERNATIV]"
HELP_COMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."
HELP_ARGUMENTS = "Argument"
HELP_OPTIONS = "Alternativ"
HELP_COMMANDS = "Kommandon"
HELP_HELP_OPTION = "Visa den här hjälpen och avsluta."
HELP_REQUIRED = "[krävs]"
CLI_E_OS = "Det gick inte att läsa eller skriva ({detail})."
CLI_E_STDOUT_CLOSED = (
    "Utskriften är stängd (>&-), så kontoguide har ingenstans att skriva. Kör kommandot utan >&-."
)
# Wrong use of the command line (Click's own messages are English).
CLI_E_NO_SUCH_OPTION = "Det finns inget alternativ {option}."
CLI_E_DID_YOU_MEAN = "Menade du {options}?"
CLI_E_OPTION_NEEDS_VALUE = "Alternativet {option} behöver ett värde efter sig."
CLI_E_FLAG_TAKES_NO_VALUE = "Alternativet {option} tar inget värde."
CLI_E_MISSING = "Ange {name}."
CLI_E_CHOOSE = "{name} tar ett av värdena {choices}."
CLI_E_BAD_VALUE = "Värdet för {name} går inte att använda."
CLI_E_NO_SUCH_COMMAND = "Det finns inget sådant kommando. Kommandona är: {commands}."
CLI_E_TOO_MANY_ARGUMENTS = "Kommandot fick fler argument än det tar emot."
CLI_E_GENERIC = "Kommandot är fel skrivet. Se hjälpen med: kontoguide --help"
CLI_E_SEE_HELP = "Se hjälpen med: {command} --help"

LIST_COL_ID = "Id"
LIST_COL_ACCOUNT = "Konto"
LIST_COL_ORG = "Organisation"
LIST_COL_STATUS = "Status"
LIST_COL_STEPS = "Steg klara"
LIST_COL_CHANGED = "Senast ändrad"
UNNAMED = "(namn saknas)"

# --- export: the checklist document (docx and Markdown) ------------------
DOC_DRAFT_MARK = "UTKAST"
DOC_DRAFT_LEAD = (
    "Checklistan är inte klar och kan inte ligga till grund för ett beslut förrän allt "
    "som saknas eller behöver rättas är åtgärdat."
)
DOC_DRAFT_LEAD_NOT_REVIEWED = (
    "Alla svar är ifyllda, men checklistan är inte granskad och sparad som färdig i kontoguide. "
    "Den kan inte ligga till grund för ett beslut förrän den är det."
)
DOC_MISSING_HEADING = "Det här saknas eller behöver rättas ({count})"
DOC_MISSING_IN_STEP = "Steg {number}: {label}"
DOC_MISSING_ITEM = "{where} – {message}"
DOC_FACTS_CAPTION = "Uppgifter om kontot"
DOC_FACT_ORGANISATION = "Förvaltning eller bolag"
DOC_FACT_UNIT = "Enhet"
DOC_FACT_ACCOUNT = "Konto"
DOC_FACT_PLATFORM = "Plattform"
DOC_FACT_RESPONSIBLE = "Ansvarig"
DOC_FACT_DATE = "Dokumentets datum"
DOC_FACT_STATUS = "Status"
DOC_FACT_RECORD_ID = "Id i kontoguide"
DOC_FACT_CHECKLIST = "Checklista"
DOC_STATUS_DRAFT = "Utkast – inte klart"
DOC_STATUS_COMPLETE = "Komplett"
DOC_CHECKLIST_VERSION = "{id}, version {version}"
DOC_ACCOUNT_WITH_PROPOSED = "{account} (föreslaget kontonamn: {proposed})"
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
DOC_CAUTION = "Observera: {text}"
DOC_LABELLED = "{label}: {text}"
DOC_DECISION_HEADING = "Beslut"
DOC_DECISION_OUTCOME = "Beslut"
DOC_DECISION_DATE = "Beslutsdatum"
DOC_DECISION_CASE = "Diarienummer"
DOC_DECISION_MAKER = "Beslutsfattare"
DOC_DECISION_NEXT_REVIEW = "Nästa omprövning"
DOC_SIGN_HEADING = "Underskrift"
DOC_SIGN_PLACE_DATE = "Ort och datum"
DOC_SIGN_SIGNATURE = "Underskrift"
DOC_SIGN_NAME = "Namnförtydligande"
DOC_HEADER = "{organisation} – {account}"
DOC_FOOTER_PAGES = "Sida {page} av {pages}"
DOC_SUBJECT = "Beslutsunderlag för kontot {account}"
DOC_KEYWORDS = "sociala medier; checklista; nytt konto"
DOC_CATEGORY_DRAFT = "Utkast"
DOC_CATEGORY_COMPLETE = "Beslutsunderlag"
DOC_AUTHOR_FALLBACK = "kontoguide"
DOC_COLUMN_HEADER = "Uppgift"
DOC_VALUE_HEADER = "Svar"
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
EXPORT_NOT_REGULAR = (
    "{path} finns redan och är inte en vanlig fil (utan till exempel en länk, en enhet eller "
    "en namngiven pipe). kontoguide skriver bara över vanliga filer; välj ett annat namn."
)
EXPORT_INTO_OWN_FOLDER = (
    "{path}: mappen {folder} är kontoguides egen mapp för utkast och checklistor. Spara "
    "exporten någon annanstans, till exempel i Dokument."
)
EXPORT_WRITTEN = "Checklistan är sparad som {path}"
EXPORT_DRAFT_NOTE = (
    "Obs! Det är ett utkast: {count} saker saknas eller behöver rättas. "
    "Dokumentet är märkt UTKAST och listar dem."
)
EXPORT_DRAFT_NOT_REVIEWED_NOTE = (
    "Obs! Det är ett utkast: alla svar är ifyllda, men checklistan är inte sparad som klar "
    "för beslut. Dokumentet är märkt UTKAST. Granska svaren och spara checklistan som klar "
    "för beslut med: kontoguide resume {draft_id}"
)
EXPORT_EXISTS = (
    "{path} finns redan och har inte ändrats. Välj ett annat namn med --output, "
    "eller skriv över filen med --force."
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
EXPORT_BASE_MISSING = "grunddokumentet {name} som checklistan anger finns inte."
EXPORT_BASE_BROKEN = "grunddokumentet {name} går inte att läsa som Word-dokument (.docx): {detail}"
EXPORT_FILE_PREFIX = "Checklista"
EXPORT_FILE_DRAFT = "utkast"
CLI_EXPORT_SOURCE = (
    "Id för ett sparat utkast (se `kontoguide list`) eller en sparad checklista (JSON)."
)
CLI_OPT_FORMAT = (
    "Filformat: docx (Word), json eller md (Markdown). Utan --format väljs det efter "
    "filnamnet i --output, annars docx."
)
CLI_OPT_OUTPUT = (
    "Fil eller mapp att skriva till. Utan --output skrivs filen i den aktuella mappen, "
    "med ett namn efter kontot och dagens datum."
)
CLI_OPT_FORCE = "Skriv över filen om den redan finns."
STYLE_TABLE = "Checklistetabell"

# --- the questionnaire (interactive.py, dialogue.py, prompts.py, views.py) -----
ANSWER_YES = "Ja"
ANSWER_NO = "Nej"

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

# Prompts: what questionary shows around the input.
P_INPUT_MARK = "›"
P_HELP_KEY_TEXT = "Skriv ? för mer hjälp."
P_HELP_KEY_F1 = "Tryck F1 för mer hjälp."
P_HELP_KEY_CHOICE = "? visar mer hjälp."
P_HELP_TITLE = "Mer hjälp:"
P_OPTIONAL = "Frivillig fråga: tryck Enter utan att skriva något för att hoppa över den."
P_MULTILINE = "Du kan skriva flera rader. Avsluta med Esc och sedan Enter (eller Alt+Enter)."
P_SELECT = "(Välj med piltangenterna och tryck Enter.)"
P_CHECKBOX = "(Piltangenterna flyttar, mellanslag markerar, a markerar alla, Enter bekräftar.)"
P_ALL_CHOSEN = "alla {count} markerade"
P_NONE_CHOSEN = "inget markerat"

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
Q_LIST_PICK_CHANGE = "Vilken rad vill du ändra?"
Q_LIST_PICK_REMOVE = "Vilken rad vill du ta bort?"
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
Q_REVIEW_CHANGE = "Ändra ett svar"
Q_REVIEW_SHOW = "Visa alla svar igen"
Q_REVIEW_LATER = "Spara och fortsätt senare"
Q_CHANGE_WHICH_STEP = "I vilken del finns svaret du vill ändra?"
Q_CHANGE_WHICH_QUESTION = "Vilket svar vill du ändra?"

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
VIEW_STATE_LABELS = {
    "done": "klar",
    "started": "påbörjad",
    "empty": "ej påbörjad",
    "fix": "behöver rättas",
}
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
VIEW_STEPS_DONE = "{done} av {steps}"
DOC_SET_ASIDE = "Svaret som angavs behöver rättas."
DOC_SET_ASIDE_ITEMS = "Observera: svar i listan behöver rättas och visas inte här ({count} st.)."

# --- reliability: checklist files and base documents ---
# Reading a checklist or base document: only ordinary files of a sane size.
R_IS_FOLDER = "sökvägen är en mapp, inte en fil."
R_NOT_REGULAR = (
    "det här är inte en vanlig fil (utan till exempel en enhet eller en namngiven pipe) "
    "och läses därför inte."
)
R_DENIED = "du har inte behörighet att läsa filen."
R_TOO_LARGE = "filen är större än {limit} och läses därför inte."
R_SYMLINK = "sökvägen är en symbolisk länk; ange själva filen i stället."
R_BAD_NAME = "sökvägen innehåller tecken som ett filnamn inte kan ha."
R_MEGABYTES = "{count} MB"
# Naming a checklist: a record by id only; `start --checklist` by id or by file.
C_NOT_ID_OR_FILE = (
    "”{name}” är varken id:t för en checklista (små bokstäver, siffror och bindestreck, "
    "till exempel stockholm-standard) eller en checklistfil som slutar på .toml."
)
C_NOT_AN_ID = (
    "”{name}” är inte id:t för en checklista (små bokstäver, siffror och bindestreck, "
    "till exempel stockholm-standard)."
)
C_BAD_PATH = "Checklistfilen ”{name}” går inte att använda: {detail}"
C_RECORD_NOT_AN_ID = (
    "fältet checklist_id ska vara id:t för en checklista (små bokstäver, siffror och "
    "bindestreck), inte ”{value}”. Ett utkast kan inte peka ut en checklistfil. "
    "Filen har inte ändrats."
)
C_RECORD_UNKNOWN = (
    "filen är gjord med checklistan ”{checklist_id}”, som inte finns här "
    "(tillgängliga: {available}). Lägg checklistfilen {checklist_id}.toml i {folder}. "
    "Filen har inte ändrats."
)
C_TOO_DEEP = (
    "checklistan är inte giltig TOML (för många nivåer av listor eller tabeller i varandra)."
)
# Checking a checklist: what the questionnaire could not follow.
C_BASE_DOCX_NOT_DOCX = "base_docx ska vara filnamnet på ett Word-dokument som slutar på .docx"
C_BASE_DOCX_BAD_CHARS = (
    "base_docx innehåller tecken som inte fungerar i filnamn i både Windows och Linux"
)
C_CHOICE_VALUE_TWICE = "värdet {value} finns två gånger i vallistan"
C_CHOICE_LABEL_TWICE = (
    "texten ”{label}” finns två gånger i vallistan; alternativen måste gå att skilja åt"
)
C_SECTION_TWICE = "avsnittet {section} finns två gånger"
C_STEP_NUMBERS = "stegen ska numreras 1, 2, 3 och så vidare i ordning; här står {numbers}"
C_CHOICES_NOT_FOR_KIND = (
    "bara frågor av typen choice eller multichoice har en vallista; ta bort choices"
)
C_WHEN_VALUE = "villkoret har värdet {value}, som inte finns i vallistan {choices} för {path}"
C_WHEN_YESNO = "villkoret på ja/nej-frågan {path} ska ha värdet true eller false, inte {value}"
# A variant's base document (.docx): checked when installed and again when exported.
B_UNUSABLE = "grunddokumentet {name} går inte att använda: {detail}"
B_NOT_ZIP = "filen är inte ett zip-arkiv, vilket ett Word-dokument är"
B_TOO_MANY_PARTS = "arkivet har {count} delar; högst {limit} är tillåtna"
B_TOO_BIG_UNPACKED = "innehållet blir {size} uppackat; högst {limit} är tillåtet"
B_NO_MAIN = "huvuddelen {part} saknas"
B_WRONG_ROOT = "{part} ska börja med elementet {root}"
B_NO_BODY = "{part} saknar w:body"
B_BODY_TOO_LONG = (
    "brödtexten har fler än {limit} stycken och tabeller. Ett grunddokument ger bara stilar, "
    "sidhuvud, sidfot och logotyp; brödtexten används inte, så töm den i Word"
)
B_TOO_MANY_ELEMENTS = "XML-delarna har tillsammans fler än {limit} element"
B_DTD = "{part} innehåller en DTD (<!DOCTYPE …>), vilket ett Word-dokument aldrig har"
B_BAD_XML = "{part} är inte giltig XML (rad {line}, kolumn {col})"
B_PART_UNREADABLE = "delen {part} går inte att packa upp"
B_STRUCTURE = "dokumentets uppbyggnad stämmer inte ({kind})"


# --- reliability: answers, dates and documents ---
V_DATE_RANGE = "Ange ett datum mellan {first}-01-01 och {last}-12-31."
V_MOMENT_FORMAT = (
    "Skriv tidpunkten som ÅÅÅÅ-MM-DDTtt:mm:ss med tidszon, till exempel 2026-03-15T10:30:00+01:00."
)
V_MOMENT_NO_ZONE = (
    "Tidpunkten saknar tidszon. Skriv den med tidszon, till exempel "
    "2026-03-15T10:30:00+01:00 (svensk vintertid) eller 2026-03-15T09:30:00Z (UTC)."
)
V_MOMENT_RANGE = "Ange en tidpunkt mellan år {first} och {last}."
V_UNKNOWN_FIELDS_TITLE = "Okända fält"
V_UNKNOWN_FIELDS = (
    "{count} fält finns inte i checklistan: {names}. Ta bort dem eller rätta stavningen."
)
V_UNKNOWN_NAMES_MORE = "{names} och {more} till"
V_TOO_MANY_ITEMS = (
    "Listan får innehålla högst {max} svar. Ta bort ett innan du lägger till ett nytt."
)
V_TOO_MANY_SET_ASIDE = (
    "Listan får innehålla högst {max} svar. De {count} sista har lagts undan och finns kvar i "
    "utkastet, men inte i checklistan; ta bort andra ur listan om någon av dem behövs."
)
Q_LIST_FULL = (
    "Listan har redan {max} rader, så många som får plats. Ta bort en rad om du vill "
    "lägga till en ny."
)
Q_LIST_NO_ROOM = (
    "Rader som lades undan ({count} st.) får inte plats i listan (högst {max}). De finns "
    "kvar i utkastet; ta bort en rad om du vill lägga till någon av dem."
)
V_INT_TOO_LONG = "Talet har för många siffror. Skriv ett heltal, till exempel 3."

# --- the decision process: states, decision, start, follow-ups, closing ---
V_DECIDED_BEFORE_READY = (
    "Beslutet kan inte vara fattat före {ready}, dagen då checklistan blev klar för beslut."
)
V_START_NEEDS_APPROVAL = "Kontot kan startas först när beslutet är Godkänt."
V_START_BEFORE_DECISION = "Datumet kan inte ligga före beslutsdatumet {decision}."
V_FOLLOW_UP_NEEDS_START = "En uppföljning kan läggas till först när kontot har startats."
V_FOLLOW_UP_BEFORE_START = (
    "Uppföljning {number} kan inte vara gjord före {start}, dagen då kontot startade."
)
V_FOLLOW_UP_EVERY_GOAL = (
    "Uppföljning {number} ska ha ett uppmätt värde för vart och ett av de {goals} målen, "
    "ett per mål."
)
V_FOLLOW_UP_GOAL_TWICE = "Samma mål har fått två mätvärden i samma uppföljning."
V_MEASURED_AFTER_FOLLOW_UP = "Ett mätdatum kan inte ligga efter uppföljningens datum {date}."
V_FOLLOW_UP_NEXT_REQUIRED = (
    "Ange när nästa uppföljning ska göras (det behövs om slutsatsen inte är att avsluta kontot)."
)
V_CLOSING_NEEDS_START = "Ett konto kan avslutas först när det har startats."
V_CLOSED_BEFORE_START = "Kontot kan inte vara avslutat före {start}, dagen då det startade."
V_YES_CLOSING_ARCHIVED = "Arkivera kontots innehåll innan kontot avslutas (rutinen i steg 4)."
V_YES_CLOSING_COMMS = "Berätta för kommunikationsfunktionen innan kontot avslutas."
V_YES_CLOSING_LIST = "Ta bort kontot ur stadens förteckning över konton när det avslutas."
STATE_LABELS = {
    "draft": "Utkast",
    "ready": "Klar för beslut",
    "decided": "Beslutat",
    "started": "Startat",
    "closed": "Avslutat",
}
STATE_FOLLOW_UP_OVERDUE = "uppföljning försenad sedan {due}"
C_STAGE_ORDER = (
    "avsnitten ska komma i livets ordning: först det som behövs före beslutet (stage = "
    '"ready", där stegen 1–5 hör hemma), sedan "decided", "started" och "closed".'
)

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
DOC_SIGN_DATE = "Beslutsdatum"
DOC_SIGN_CASE = "Diarienummer"
DOC_SIGN_REVIEW = "Nästa omprövning, senast 12 månader efter beslutet (om kontot godkänns)"
DOC_SIGN_MOTIVATION = "Motivering (om beslutet är avslaget eller uppskjutet)"
DOC_FOLLOW_UP_HEADING = "Uppföljning {number}: {date}"
DOC_FOLLOW_UP_HELD = "Datum för uppföljningen"
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
DOC_CHART_ALT = "Diagram över målen vid uppföljning {number} ({date}). {goals}"
DOC_CHART_ALT_GOAL = (
    "Mål {number}, {name}: utgångsvärde {baseline}, målvärde {target}, uppmätt {value} "
    "den {measured}; {share} av vägen från utgångsvärdet till målvärdet, {met}."
)
DOC_CHART_MET = "nått"
DOC_CHART_NOT_MET = "inte nått"
DOC_CHART_NO_BASELINE = "saknas (räknas som 0)"
DOC_CHART_AXIS = "Andel av vägen från utgångsvärdet till målvärdet"
DOC_CHART_BASELINE = "Utgångsvärde"
DOC_CHART_TARGET = "Målvärde"
DOC_CHART_BAR = "{value} av {target} ({share})"
DOC_PERCENT = "{value} %"
DOC_HISTORY_HEADING = "Historik"
DOC_HISTORY_COLUMNS = ("Händelse", "Tidpunkt")
DOC_HISTORY_LABELS = {
    "draft": "Utkast",
    "ready": "Klar för beslut",
    "decided": "Beslut fattat",
    "started": "Kontot startat",
    "followed_up": "Uppföljning",
    "closed": "Avslutat",
}
DOC_HISTORY_FOLLOW_UP = "Uppföljning {number}"
STYLE_KIND = "Dokumentslag"
STYLE_HEADER_STATE = "Status i sidhuvud"
STYLE_FIGURE = "Diagram"
STYLE_FIGURE_CAPTION = "Diagramtext"

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
I_CLOSE_NOW_YES = "Ja, skriv in avslutet nu"
I_CLOSE_NOW_NO = "Nej, senare"
I_CLOSE_LATER = "Skriv in avslutet när kontot är stängt, med: kontoguide resume {draft_id}"
# The resume chooser: every record with something left to do.
I_NOTHING_TO_RESUME = "Ingen checklista har något kvar att göra. Starta en ny med: kontoguide start"
I_CHOOSE_RECORD = "Vilken checklista vill du fortsätta med?"
STATE_DRAFT_STEPS = "{done} av {steps} steg klara"
VIEW_RESUMABLE_TITLE = "Checklistor med något kvar att göra"
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
    "value": "Vilket värde har nyckeltalet nu?",
    "measured_on": "Vilket datum mättes värdet?",
    "comment": "Vill du kommentera värdet?",
    "assessment": "Hur bedömer du att kontot fungerar, samlat?",
    "conclusion": "Vilken slutsats drar du?",
    "next_review": "När ska nästa uppföljning göras?",
}
FU_HINTS = {
    "held_on": "Som ÅÅÅÅ-MM-DD. Inte i framtiden.",
    "value": "Skriv värdet i {unit}.",
    "measured_on": "Som ÅÅÅÅ-MM-DD, senast uppföljningens datum.",
    "comment": "Till exempel vad som förklarar värdet.",
    "assessment": "Når kontot sina mål och sina målgrupper? Vad fungerar och vad fungerar inte?",
    "conclusion": "Ska kontot avslutas följer du rutinen från steg 4.",
    "next_review": "Som ÅÅÅÅ-MM-DD, inom 12 månader.",
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
FU_PICK = "Vilket svar i uppföljningen vill du ändra?"
FU_PICK_GOAL = "Mål {number} av {count}: {label}"

# --- starting from an earlier record (start --from) ---
CLI_OPT_FROM = (
    "Börja en ny checklista med svaren från en tidigare (id eller sparad JSON-fil) som förslag; "
    "varje svar bekräftas eller ändras."
)
CLI_FROM_NEEDS_TERMINAL = (
    "--from ger förslag som du bekräftar en i taget och behöver därför en terminal eller "
    "enkelt läge (--enkel). Utan frågor: kontoguide start --answers FIL --no-input."
)
CLI_FROM_WITH_ANSWERS = "Ange antingen --from eller --answers, inte båda."
I_FROM_NOTE = (
    "Svaren från {source} är förslag: varje fråga visar det tidigare svaret. Tryck Enter för att "
    "behålla det eller skriv ett nytt. Beslutet, starten, uppföljningarna och historiken följer "
    "inte med. Förslag som du inte har hunnit bekräfta sparas inte; ta paus först när du har "
    "gått igenom dem, eller börja om med --from."
)
Q_SUGGESTED_ITEM = "Ta med ”{item}” från den tidigare checklistan?"
Q_SUGGESTED_TAKE = "Ja, som det är"
Q_SUGGESTED_CHANGE = "Ja, men ändra först"
Q_SUGGESTED_SKIP = "Nej, hoppa över"
CLI_FROM_UNKNOWN = (
    "”{source}” är varken id för en sparad checklista eller en fil som finns. Se "
    "`kontoguide list` för de som finns."
)

# --- install and command line (newcomer) ---
CLI_VERSION = "kontoguide {version}"
CLI_OPT_VERSION = "Visa vilken version av kontoguide som är installerad och avsluta."
CLI_VALIDATE_SOURCE = (
    "Id för en sparad checklista (se kontoguide list), eller en sparad checklista eller "
    "svarsfil (JSON)."
)
# The same words as for `start --from`: the same rule for ID|FIL.
CLI_VALIDATE_UNKNOWN = CLI_FROM_UNKNOWN
CLI_NEXT_RESUME = "Fortsätt med: kontoguide resume {draft_id}"
CLI_NEXT_EXPORT = "Skapa dokumentet med: kontoguide export {draft_id}"

# --- the filed document and its sources ---
V_YES_CONTROLLER = (
    "Din enhet är personuppgiftsansvarig för personuppgifterna på kontot, ofta gemensamt med "
    "plattformen. Ta reda på vad det innebär med dataskyddsombudet och svara sedan ja."
)
V_EFFECT_OTHER_REQUIRED = "Beskriv den andra effekten som målet ska ge hos målgruppen."
V_EFFECT_OTHER_ONLY = (
    "Beskriv en annan effekt bara när du har valt ”Annan effekt”; ta bort beskrivningen "
    "eller välj ”Annan effekt”."
)
V_ACCOUNT_NAME_UNIT = (
    "Låt namnet visa vilken enhet som driver kontot, med hela namnet eller ett ord ur "
    "{names}, till exempel ”Stadsbiblioteket – Stockholms stad”."
)
V_ACCOUNT_NAME_BOTH = (
    "Låt namnet visa både vilken enhet som driver kontot (hela namnet eller ett ord ur "
    "{names}) och att kontot hör till Stockholms stad, till exempel "
    "”Stadsbiblioteket – Stockholms stad”."
)
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
DOC_FACTS_TABLE_CAPTION = "Tabell: Uppgifter om ärendet"
STYLE_BOX = "Kryssruta"
STYLE_NOTICE_NOTE = "Kommentar till rådet"
STYLE_NOTICE_NOTE_HEADING = "Kommentar till rådet, rubrik"
STYLE_ABOUT = "Om dokumentet"

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
Q_WHO_DEPUTY = "ersättare för den ansvariga"
Q_PERSON_OFFER = "Ska {name} ({who}, steg 2) vara med i teamet?"
Q_PERSON_TAKE = "Ja, namn och e-post som i steg 2 (du väljer roll och behörighet)"
Q_PERSON_CHANGE = "Ja, men ändra namn eller e-post först"
Q_PERSON_SKIP = "Nej, hoppa över"
Q_LIST_WHICH_CHANGE = "Vad i listan vill du ändra?"
Q_LIST_WHICH_REMOVE = "Vad i listan vill du ta bort?"
Q_ITEM_WHICH_FIELD = "Vad vill du ändra för ”{item}”?"
Q_ITEM_ALL_FIELDS = "Alla uppgifter, en i taget"
Q_ITEM_CANCEL = "Avbryt (lägg inte till något)"
Q_ITEM_CANCEL_CHANGE = "Avbryt (behåll som det var)"
Q_ITEM_CANCEL_HINT = "Lämna svaret tomt och tryck Enter om du vill avbryta."
Q_ITEM_CANCEL_SURE = "Vill du avbryta? Inget av det du har fyllt i läggs till i listan."
Q_ITEM_CANCEL_NO = "Nej, fortsätt fylla i"
Q_ITEM_CANCEL_YES = "Ja, avbryt"
Q_ITEM_CANCELLED = "Avbrutet: ingenting lades till."
Q_ITEM_CHANGE_CANCELLED = "Avbrutet: ”{item}” är som förut."
Q_TASK_STEP = "{title}: {state}"
Q_TASK_STEP_PROBLEMS = "{title}: {state} ({count})"
Q_STEP_WHICH_ANSWER = "Vilket svar vill du ändra? (Tillbaka visar alla steg.)"
Q_BACK_TO_TASKS = "Tillbaka till alla steg"
VIEW_TASKS_PURPOSE = (
    "Öppna ett steg i taget för att se dess svar och ändra dem. När allt stämmer sparar du "
    "checklistan som klar för beslut."
)
VIEW_LATEST_ANSWERS = "Dina senaste svar i {part}"

# --- doc: the filed document, readers and page numbers ---
# A line in the list under a table, about one of its rows: the row's first cell, then the note.
DOC_ROW_NOTE = "{row} – {note}"

# --- overview: the communication function's overview (issue 11) ---
CLI_OVERVIEW_HELP = (
    "Översikt för kommunikationsfunktionen: alla konton, deras status och vad som behöver "
    "göras. Läser utkastmappen, eller de mappar (sökta i alla undermappar) och filer du anger."
)
CLI_OVERVIEW_PATHS = "Mappar eller filer med sparade checklistor (JSON). Utan: utkastmappen."
CLI_OPT_OV_FORMAT = (
    "Skriv översikten som csv, xlsx, json, md, html eller stadens-lista (CSV med ett konto "
    "per rad, bara startade konton). Utan: en tabell i terminalen."
)
CLI_OPT_OV_OUTPUT = (
    "Fil eller mapp att skriva till (utan: skrivs till terminalen; xlsx kräver en fil)."
)
CLI_OPT_OV_ORG = "Bara konton vars förvaltning, bolag eller enhet innehåller texten."
CLI_OPT_OV_STATE = (
    "Bara konton med denna status: utkast, klar, beslutat, startat eller avslutat. Kan anges "
    "flera gånger."
)
CLI_OPT_OV_DUE = (
    "Bara konton vars nästa uppföljning ska göras inom så många dagar (eller är försenad)."
)
CLI_OPT_OV_ATTENTION = "Bara konton som behöver uppmärksamhet."
CLI_OPT_SCHEMA_OVERVIEW = "Visa JSON-schemat för översikten (kontoguide overview --format json)."
OV_TITLE = "Översikt över konton i sociala medier"
OV_TODAY = "Översikten gäller {today}."
OV_SUMMARY = "{count} konton, varav {attention} behöver uppmärksamhet ({today})."
OV_STATE_COUNTS = "Per status: {counts}."
OV_DUPLICATES = "{count} dubbletter (samma id) räknades en gång; den senast ändrade visas."
OV_NONE = "Inga konton att visa."
OV_NOTHING_NEEDS_ATTENTION = "Inget behöver uppmärksamhet just nu."
OV_ONE_DAY = "1 dag"
OV_DAYS = "{count} dagar"
OV_ATT_OVERDUE = "Uppföljningen skulle ha gjorts senast {due}. Den är {days} försenad."
OV_ATT_SOON = "Uppföljningen ska göras senast {due}, om {days}."
OV_ATT_NOT_STARTED = (
    "Godkänt {decided} men kontot har inte startats. Det har gått {days} sedan beslutet."
)
OV_ATT_NOT_REPORTED = (
    "Kontot startade {started} men är inte anmält till stadens förteckning över konton."
)
OV_ATT_GOAL = (
    "Mål {number} (”{goal}”) skulle vara nått {deadline}, men inget värde är uppmätt sedan dess."
)
OV_ATT_WAITING = "Har väntat på beslut sedan {since}, i {days}."
OV_ATT_OLDER_CHECKLIST = (
    "Gjord med checklistans version {used}. Den gällande versionen är {current}: se vad som "
    "har ändrats."
)
OV_NOT_A_RECORD = "är inte en sparad checklista från kontoguide (saknar {missing})."
OV_BAD_FIELD = "är inte en sparad checklista som översikten kan läsa (fel i fältet {field})."
OV_UNREADABLE = "{count} filer kunde inte läsas och finns inte med i översikten:"
OV_PATH_MISSING = "”{path}” finns inte. Ange en mapp eller fil med sparade checklistor."
OV_FORMAT_UNKNOWN = "Formatet ”{fmt}” finns inte. Välj ett av: {formats}."
OV_FORMAT_UNKNOWN_SUFFIX = (
    "Filändelsen i ”{path}” säger inte vilket format du vill ha. Ange --format csv, xlsx, "
    "json, md, html eller stadens-lista."
)
OV_STATE_UNKNOWN = "Statusen ”{state}” finns inte. Välj en av: {states}."
OV_XLSX_NEEDS_OUTPUT = (
    "Ange en fil att skriva Excel-filen till med --output, till exempel --output konton.xlsx."
)
OV_DUE_WITHIN_NEGATIVE = "Ange --due-within som ett antal dagar, 0 eller fler."
OV_WRITTEN = "Översikten med {count} konton är skriven till {path}"
OV_FILE_PREFIX = "kontooversikt"
OV_IN_DRAFTS = "utkast {name}"
OV_NO_PLATFORM = "(plattform saknas)"
OV_NO_ORGANISATION = "(organisation saknas)"
OV_YES = "Ja"
OV_NO = "Nej"
OV_COUNT = "Antal"
OV_BY_STATE = "Antal per status"
OV_BY_PLATFORM = "Antal per plattform"
OV_ACCOUNTS = "Konton"
OV_ATTENTION_LIST = "Behöver uppmärksamhet"
OV_SOURCES = "Varifrån checklistorna lästes"
OV_UNREADABLE_TITLE = "Filer som inte kunde läsas"
OV_CHART_TITLE = "Status per förvaltning eller bolag"
OV_TABLE_CAPTION = "Alla konton, det mest brådskande först"
OV_SHEET_ACCOUNTS = "Konton"
OV_SHEET_COUNTS = "Antal"
OV_COL_ORG = "Förvaltning eller bolag"
OV_COL_ORG_SHORT = "Organisation"
OV_COL_UNIT = "Enhet"
OV_COL_ACCOUNT = "Konto"
OV_COL_PLATFORM = "Plattform"
OV_COL_STATE = "Status"
OV_COL_RESPONSIBLE = "Ansvarig"
OV_COL_RESPONSIBLE_EMAIL = "Den ansvarigas e-post"
OV_COL_DECIDED = "Beslutsdatum"
OV_COL_NEXT = "Nästa uppföljning"
OV_COL_NEXT_SHORT = "Nästa uppf."
OV_COL_STARTED = "Startat"
OV_COL_ADDRESS = "Adress"
OV_COL_REPORTED = "Anmält till stadens förteckning"
OV_COL_ATTENTION = "Behöver uppmärksamhet"
OV_COL_ID = "Id"
OV_COL_CHECKLIST = "Checklista"
OV_COL_CHANGED = "Senast ändrad"
OV_COL_SOURCE = "Läst från"
OV_SUMMARY_ONE = "1 konto ({today}). {attention}"
OV_SUMMARY_ONE_NEEDS = "Det behöver uppmärksamhet."
OV_SUMMARY_ONE_FINE = "Det behöver ingen uppmärksamhet."
OV_UNREADABLE_ONE = "1 fil kunde inte läsas och finns inte med i översikten:"
OV_SCHEMA_ONE_AT_A_TIME = "Ange antingen --answers eller --overview, inte båda."
OV_COL_ACCOUNT_COMPACT = "Konto, organisation"
OV_COL_STATE_COMPACT = "Status, plattform, ansvarig"
OV_COL_DATES_COMPACT = "Beslut, nästa"
OV_NEXT_PREFIX = "→ "
OV_WHO_AND_ID = "{organisation}, id {id}"

# --- rules: answers that should not pass, problems grouped by step ---
V_TEXT_TOO_SHORT = (
    "Skriv ett riktigt svar med minst {min} bokstäver eller siffror; ett frågetecken eller "
    "ett enstaka tecken räcker inte."
)
V_DATE_NOT_RECENT = (
    "Ange ett datum från de senaste {years} åren, mellan {earliest} och {today}; ett "
    "äldre datum är troligen felskrivet."
)
V_YEAR_NOT_FUTURE = "Ange ett år som redan har varit eller pågår, senast {year}."
V_CASE_NUMBER = (
    "Skriv diarienumret som det står i diariet, med bokstäver, siffror och ett snedstreck, "
    "till exempel ”KUF 2026/1187” eller ”2026/123”."
)
V_LINK_OR_REFERENCE = (
    "Skriv en länk som börjar med https:// eller http://, eller dokumentets namn och var "
    "det finns, med minst tre ord och en plats (en sida på intranätet, en mapp eller en "
    "sökväg med / eller ›), till exempel ”Krisplan för Kulturförvaltningen, intranätet › "
    "Säkerhet”. Bara ”intranätet” räcker inte."
)
V_RECOVERY_PERSONAL = (
    "{email} är e-postadressen till {who}. Ange en funktionsbrevlåda för enheten i stället: "
    "den finns kvar när någon slutar eller byter roll, så att kontot alltid går att återställa."
)
V_RECOVERY_WHO_NAMED = "{name} ({role})"
V_RECOVERY_ROLE_COMMS = "kontaktpersonen på kommunikationsfunktionen"
V_RECOVERY_ROLE_RESPONSIBLE = "den ansvariga"
V_RECOVERY_ROLE_DEPUTY = "ersättaren"
V_RECOVERY_ROLE_OFFICER = "den kommunikationsansvariga"
V_RECOVERY_ROLE_TEAM = "en person i teamet"
V_RECOVERY_ROLE_ARCHIVING = "kontaktpersonen för arkivering"
V_REVIEW_PASSED = (
    "Ange ett datum efter {today}: nästa omprövning ska ligga framåt i tiden, inte ha passerat."
)
PR_STEP_HEADING = "Steg {number}: {title}"
PR_GROUP_HEADING = "{heading} ({count})"
PR_OTHER_HEADING = "Övrigt i filen"
CLI_E_MISSING_SOURCE = (
    "Ange vilken checklista det gäller: dess id (se kontoguide list) eller en JSON-fil, till "
    "exempel kontoguide {command} k7f3q9x2."
)
CLI_E_MISSING_ID = (
    "Ange checklistans id (se kontoguide list), till exempel kontoguide {command} k7f3q9x2."
)

# --- plain: the plain mode (--enkel) for screen readers and scripts ---
# The keys ? < - are also named in words: a screen reader at its usual punctuation
# level (and espeak-ng) says nothing for the bare character.
CLI_OPT_PLAIN = (
    "Enkelt läge för skärmläsare och skript: frågor och val som vanliga rader, svar som "
    "skrivs och avslutas med Enter, inga menyer med piltangenter. Svaren kan också skickas "
    "in från ett annat program, ett svar i taget. Samma som KONTOGUIDE_ENKEL=1; på av sig "
    "självt när TERM=dumb."
)
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
P_BACK_KEY_TEXT = "Skriv < för att gå tillbaka till förra frågan."
P_BACK_KEY_PGUP = "Tryck PgUp för att gå tillbaka till förra frågan."
P_BACK_KEY_CHOICE = "< tillbaka till förra frågan."
P_WENT_BACK = "(tillbaka till förra frågan)"
Q_TYPED_NOT_SAVED = (
    "Du hade börjat skriva ett svar här när du tog paus. Texten står i rutan men är "
    "inte sparad som svar än: ändra den om du vill och spara den som vanligt."
)
Q_NOTHING_BEFORE = "Det här är den första frågan; det finns ingen fråga före den."
VIEW_PROGRESS_SKIPPED = "(fråga {numbers} behövs inte med dina svar)"


# --- variants: checklist variants with their own questions ---
CV_AT_LINE = "{where} (rad {line})"
CV_RULE_NOT_FOR_KIND = "regeln {rule} passar bara frågor av typen {kinds}"
CV_BAD_PATTERN = "mönstret (pattern) är inte ett giltigt reguljärt uttryck ({detail})"
CV_PATTERN_NEEDS_MESSAGE = (
    "ett mönster (pattern) behöver ett meddelande (message) som säger på svenska hur svaret "
    "ska skrivas"
)
CV_MESSAGE_WITHOUT_RULE = "message används bara tillsammans med pattern eller must_be_yes"
CV_MIN_ABOVE_MAX = "min är större än max"
CV_ID_AND_FIELD = (
    "en fråga har antingen field (en fråga ur standardchecklistan) eller id (en egen fråga), "
    "inte båda"
)
CV_NEEDS_CHOICES = (
    "frågan behöver en vallista: skriv choices = ”namnet på en lista under [choices]”"
)
CV_UNKNOWN_CHOICES = "vallistan {choices} finns inte under [choices] (det finns: {known})"
CV_NO_LIST_IN_LIST = "en lista kan inte ha en lista som fält"
CV_EXTRA_NEEDS_ID = "en egen fråga anges med id = ”…”, inte med field = ”extra.…”"
CV_RULES_ONLY_ADDED = (
    "regler (must_be_yes, min_words, min, max, unit, date_is, max_items, pattern, choose_all) "
    "kan bara ges för egna frågor med id; standardfrågornas regler gäller som de är"
)
CV_DUPLICATE_ID = "id {id} används för två frågor; varje egen fråga behöver ett eget id"
CV_MANDATORY_MISSING = (
    "frågan ”{label}” ({field}) saknas. Den finns i stadens standardchecklista och krävs i "
    "varje variant: den får inte tas bort"
)
CV_MANDATORY_OPTIONAL = (
    "frågan ”{label}” ({field}) krävs i varje variant och kan inte göras frivillig eller villkorad"
)
CV_YES_REQUIRED = "Svaret måste vara ja."
CV_MIN_WORDS = "Skriv minst {words} ord."
CV_EXTRA_TITLE = "Egna frågor i checklistans variant"
CV_NEW_IS_STANDARD = (
    "{checklist_id} är stadens standardchecklista. Ge varianten ett eget id, till exempel "
    "kulturforvaltningen."
)
CV_NEW_HEADER = (
    "# Variant {checklist_id} av Stockholms stads checklista, skapad med\n"
    "# ”kontoguide checklist new” från standardchecklistan version {version}.\n"
    "# Ändra title, höj version när du ändrar något och lägg till egna frågor:\n"
    "# exempel på varje sorts fråga står längst ned i filen. Frågor med\n"
    "# mandatory = true får inte tas bort.\n"
    "#\n"
)
CV_NEW_TITLE_SUFFIX = " (variant {checklist_id})"
CV_NEW_EXISTS = "{path} finns redan och skrivs inte över. Välj ett annat id eller en annan mapp."
CV_NEW_FAILED = "Kunde inte skriva {path}: {detail}"
CV_NEW_WRITTEN = "En ny variant är sparad som {path}"
CV_NEW_NEXT = (
    "Kontrollera den med: kontoguide checklist check {path}\n"
    "Använd den med: kontoguide start --checklist {path}"
)
CV_BASE_DOCX_MISSING = "basdokumentet {path} finns inte"
CV_CHECK_OK = "{path}: inga fel hittades."
CV_CHECK_PROBLEMS = "{path}: {count} fel."
CV_CHECK_LINE = "{file}: {where}: {detail}"
CV_LIST_HEADER = "Id | Version | Titel | Fil"
CV_LIST_ROW = "{checklist_id} | {version} | {title} | {path}"
CV_LIST_BROKEN = "{checklist_id} | – | kan inte läsas: {detail} | {path}"
CLI_CHECKLIST_HELP = "Skriv och kontrollera egna varianter av checklistan."
CLI_CHECKLIST_NEW_HELP = (
    "Skriv en ny variant (ID.toml) i den aktuella mappen: en kopia av standardchecklistan "
    "med exempel på egna frågor."
)
CLI_CHECKLIST_NEW_ID = (
    "Variantens id, till exempel kulturforvaltningen (små bokstäver, siffror, -)."
)
CLI_CHECKLIST_CHECK_HELP = "Kontrollera en checklistfil och visa varje fel med rad och orsak."
CLI_CHECKLIST_CHECK_FILE = "Checklistfilen (TOML)."
CLI_CHECKLIST_LIST_HELP = "Visa de installerade checklistorna med id, version, titel och fil."
CLI_OPT_SCHEMA_CHECKLIST = (
    "Beskriv en checklista med dess egna frågor (id för en installerad checklista)."
)

# --- items: back inside a list item, item numbering, tall pickers ---
Q_ITEM_BACK_KEPT = (
    "Tillbaka till listan. Det du fyllde i finns kvar som förslag om du lägger till igen."
)
VIEW_ITEM_SKIPPED_GIVEN = "(fråga {numbers} har redan svar)"
Q_PAGE_NEXT = "Fler frågor: {first}–{last} av {count}"
Q_PAGE_PREVIOUS = "Föregående frågor: {first}–{last} av {count}"
Q_SHOW_STEP_ANSWERS = "Visa alla svar i steget"


# --- plaincheck: plain mode read aloud ---
# The short instruction said at a kind of prompt after its first time (the full one
# comes back after "?" and after an error), so a listener hears less repetition.
PL_SELECT_SHORT = "Svara med numret."
PL_YESNO_SHORT = "Svara j eller n, eller numret."
PL_CHECKBOX_SHORT = "Svara med numren, eller alla."
PL_TEXT_SHORT = "Skriv svaret."
PL_MULTILINE_SHORT = "Avsluta med en tom rad."
PL_FORMAT_SHORT = "Svara i formen {placeholder}."
PL_HELP_KEY_SHORT = "Frågetecken ger hjälp."
PL_BACK_KEY_SHORT = "Mindre än går tillbaka."
# Between the parts of a title instead of "·", which a screen reader does not say.
PL_PART_SEPARATOR = ", "
# A range of numbers, said aloud: "fråga 2–5" is read "fråga två fem" without it.
PL_RANGE_WORD = " till "
# A format read letter by letter ("å å å å m m d d") gets its meaning after it.
PL_PLACEHOLDER_SPOKEN = {"ÅÅÅÅ-MM-DD": "ÅÅÅÅ-MM-DD (år, månad, dag)"}
# The half-typed answer as this mode shows it: there is no box, the text is the
# "Ifyllt svar" of the instruction line.
PL_TYPED_NOT_SAVED = (
    "Du hade börjat skriva ett svar här när du tog paus. Texten står efter ”Ifyllt svar” "
    "nedan men är inte sparad som svar än: bara Enter sparar den, eller skriv ett nytt svar."
)
