"""Swedish texts of the record's answers: validation, field types, the record's own rules.

Each layer keeps the words it says; this catalogue also holds, through the
imports below, every text of the layers it builds on, so `m.NAME` reaches both.

Validation messages follow the GOV.UK error-message style: say what to do,
never blame, never "ogiltig". Question texts, hints and choice labels live in
the checklist data instead.
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
V_TEXT_BAD_BYTE = (
    "Ta bort tecknet på position {pos}: det är byten {code}, som inte är UTF-8 text (till "
    "exempel text sparad med en annan teckenkodning). Skriv om texten eller klistra in den "
    "som ren text."
)
V_REASON_SHORT = (
    "Förklara med minst en hel mening (minst {words} ord), så att den som beslutar förstår skälet."
)
V_PERSON_NAME = "Skriv för- och efternamn på en person, inte namnet på en funktion eller brevlåda."
V_EMAIL = "Skriv en e-postadress i formatet namn@exempel.se."
V_EMAIL_NEAR_CITY = (
    "Domänen liknar stadens domän stockholm.se men är stavad på ett annat sätt. "
    "Menar du {suggestion}?"
)
V_PURPOSE_SHORT = (
    "Beskriv syftet med minst en hel mening (minst {words} ord): vad kontot ska åstadkomma "
    "och för vilka, så att det går att koppla till verksamhetsplanen eller uppdraget. Till "
    "exempel: Att fler familjer med barn i åldern 6–12 år hittar bibliotekens lovaktiviteter."
)
V_ARCHIVE_METHOD_UNKNOWN = (
    "Skriv vilket verktyg eller vilken metod som används, till exempel det "
    "arkiveringsverktyg som förvaltningen använder eller plattformens export av kontots "
    "data. Vet du inte än, fråga kontaktpersonen för arkiveringen eller registrator."
)
V_CLOSING_ROUTINE = (
    "Beskriv rutinen med ord, inte bara ett datum: när kontot ska avslutas, till exempel om "
    "målen inte nås, och hur: arkivera först, berätta för kommunikationsfunktionen och ta "
    "bort kontot ur stadens förteckning över konton."
)
V_ORGANISATION_NAME_ADVICE = (
    "Är ”{name}” hela namnet? Skriv förvaltningens eller bolagets hela namn, till exempel "
    "Kulturförvaltningen, så att det syns vem som står bakom kontot. Svaret är sparat; gå "
    "tillbaka med < om du vill ändra det."
)
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
V_NUMBER_TOO_LARGE = (
    "Talet är för stort: ange ett tal mellan minus och plus 1 000 000 000 000 (en biljon)."
)
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

# --- the questionnaire (interactive.py, dialogue.py, prompts.py, views.py) -----
ANSWER_YES = "Ja"
ANSWER_NO = "Nej"

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
V_TOO_MANY_ITEMS = (
    "Listan får innehålla högst {max} svar. Ta bort ett innan du lägger till ett nytt."
)
V_INT_TOO_LONG = "Talet har för många siffror. Skriv ett heltal, till exempel 3."

# --- the decision process: states, decision, start, follow-ups, closing ---
V_DECIDED_BEFORE_READY = (
    "Beslutet kan inte vara fattat före {ready}, dagen då checklistan blev klar för beslut."
)
V_START_NEEDS_APPROVAL = "Kontot kan startas först när beslutet är Godkänt."
V_START_BEFORE_DECISION = (
    "Datumet {day} ligger före beslutsdatumet {decision}. Kontot kan startas och anmälas "
    "samma dag som beslutet eller senare."
)
# The order of the record's dates (model/chronology.py): kontoguide's own wording.
V_DECIDED_BEFORE_EARLIER = (
    "Beslutsdatumet {decision} ligger före {what} {earlier}. Beslutet fattas på det "
    "färdiga underlaget, så {what} ska ligga samma dag eller tidigare. Rätta det datum "
    "som är fel."
)
V_REVIEWED_BEFORE_DECISION = (
    "Datumet {day} gavs vid omprövningen (uppföljningen {held}) men ligger före "
    "beslutsdatumet {decision}. Ett svar från omprövningen berättar om något som gjordes "
    "efter beslutet: datumet ska ligga samma dag som beslutet eller senare. Rätta det datum "
    "som är fel."
)
V_REVIEWED_AFTER_FOLLOW_UP = (
    "Datumet {day} gavs vid omprövningen men ligger efter uppföljningen {held}, där det "
    "gavs. Ett svar från omprövningen kan inte berätta om något som ännu inte hade hänt: "
    "datumet ska ligga samma dag som uppföljningen eller tidigare."
)
V_EARLIER_COMMS = "dialogen med kommunikationsfunktionen (steg 1)"
V_EARLIER_OFFICER = "dialogen med kommunikationsansvarig (steg 3)"
V_EARLIER_DPO = "avstämningen med dataskyddsombudet (steg 4)"
V_CLOSED_BEFORE_FOLLOW_UP = (
    "Avslutsdatumet {closed} ligger före uppföljning {number}, {held}. Ett konto följs "
    "upp medan det finns: uppföljningen ska ligga samma dag som avslutet eller tidigare."
)
V_FOLLOW_UP_NEEDS_START = "En uppföljning kan läggas till först när kontot har startats."
V_FOLLOW_UP_BEFORE_START = (
    "Uppföljning {number}, {held}, ligger före {start}, dagen då kontot startade. En "
    "uppföljning görs samma dag som starten eller senare."
)
V_FOLLOW_UP_EVERY_GOAL = (
    "Uppföljning {number} ska ha ett uppmätt värde för vart och ett av de {goals} målen, "
    "ett per mål."
)
V_REVIEW_ANSWER_TWICE = "Samma fråga står två gånger bland svaren från omprövningen."
V_FOLLOW_UP_GOAL_TWICE = "Samma mål har fått två mätvärden i samma uppföljning."
V_MEASURED_AFTER_FOLLOW_UP = "Ett mätdatum kan inte ligga efter uppföljningens datum {date}."
V_FOLLOW_UP_NEXT_REQUIRED = (
    "Ange när nästa uppföljning ska göras (det behövs om slutsatsen inte är att avsluta kontot)."
)
V_CLOSING_NEEDS_START = "Ett konto kan avslutas först när det har startats."
V_CLOSED_BEFORE_START = (
    "Avslutsdatumet {closed} ligger före {start}, dagen då kontot startade. Kontot kan "
    "avslutas samma dag som det startade eller senare."
)
V_YES_CLOSING_ARCHIVED = "Arkivera kontots innehåll innan kontot avslutas (rutinen i steg 4)."
V_YES_CLOSING_COMMS = "Berätta för kommunikationsfunktionen innan kontot avslutas."
V_YES_CLOSING_LIST = "Ta bort kontot ur stadens förteckning över konton när det avslutas."
V_YES_CLOSING_PLATFORM = "Ta bort kontot från plattformen när det avslutas."

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
    "sökväg med / eller >), till exempel ”Krisplan för Kulturförvaltningen, intranätet > "
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

# --- variants: checklist variants with their own questions ---
CV_EXTRA_TITLE = "Egna frågor i checklistans variant"
