"""Swedish texts of the drafts store.

Also the words the questionnaire, the documents and the overview share, which
no one of them may import from another.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.rules.messages import *  # noqa: F403

# --- files and storage ---------------------------------------------------
F_NEWER = (
    "filen är skapad av en nyare version av kontoguide (format {found}, den här versionen "
    "läser till och med {supported}). Uppdatera kontoguide; filen har inte ändrats."
)
F_BAD_VERSION = "fältet schema_version saknas eller är inte ett heltal. Filen har inte ändrats."
F_SET_ASIDE_NOT_OBJECT = (
    "fältet set_aside ska vara ett JSON-objekt med undanlagda svar. Filen har inte ändrats."
)
F_RECORD_INVALID = "filen innehåller svar som inte stämmer med checklistan:\n{problems}"
F_WRITE_FAILED_NEW = "det gick inte att spara ({detail}). Ingen fil skapades."
F_KEPT = "Det tidigare innehållet är kvar."
F_NONE_MADE = "Ingen fil skapades."
F_WRITE_TOO_LONG = "det gick inte att spara: {reason}. {choose} {kept}"
F_FOLDER_NOT_WRITABLE = "det går inte att skapa filer i mappen {folder} ({detail}). {choose} {kept}"
F_CHOOSE_OUTPUT_SHORTER = (
    "Välj en mapp med kortare sökväg eller ett kortare filnamn med --output, till exempel "
    "en mapp direkt i Dokument."
)
F_CHOOSE_OUTPUT_FOLDER = (
    "Välj en mapp där du får spara med --output, till exempel en mapp i Dokument."
)
F_CHOOSE_HOME_SHORTER = (
    "Välj en mapp med kortare sökväg för kontoguides filer med miljövariabeln "
    "KONTOGUIDE_HOME (README, ”Var sparas utkasten?”)."
)
F_CHOOSE_HOME_FOLDER = (
    "Välj en mapp där du får spara för kontoguides filer med miljövariabeln "
    "KONTOGUIDE_HOME (README, ”Var sparas utkasten?”)."
)
# Windows refuses to replace a file that Word or Excel holds open; kontoguide's own
# wording, said only when the file exists and access was refused.
F_WRITE_HELD_OPEN = (
    "filen går inte att ersätta ({detail}). Är den öppen i Word eller Excel? Stäng filen "
    "i Word/Excel och försök igen. Det tidigare innehållet är kvar."
)
F_ID_NOT_FILE_NAME = (
    "filen heter {name} men innehåller utkastet {found}. Ett utkast ska ligga i filen med sitt "
    "eget id; filen har inte ändrats. Är det en kopia för ett nytt konto? Flytta den ut ur "
    "mappen för utkast och starta det nya kontot från den: kontoguide start --answers FIL"
)
F_NO_ID_IN_DRAFTS = (
    "filen har inget id och är alltså inget sparat utkast (kanske en svarsfil); filen har inte "
    "ändrats. Flytta den ut ur mappen för utkast. En svarsfil läser du in med: "
    "kontoguide start --answers FIL"
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

# --- starting from an earlier record (start --from) ---
CLI_FROM_UNKNOWN = (
    "”{source}” är varken id för en sparad checklista eller en fil som finns. Se "
    "`kontoguide list` för de som finns."
)

# --- a file the user names for output (export, overview -o, schema -o) ------
EXPORT_NOT_REGULAR = (
    "{path} finns redan och är inte en vanlig fil (utan till exempel en länk, en enhet eller "
    "en namngiven pipe). kontoguide skriver bara över vanliga filer; välj ett annat namn."
)
OUTPUT_TOO_LONG = "{path}: {reason}. {choose} Ingen fil skapades."
EXPORT_INTO_OWN_FOLDER = (
    "{path}: mappen {folder} är kontoguides egen mapp för utkast och checklistor. Spara "
    "exporten någon annanstans, till exempel i Dokument."
)
