"""Swedish texts of the commands, their help and their usage errors.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.

Here the layers below are read only when one of their texts is first asked for:
every command imports this module for its help, and reading all the layers' texts
was a fifth of an empty `kontoguide list` (issue 23). The type checker reads the
star import, so a name that is nowhere is still an error before the program runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kontoguide.terminal.messages import *  # noqa: F403
else:

    def __getattr__(name: str) -> object:
        from kontoguide.terminal import messages as below

        try:
            value = getattr(below, name)
        except AttributeError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        globals()[name] = value
        return value


# --- CLI -----------------------------------------------------------------
CLI_HELP = "Guide för att starta ett nytt konto i sociala medier i Stockholms stad."
# The second paragraph of `kontoguide --help`: plain mode, found from the top.
CLI_HELP_PLAIN = (
    "Med skärmläsare: kontoguide start --enkel (eller miljövariabeln ACCESSIBLE=1) ger ett "
    "enkelt läge med frågorna som vanliga rader, utan menyer med piltangenter."
)
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
    "Skriv ut JSON Schema för en sparad checklista (spara det i en fil med --output "
    "schema.json); med --answers för en svarsfil."
)
CLI_OPT_SCHEMA_OUTPUT = (
    "Skriv schemat till den här filen, som UTF-8 (i Windows PowerShell ger > en fil i UTF-16)."
)
CLI_SCHEMA_WRITTEN = "Schemat är sparat som {path}"
CLI_LIST_HELP = "Lista checklistorna med status, senast ändrade först."
CLI_OPT_NO_INPUT = "Ställ inga frågor; använd bara svaren i --answers."
CLI_OPT_CHECKLIST = (
    "Vilken checklista som används: ett id eller en TOML-fil. Utan --checklist: den som "
    "svarsfilen i --answers anger (checklist_id), annars stockholm-standard."
)
CLI_ANSWERS_OTHER_CHECKLIST = (
    "Svarsfilen {path} är gjord för checklistan {named}, men du valde {given}. Ta bort "
    "--checklist så används {named}, eller ändra checklist_id i filen om den ska fyllas i "
    "med {given}."
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
CLI_E_TOO_LONG = "{path}: {reason}. Välj en mapp med kortare sökväg eller ett kortare namn."
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


# --- export: files and the command ----------------------------------------
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
CLI_EXPORT_SOURCE = (
    "Id för ett sparat utkast (se `kontoguide list`) eller en sparad checklista (JSON)."
)
CLI_OPT_FORMAT = (
    "Filformat: docx (Word), json eller md (Markdown). Utan --format väljs det efter "
    "filnamnet i --output, annars docx."
)
CLI_OPT_OUTPUT = (
    "Fil eller mapp att skriva till. Utan --output skrivs filen i den aktuella mappen, "
    "med ett namn efter kontot, id:t, dagens datum och läget."
)
CLI_OPT_FORCE = "Skriv över filen om den redan finns."


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

# --- install and command line (newcomer) ---
CLI_VERSION = "kontoguide {version}"
CLI_OPT_VERSION = "Visa vilken version av kontoguide som är installerad och avsluta."
CLI_VALIDATE_SOURCE = (
    "Id för en sparad checklista (se kontoguide list), eller en sparad checklista eller "
    "svarsfil (JSON)."
)
CLI_NEXT_RESUME = "Fortsätt med: kontoguide resume {draft_id}"
CLI_NEXT_EXPORT = "Skapa dokumentet med: kontoguide export {draft_id}"


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
OV_UNREADABLE = (
    "{count} filer eller mappar kunde inte läsas; det som finns i dem är inte med i översikten:"
)
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
OV_OUTPUT_INSIDE = (
    "”{path}” ligger i en mapp som översikten läser, och nästa översikt skulle då läsa sin "
    "egen JSON-fil. Skriv den utanför mappen, till exempel i mappen du står i."
)
OV_WRITTEN = "Översikten med {count} konton är skriven till {path}"
OV_FILE_PREFIX = "kontooversikt"
OV_UNREADABLE_ONE = (
    "1 fil eller mapp kunde inte läsas; det som finns i den är inte med i översikten:"
)
OV_LINKS_ONE = "1 länk följdes inte (kontoguides regel, se nedan):"
OV_LINKS = "{count} länkar följdes inte (kontoguides regel, se nedan):"
OV_SCHEMA_ONE_AT_A_TIME = "Ange antingen --answers eller --overview, inte båda."

# --- rules: answers that should not pass, problems grouped by step ---
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
    "in från ett annat program, ett svar i taget. Samma som miljövariabeln "
    "ACCESSIBLE=1 (eller KONTOGUIDE_ENKEL=1); på av sig självt när TERM=dumb."
)

CLI_OPT_PLAIN_LIST = (
    "Enkelt läge för skärmläsare och skript: en rad per checklista i stället för en tabell. "
    "Samma som miljövariabeln ACCESSIBLE=1 (eller KONTOGUIDE_ENKEL=1); på av sig självt när "
    "TERM=dumb."
)

# --- variants: checklist variants with their own questions ---
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
CV_NEW_NOTICE_COMMENT = (
    "# Rådet om Schrems II ([notice]) står inte i en variant: det kommer alltid från\n"
    "# stadens standardchecklista, ordagrant som i stadens guide, och kan inte ändras.\n"
    "# Ett eget [notice] här används inte (kontoguide checklist check säger till).\n"
    "\n"
)
CV_NEW_EXISTS = "{path} finns redan och skrivs inte över. Välj ett annat id eller en annan mapp."
CV_NEW_FAILED = "Kunde inte skriva {path}: {detail}"
CV_NEW_OWN_FOLDER = (
    "{folder} är kontoguides egen mapp, och en fil där skulle användas utan att ha "
    "kontrollerats. Skriv varianten i en annan mapp, till exempel Dokument, och installera "
    "den sedan med: kontoguide start --checklist {checklist_id}.toml"
)
CV_NEW_WRITTEN = "En ny variant är sparad som {path}"
CV_NEW_NEXT = (
    "Kontrollera den med: kontoguide checklist check {path}\n"
    "Använd den med: kontoguide start --checklist {path}"
)
CV_BASE_DOCX_MISSING = "basdokumentet {path} finns inte"
CV_CHECK_OK = "{path}: inga fel hittades."
CV_CHECK_PROBLEMS = "{path}: {count} fel."
CV_CHECK_LINE = "{file}: {where}: {detail}"
CV_CHECK_WARNING = "{file}: {where}: varning: {detail}"
# `start --checklist` with a variant whose own notice is not used.
CV_START_NOTICE_IGNORED = "{path}: varning: {detail}"
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
