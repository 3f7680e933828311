"""Swedish texts of the overview of many records and its formats.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.
"""

from __future__ import annotations

from kontoguide.store.messages import *  # noqa: F403

# --- CLI -----------------------------------------------------------------
UNNAMED = "(namn saknas)"

# --- overview: the communication function's overview (issue 11) ---
OV_TITLE = "Översikt över konton i sociala medier"
OV_TODAY = "Översikten gäller {today}."
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
OV_ATT_REVIEW_ONE = (
    "1 fråga som checklistans version {current} har lagt till före beslutet är inte besvarad "
    "än. Den erbjuds efter nästa uppföljning (omprövningen), och beslutet prövas inte mot den "
    "(kontoguides regel)."
)
OV_ATT_REVIEW_MANY = (
    "{count} frågor som checklistans version {current} har lagt till före beslutet är inte "
    "besvarade än. De erbjuds efter nästa uppföljning (omprövningen), och beslutet prövas inte "
    "mot dem (kontoguides regel)."
)
OV_ATT_UNKNOWN_CHECKLIST = (
    "Gjord med checklistan ”{checklist_id}” (version {version}), som inte finns på den här "
    "datorn. Läget är räknat med stadens standardchecklista och kan vara ett annat med "
    "varianten: svaren på variantens egna frågor räknas inte. Lägg checklistfilen "
    "{checklist_id}.toml i {folder} för att se checklistan som den gjordes (kontoguides regel)."
)
OV_ATT_SET_ASIDE = (
    "{count} svar i filen stämmer inte och räknas inte, så läget är räknat utan dem (först: "
    "{first}). kontoguide validate med filen som raden lästes från visar alla."
)
OV_STATE_UNKNOWN_CHECKLIST = "{state} (okänd checklista)"
OV_ATT_FUTURE = (
    "Enligt filen ändrades checklistan senast {moment}, efter dagen översikten gäller "
    "({today}). Datorns datum kan ha varit fel, eller filen har ändrats för hand. En kopia av "
    "samma checklista med en tid som inte ligger i framtiden visas före den här (kontoguides "
    "regel)."
)
OV_DUE_WITHIN_RANGE = (
    "Ange --due-within som ett antal dagar från 0 till {most} (nu {given}). Med {most} kommer "
    "alla uppföljningar med."
)
OV_NOT_A_RECORD = "är inte en sparad checklista från kontoguide (saknar {missing})."
OV_BAD_FIELD = "är inte en sparad checklista som översikten kan läsa (fel i fältet {field})."
OV_BAD_FIELD_SAID = (
    "är inte en sparad checklista som översikten kan läsa (fel i fältet {field}: {said})"
)
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
OV_LINKS_TITLE = "Länkar som inte följdes"
OV_LINKS_NOTE = (
    "En symbolisk länk i en mapp följs inte: den kan peka på en fil som inte är delad, till "
    "exempel någons eget utkast (kontoguides regel). Ska filen vara med, kopiera den till mappen."
)
OV_CHART_TITLE = "Status per förvaltning eller bolag"
OV_TABLE_CAPTION = "Alla konton, det mest brådskande först"
OV_SHEET_ACCOUNTS = "Konton"
OV_SHEET_COUNTS = "Antal"
OV_COL_ORG = "Förvaltning eller bolag"
OV_COL_UNIT = "Enhet"
OV_COL_ACCOUNT = "Konto"
OV_COL_PLATFORM = "Plattform"
OV_COL_STATE = "Status"
OV_COL_RESPONSIBLE = "Ansvarig"
OV_COL_RESPONSIBLE_EMAIL = "Den ansvarigas e-post"
OV_COL_DECIDED = "Beslutsdatum"
OV_COL_NEXT = "Nästa uppföljning"
OV_COL_STARTED = "Startat"
OV_COL_ADDRESS = "Adress"
OV_COL_REPORTED = "Anmält till stadens förteckning"
OV_COL_ATTENTION = "Behöver uppmärksamhet"
OV_COL_ID = "Id"
OV_COL_CHECKLIST = "Checklista"
OV_COL_CHANGED = "Senast ändrad"
OV_COL_SOURCE = "Läst från"
OV_WHO_AND_ID = "{organisation}, id {id}"
