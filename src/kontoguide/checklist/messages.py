"""Swedish texts of checklist files and variants: loading, checking, installing.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.files.messages import *  # noqa: F403

# --- files and storage ---------------------------------------------------
F_WRITE_FAILED = "det gick inte att spara ({detail}). Det tidigare innehållet är kvar."

# --- checklist files -----------------------------------------------------
C_NOT_TOML = "checklistan är inte giltig TOML ({detail})."
C_NUMBER_TOO_LONG = (
    "checklistan har ett tal med fler än 4 300 siffror. Så stora tal används inte i en "
    "checklista: rätta talet."
)
C_TEXT_CONTROL = (
    "texten har ett osynligt styrtecken ({code}) på position {pos}. Ta bort det: en "
    "checklistas texter visas i terminalen och i dokumentet."
)
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
    "det finns redan en checklista med id ”{checklist_id}” och version {version}, men med "
    "annat innehåll: {other}. Checklistor som beslutats med en version läses med den, så "
    "en version kan inte ändras. Ge den nya filen ett nytt versionsnummer (version = ...), "
    "så sparas den gamla versionen för de checklistor som beslutades med den."
)
C_EARLIER_TAKEN = (
    "version {version} av checklistan ”{checklist_id}” finns redan sparad med annat "
    "innehåll: {other}. Den används för checklistor som beslutades med den och ersätts "
    "inte. Ge den installerade checklistan ett nytt versionsnummer innan du installerar."
)
C_EARLIER_BROKEN = (
    "den sparade tidigare versionen av checklistan kan inte läsas: {detail} Beslutade "
    "checklistor som gjordes med den versionen läses med den, så filen behöver vara hel."
)
C_EARLIER_NOT_THAT_VERSION = (
    "filen ligger där version {version} av ”{checklist_id}” sparas, men är "
    "”{found_id}” version {found_version}. Lägg tillbaka rätt fil eller ta bort den."
)
C_VERSION_UNSAFE = (
    "versionen ”{version}” går inte att spara som tidigare version: skriv den med siffror, "
    "bokstäver, punkt, bindestreck eller understreck, till exempel 2027.1."
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

# --- export: files and the command ----------------------------------------
EXPORT_BASE_MISSING = "grunddokumentet {name} som checklistan anger finns inte."
EXPORT_BASE_BROKEN = "grunddokumentet {name} går inte att läsa som Word-dokument (.docx): {detail}"

# --- reliability: checklist files and base documents ---
# Naming a checklist: a record by id only; `start --checklist` by id or by file.
C_NOT_ID_OR_FILE = (
    "”{name}” är varken id:t för en checklista (små bokstäver, siffror och bindestreck, "
    "till exempel stockholm-standard) eller en checklistfil som slutar på .toml."
)
C_ID_RESERVED = (
    "id:t {checklist_id} går inte att använda: Windows har namnet för en enhet (som CON, "
    "NUL, COM1 och LPT1), och filen {checklist_id}.toml går inte att spara där. Välj ett "
    "annat id, till exempel {checklist_id}-variant."
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
B_DUPLICATE_PART = (
    "arkivet har två delar med samma namn ({part}); program läser olika av dem. Spara om "
    "grunddokumentet i Word"
)
B_NOT_UTF8_PART = (
    "delen {part} är inte sparad som UTF-8, som Word sparar sina delar. Spara om "
    "grunddokumentet i Word"
)
# A document holding personal data must not fetch anything when it is opened.
B_EXTERNAL = (
    "{part} hämtar något utanför dokumentet ({target}), till exempel en mall eller en bild "
    "som är länkad i stället för inbäddad. Ett dokument med personuppgifter får inte hämta "
    "något när det öppnas: bädda in bilden (Infoga → Bild → Infoga) eller ta bort "
    "kopplingen till mallen (Utvecklare → Dokumentmall) och spara om grunddokumentet"
)

# --- the decision process: states, decision, start, follow-ups, closing ---
C_STAGE_ORDER = (
    "avsnitten ska komma i livets ordning: först det som behövs före beslutet (stage = "
    '"ready", där stegen 1–5 hör hemma), sedan "decided", "started" och "closed".'
)

# --- variants: checklist variants with their own questions ---
CV_AT_LINE = "{where} (rad {line})"
CV_RULE_NOT_FOR_KIND = "regeln {rule} passar bara frågor av typen {kinds}"
CV_BAD_PATTERN = "mönstret (pattern) är inte ett giltigt reguljärt uttryck ({detail})"
# Answers are matched by an engine that never backtracks (checklist/patterns.py).
CV_PATTERN_BACKREFERENCE = (
    "mönstret (pattern) använder en bakåtreferens (som \\1), och det stöder kontoguide inte: "
    "svaren prövas med mönster som alltid går fort. Skriv mönstret utan bakåtreferens"
)
CV_PATTERN_LOOKAROUND = (
    "mönstret (pattern) använder lookaround (som (?=…) eller (?<=…)), och det stöder kontoguide "
    "inte: svaren prövas med mönster som alltid går fort. Skriv mönstret utan lookaround"
)
CV_PATTERN_NEEDS_MESSAGE = (
    "ett mönster (pattern) behöver ett meddelande (message) som säger på svenska hur svaret "
    "ska skrivas"
)
CV_MESSAGE_WITHOUT_RULE = "message används bara tillsammans med pattern eller must_be_yes"
CV_MIN_ABOVE_MAX = "min är större än max"
CV_ID_RESERVED = (
    "namnet {name} går inte att använda för en egen fråga: kontoguide använder det själv "
    "(namn som börjar med model_ och några till, som schema, json och copy). Välj ett annat, "
    "till exempel egen_{name}"
)
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

# --- variants: what a variant takes from the standard as it is ---
CV_STAGE_EARLIER = (
    'avsnittet {section} har stage = "{stage}", men där står frågor som i stadens '
    'standardchecklista hör till avsnittet {standard} med stage = "{wanted}" ({fields}). '
    "En variant kan inte flytta beslutet, starten eller avslutet till ett tidigare läge: "
    'skriv stage = "{wanted}" i avsnittet {section}, eller flytta frågorna till ett avsnitt '
    "med det läget."
)
CV_STAGE_LATER = (
    'avsnittet {section} har stage = "{stage}", men där står frågor som i stadens '
    'standardchecklista hör till avsnittet {standard} med stage = "{wanted}" ({fields}). '
    "En variant kan inte flytta det som behövs i ett tidigare läge (till exempel vem som "
    'fattar beslutet) till ett senare: skriv stage = "{wanted}" i avsnittet {section}, '
    "eller flytta frågorna till ett avsnitt med det läget."
)
CV_NOTICE_IGNORED = (
    "rådet om Schrems II ([notice]) kan inte ändras i en variant, och det som står här "
    "används inte. Stadsledningskontorets råd ur stadens standardchecklista, ordagrant som "
    "i stadens guide, är det som visas och sparas för varje checklista. Ta bort [notice] "
    "ur varianten."
)
