"""Swedish texts of reading and writing the files a user names.

Safe readers, atomic writes, the home folder.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.model.messages import *  # noqa: F403

# --- files and storage ---------------------------------------------------
F_NOT_JSON = "filen är inte giltig JSON (fel på rad {line}, kolumn {col}). Filen har inte ändrats."
F_NOT_OBJECT = "filen innehåller inte en checklista (JSON-objekt väntades). Filen har inte ändrats."
F_NOT_UTF8 = (
    "filen är inte sparad som UTF-8 text: byten {byte} på rad {line}, kolumn {col} är inte "
    "UTF-8 (till exempel ett ”ö” sparat med en äldre teckenkodning). Spara filen som UTF-8: "
    "i Anteckningar med Arkiv → Spara som → Kodning UTF-8. Filen har inte ändrats."
)
F_UTF16 = (
    "filen är sparad som UTF-16 (så sparar till exempel Windows PowerShell med > eller "
    "Out-File), inte som UTF-8. Spara den som UTF-8: i Anteckningar med Arkiv → Spara som → "
    "Kodning UTF-8, i PowerShell med Out-File -Encoding utf8 eller Set-Content -Encoding utf8. "
    "Filen har inte ändrats."
)
F_UNREADABLE = "filen eller mappen går inte att läsa ({detail})."
F_NOT_FOUND = "filen finns inte."
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
S_NO_SUCH_USER = "användaren efter ~ finns inte på den här datorn"
S_HOME_UNUSABLE = (
    "{path}: mappen för utkast går inte att använda ({detail}). Välj en annan mapp för "
    "kontoguides filer med miljövariabeln KONTOGUIDE_HOME (README, ”Var sparas utkasten?”)."
)

# --- paths too long to write (kontoguide's own wording) ---
F_NAME_TOO_LONG = (
    "namnet ”{name}” är för långt ({size} {unit}; de flesta filsystem tillåter högst {limit})"
)
F_BYTES = "byte, där å, ä och ö räknas som två"
F_CHARACTERS = "tecken"
F_PATH_TOO_LONG_WINDOWS = (
    "sökvägen blir {length} tecken lång med kontoguides tillfälliga fil, och Windows klarar "
    "högst {limit}"
)
F_PATH_TOO_LONG_SYSTEM = "sökvägen eller ett namn i den är för långt för filsystemet ({detail})"
S_HOME_TOO_LONG = (
    "{path}: mappen för utkast går inte att använda: {reason}. Välj en mapp med kortare "
    "sökväg för kontoguides filer med miljövariabeln KONTOGUIDE_HOME (README, ”Var sparas "
    "utkasten?”)."
)

# --- reliability: checklist files and base documents ---
# Reading a checklist or base document: only ordinary files of a sane size.
R_IS_FOLDER = "sökvägen är en mapp, inte en fil."
R_NOT_REGULAR = (
    "det här är inte en vanlig fil (utan till exempel en enhet eller en namngiven pipe) "
    "och läses därför inte."
)
R_DENIED = "du har inte behörighet att läsa filen."
R_FOLDER_DENIED = (
    "du har inte behörighet att läsa mappen; filerna i den är inte med. Be den som äger "
    "mappen om läsrätt."
)
R_TOO_LARGE = "filen är större än {limit} och läses därför inte."
R_SYMLINK = "sökvägen är en symbolisk länk; ange själva filen i stället."
R_BAD_NAME = "sökvägen innehåller tecken som ett filnamn inte kan ha."
R_MEGABYTES = "{count} MB"
