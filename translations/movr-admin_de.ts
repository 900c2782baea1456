<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Server: %1 (%2)</translation>
    </message>
    <message>
        <source>Server: not connected</source>
        <translation>Server: nicht verbunden</translation>
    </message>
    <message>
        <source>About MovR Admin</source>
        <translation>Über MovR Admin</translation>
    </message>
    <message>
        <source>&lt;h2&gt;MovR Admin&lt;/h2&gt;&lt;p&gt;Manage the vehicles, rides, users and promo codes of MovR on CockroachDB or PostgreSQL, and see every statement sent.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;MovR Admin&lt;/h2&gt;&lt;p&gt;Verwalten Sie Fahrzeuge, Fahrten, Nutzer und Aktionscodes von MovR auf CockroachDB oder PostgreSQL und sehen Sie jede gesendete Anweisung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Sending to the database…</source>
        <translation>Wird an die Datenbank gesendet…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) in italics show your pending changes, not applied yet: saving applies them.</source>
        <translation>
            <numerusform>%n kursives Feld zeigt Ihre noch nicht angewendete Änderung: Speichern wendet sie an.</numerusform>
            <numerusform>%n kursive Felder zeigen Ihre noch nicht angewendeten Änderungen: Speichern wendet sie an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
</context>
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>&amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>D&amp;unkel</translation>
    </message>
</context>
<context>
    <name>ApplyPromoCodeDialog</name>
    <message>
        <source>Apply promo code</source>
        <translation>Aktionscode einlösen</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>&amp;Nutzer-ID:</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID eines Nutzers dieser Stadt</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>Co&amp;de:</translation>
    </message>
</context>
<context>
    <name>AsOfBar</name>
    <message>
        <source>As of</source>
        <translation>Stand vom</translation>
    </message>
    <message>
        <source>Show this row and its relations as they were at this time (AS OF SYSTEM TIME)</source>
        <translation>Diese Zeile und ihre Beziehungen so zeigen, wie sie zu diesem Zeitpunkt waren (AS OF SYSTEM TIME)</translation>
    </message>
    <message>
        <source>Details: as of (GC window)</source>
        <translation>Details: Stand vom (GC-Fenster)</translation>
    </message>
</context>
<context>
    <name>AsOfTime</name>
    <message numerus="yes">
        <source>The server no longer keeps this data from that far back: it keeps a table&apos;s history for %n minute(s). Choose a later time.</source>
        <translation>
            <numerusform>Der Server hält die Daten nicht mehr so weit zurück vor: Er bewahrt den Verlauf einer Tabelle %n Minute lang auf. Wählen Sie einen späteren Zeitpunkt.</numerusform>
            <numerusform>Der Server hält die Daten nicht mehr so weit zurück vor: Er bewahrt den Verlauf einer Tabelle %n Minuten lang auf. Wählen Sie einen späteren Zeitpunkt.</numerusform>
        </translation>
    </message>
    <message>
        <source>That time is still in the future for the server (its clock may differ from this computer&apos;s). Choose an earlier time.</source>
        <translation>Dieser Zeitpunkt liegt für den Server noch in der Zukunft (seine Uhr kann von der dieses Computers abweichen). Wählen Sie einen früheren Zeitpunkt.</translation>
    </message>
    <message>
        <source>The table did not exist yet at that time. Choose a later time.</source>
        <translation>Die Tabelle gab es zu diesem Zeitpunkt noch nicht. Wählen Sie einen späteren Zeitpunkt.</translation>
    </message>
</context>
<context>
    <name>BrowseQuery</name>
    <message>
        <source>Unknown column %1.</source>
        <translation>Unbekannte Spalte %1.</translation>
    </message>
    <message>
        <source>A filter value cannot contain a NUL character.</source>
        <translation>Ein Filterwert darf kein NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Search text cannot contain a NUL character.</source>
        <translation>Der Suchtext darf kein NUL-Zeichen enthalten.</translation>
    </message>
    <message>
        <source>Unknown sort column.</source>
        <translation>Unbekannte Sortierspalte.</translation>
    </message>
</context>
<context>
    <name>BrowseTableModel</name>
    <message>
        <source>NULL</source>
        <translation>NULL</translation>
    </message>
    <message>
        <source>Masked: right-click › Reveal card number</source>
        <translation>Maskiert: Rechtsklick › Kartennummer anzeigen</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message>
        <source>%1 (row estimate)</source>
        <translation>%1 (Zeilenschätzung)</translation>
    </message>
    <message>
        <source>This row was changed on the server and no longer matches the filter, or was deleted.</source>
        <translation>Diese Zeile wurde auf dem Server geändert und entspricht nicht mehr dem Filter, oder sie wurde gelöscht.</translation>
    </message>
    <message>
        <source>This row was deleted on the server.</source>
        <translation>Diese Zeile wurde auf dem Server gelöscht.</translation>
    </message>
    <message>
        <source>This row no longer matches the filter.</source>
        <translation>Diese Zeile entspricht nicht mehr dem Filter.</translation>
    </message>
</context>
<context>
    <name>BrowseWorker</name>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>The search stopped after %n seconds without reading every row: this text is searched in all cities without an index. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>Die Suche wurde nach %n Sekunde beendet, ohne jede Zeile zu lesen: Dieser Text wird in allen Städten ohne Index gesucht. Wählen Sie eine Stadt oder legen Sie den neben der Suche genannten Index an.</numerusform>
            <numerusform>Die Suche wurde nach %n Sekunden beendet, ohne jede Zeile zu lesen: Dieser Text wird in allen Städten ohne Index gesucht. Wählen Sie eine Stadt oder legen Sie den neben der Suche genannten Index an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the MovR schema</source>
        <translation>MovR-Schema lesen</translation>
    </message>
    <message numerus="yes">
        <source>The sort stopped after %n seconds without reading every row: in all cities, this column is sorted by reading the whole table. Choose a city to sort it quickly.</source>
        <translation>
            <numerusform>Das Sortieren wurde nach %n Sekunde beendet, ohne jede Zeile zu lesen: In allen Städten wird diese Spalte sortiert, indem die ganze Tabelle gelesen wird. Wählen Sie eine Stadt, um schnell zu sortieren.</numerusform>
            <numerusform>Das Sortieren wurde nach %n Sekunden beendet, ohne jede Zeile zu lesen: In allen Städten wird diese Spalte sortiert, indem die ganze Tabelle gelesen wird. Wählen Sie eine Stadt, um schnell zu sortieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filter stopped after %n seconds without reading every row: in all cities, no index answers it. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>Der Filter wurde nach %n Sekunde beendet, ohne jede Zeile zu lesen: In allen Städten beantwortet ihn kein Index. Wählen Sie eine Stadt oder legen Sie den neben der Suche genannten Index an.</numerusform>
            <numerusform>Der Filter wurde nach %n Sekunden beendet, ohne jede Zeile zu lesen: In allen Städten beantwortet ihn kein Index. Wählen Sie eine Stadt oder legen Sie den neben der Suche genannten Index an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read one row</source>
        <translation>Eine Zeile lesen</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>Connect to this server (postgresql:// or cockroachdb:// URL, or libpq key=value string).</source>
        <translation>Mit diesem Server verbinden (URL mit postgresql:// oder cockroachdb:// oder libpq-Zeichenkette key=value).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>CockroachDB certificates directory (ca.crt, client.&lt;user&gt;.crt/.key).</source>
        <translation>CockroachDB-Zertifikatsverzeichnis (ca.crt, client.&lt;user&gt;.crt/.key).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZ</translation>
    </message>
    <message>
        <source>Start an embedded demo database (a private PostgreSQL with generated MovR data).</source>
        <translation>Eine eingebettete Demo-Datenbank starten (ein privates PostgreSQL mit erzeugten MovR-Daten).</translation>
    </message>
    <message>
        <source>Keep the demo database in DIR between runs.</source>
        <translation>Die Demo-Datenbank zwischen den Starts in VERZ aufbewahren.</translation>
    </message>
    <message>
        <source>Create the MovR schema on the server at URL, load generated data and exit.</source>
        <translation>Das MovR-Schema auf dem Server unter URL anlegen, erzeugte Daten laden und beenden.</translation>
    </message>
    <message>
        <source>With --init-movr: replace existing MovR tables.</source>
        <translation>Mit --init-movr: vorhandene MovR-Tabellen ersetzen.</translation>
    </message>
    <message>
        <source>Seed of the data generator (default 1).</source>
        <translation>Startwert des Datengenerators (Standard 1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Rows to generate (at least %1; default %2).</source>
        <translation>Zu erzeugende Zeilen (mindestens %1; Standard %2).</translation>
    </message>
    <message>
        <source>Connect to this server.</source>
        <translation>Mit diesem Server verbinden.</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (siehe --help)</translation>
    </message>
    <message>
        <source>--%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation>--%1 muss eine ganze Zahl sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>--%1 must be at least %2 (one row per city), not %3.</source>
        <translation>--%1 muss mindestens %2 sein (eine Zeile pro Stadt), nicht %3.</translation>
    </message>
    <message>
        <source>--%1 must be at most 1000000000, not %2.</source>
        <translation>--%1 darf höchstens 1000000000 sein, nicht %2.</translation>
    </message>
    <message>
        <source>--seed must be a non-negative whole number, not &quot;%1&quot;.</source>
        <translation>--seed muss eine nicht negative ganze Zahl sein, nicht „%1“.</translation>
    </message>
    <message>
        <source>Too many arguments: give at most one URL (see --help).</source>
        <translation>Zu viele Argumente: höchstens eine URL angeben (siehe --help).</translation>
    </message>
    <message>
        <source>Give the URL either as an argument or with --url, not both.</source>
        <translation>Die URL entweder als Argument oder mit --url angeben, nicht beides.</translation>
    </message>
    <message>
        <source>--init-movr needs a URL.</source>
        <translation>--init-movr benötigt eine URL.</translation>
    </message>
    <message>
        <source>--demo cannot be combined with a URL.</source>
        <translation>--demo kann nicht mit einer URL kombiniert werden.</translation>
    </message>
    <message>
        <source>--drop is only meaningful with --init-movr.</source>
        <translation>--drop ist nur mit --init-movr sinnvoll.</translation>
    </message>
    <message>
        <source>--certs-dir needs a URL to connect to.</source>
        <translation>--certs-dir benötigt eine URL, mit der verbunden wird.</translation>
    </message>
    <message>
        <source>Administer CockroachDB&apos;s MovR sample database (also on PostgreSQL).
With no URL, no DATABASE_URL and no option, opens a welcome page that starts a demo database or connects to a cluster; --demo starts the demo at once.</source>
        <translation>Verwaltet die MovR-Beispieldatenbank von CockroachDB (auch auf PostgreSQL).
Ohne URL, ohne DATABASE_URL und ohne Option öffnet sich eine Willkommensseite, die eine Demo-Datenbank startet oder mit einem Cluster verbindet; --demo startet die Demo sofort.</translation>
    </message>
    <message>
        <source>Serve the demo like a secure cluster: TLS only, the user authenticated by a client certificate made in the demo&apos;s certs folder (ca.crt, client.&lt;user&gt;.crt/.key), no password.</source>
        <translation>Die Demo wie einen gesicherten Cluster bereitstellen: nur TLS, der Benutzer wird durch ein Client-Zertifikat aus dem Zertifikatsordner der Demo authentifiziert (ca.crt, client.&lt;user&gt;.crt/.key), kein Passwort.</translation>
    </message>
    <message>
        <source>--init-movr cannot be combined with --demo, --demo-dir, --demo-secure or a URL.</source>
        <translation>--init-movr kann nicht mit --demo, --demo-dir, --demo-secure oder einer URL kombiniert werden.</translation>
    </message>
    <message>
        <source>With --init-movr: create the multi-region MovR schema, as cockroach workload init movr --multi-region does.</source>
        <translation>Mit --init-movr: das Multi-Region-Schema von MovR anlegen, wie es cockroach workload init movr --multi-region tut.</translation>
    </message>
    <message>
        <source>--multi-region is only meaningful with --init-movr.</source>
        <translation>--multi-region ist nur mit --init-movr sinnvoll.</translation>
    </message>
    <message>
        <source>With --demo: run the MovR workload (the steady mix) on the demo at RATE operations per second (--with-load alone: %1).</source>
        <translation>Mit --demo: den MovR-Workload (den steady-Mix) mit RATE Operationen pro Sekunde auf der Demo ausführen (--with-load allein: %1).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>RATE</translation>
    </message>
    <message>
        <source>workload run URL [flags] runs the MovR workload, workload check URL checks the MovR invariants, with no window (see workload --help).</source>
        <translation>workload run URL [flags] führt den MovR-Workload aus, workload check URL prüft die MovR-Invarianten, ohne Fenster (siehe workload --help).</translation>
    </message>
    <message>
        <source>--with-load is only meaningful with --demo.</source>
        <translation>--with-load ist nur zusammen mit --demo sinnvoll.</translation>
    </message>
    <message>
        <source>--with-load must be a number of operations per second above 0, not &quot;%1&quot;.</source>
        <translation>--with-load muss eine Anzahl von Operationen pro Sekunde größer als 0 sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Run the MovR workload against a server through this application&apos;s retrying transactions (workload run), or check the MovR invariants (workload check).</source>
        <translation>Den MovR-Workload über die Transaktionen mit automatischer Wiederholung dieser Anwendung gegen einen Server ausführen (workload run) oder die MovR-Invarianten prüfen (workload check).</translation>
    </message>
    <message>
        <source>The operation mix: canonical (as cockroach workload run movr), steady (starts and ends of rides balanced) or writes (no reads). Default canonical.</source>
        <translation>Der Operations-Mix: canonical (wie cockroach workload run movr), steady (Beginn und Ende von Fahrten ausgeglichen) oder writes (keine Lesezugriffe). Standard: canonical.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Sessions, each with its own connection (default 2).</source>
        <translation>Sitzungen, jede mit eigener Verbindung (Standard: 2).</translation>
    </message>
    <message>
        <source>Operations per second over all sessions (default: no limit).</source>
        <translation>Operationen pro Sekunde über alle Sitzungen (Standard: keine Begrenzung).</translation>
    </message>
    <message>
        <source>How long to run, for example 30s, 2m or 1h30m (default: until Ctrl+C).</source>
        <translation>Laufzeit, zum Beispiel 30s, 2m oder 1h30m (Standard: bis Strg+C).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <source>Stop after this many operations.</source>
        <translation>Nach so vielen Operationen anhalten.</translation>
    </message>
    <message>
        <source>Raise the rate linearly to --max-rate over this time.</source>
        <translation>Die Rate über diesen Zeitraum linear bis --max-rate steigern.</translation>
    </message>
    <message>
        <source>Seed of the operation mix (default: a random seed, reported).</source>
        <translation>Startwert (Seed) des Operations-Mix (Standard: ein zufälliger Startwert, der ausgegeben wird).</translation>
    </message>
    <message>
        <source>Send most writes to this city, on a few vehicles, so that transactions conflict.</source>
        <translation>Die meisten Schreibzugriffe an diese Stadt auf wenige Fahrzeuge senden, damit Transaktionen in Konflikt geraten.</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>STADT</translation>
    </message>
    <message>
        <source>The share of writes that go to the hot city, above 0 and at most 1 (default 0.9).</source>
        <translation>Der Anteil der Schreibzugriffe, die an die Hotspot-Stadt gehen, größer als 0 und höchstens 1 (Standard: 0.9).</translation>
    </message>
    <message>
        <source>FRACTION</source>
        <translation>ANTEIL</translation>
    </message>
    <message>
        <source>Count unexpected errors and go on instead of stopping.</source>
        <translation>Unerwartete Fehler zählen und weitermachen, statt anzuhalten.</translation>
    </message>
    <message>
        <source>Print one JSON object per line instead of text.</source>
        <translation>Ein JSON-Objekt pro Zeile statt Text ausgeben.</translation>
    </message>
    <message>
        <source>After the run, check the MovR invariants.</source>
        <translation>Nach dem Lauf die MovR-Invarianten prüfen.</translation>
    </message>
    <message>
        <source>run or check.</source>
        <translation>run oder check.</translation>
    </message>
    <message>
        <source>The server to use.</source>
        <translation>Der zu verwendende Server.</translation>
    </message>
    <message>
        <source> (see workload --help)</source>
        <translation> (siehe workload --help)</translation>
    </message>
    <message>
        <source>workload needs a command: run or check (see workload --help).</source>
        <translation>workload benötigt einen Befehl: run oder check (siehe workload --help).</translation>
    </message>
    <message>
        <source>Unknown workload command &quot;%1&quot;: use run or check.</source>
        <translation>Unbekannter workload-Befehl &quot;%1&quot;: Verwenden Sie run oder check.</translation>
    </message>
    <message>
        <source>Too many arguments: give at most one URL (see workload --help).</source>
        <translation>Zu viele Argumente: Geben Sie höchstens eine URL an (siehe workload --help).</translation>
    </message>
    <message>
        <source>workload %1 needs a URL (an argument or DATABASE_URL).</source>
        <translation>workload %1 benötigt eine URL (als Argument oder DATABASE_URL).</translation>
    </message>
    <message>
        <source>--%1 is only meaningful with workload run.</source>
        <translation>--%1 ist nur mit workload run sinnvoll.</translation>
    </message>
    <message>
        <source>--mix must be one of %1, not &quot;%2&quot;.</source>
        <translation>--mix muss eines von %1 sein, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--concurrency must be a whole number from 1 to 10000, not &quot;%1&quot;.</source>
        <translation>--concurrency muss eine ganze Zahl von 1 bis 10000 sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--max-rate must be a number of operations per second above 0, not &quot;%1&quot;.</source>
        <translation>--max-rate muss eine Anzahl von Operationen pro Sekunde größer als 0 sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--duration must be a duration such as 30s, 2m or 1h30m, not &quot;%1&quot;.</source>
        <translation>--duration muss eine Dauer wie 30s, 2m oder 1h30m sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--ramp must be a duration such as 30s, 2m or 1h30m, not &quot;%1&quot;.</source>
        <translation>--ramp muss eine Dauer wie 30s, 2m oder 1h30m sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--max-ops must be a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--max-ops muss eine ganze Zahl größer als 0 sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--hot-city must be one of the MovR cities (%1), not &quot;%2&quot;.</source>
        <translation>--hot-city muss eine der MovR-Städte sein (%1), nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--hot-fraction needs --hot-city.</source>
        <translation>--hot-fraction erfordert --hot-city.</translation>
    </message>
    <message>
        <source>--hot-fraction must be a number above 0 and at most 1, not &quot;%1&quot;.</source>
        <translation>--hot-fraction muss eine Zahl größer als 0 und höchstens 1 sein, nicht &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>These rows were changed in the database after you loaded them. Nothing has been written. Choose, for each field, whether to keep your value or take the current one.</source>
        <translation>Diese Zeilen wurden in der Datenbank geändert, nachdem Sie sie geladen haben. Es wurde nichts geschrieben. Wählen Sie für jedes Feld, ob Sie Ihren Wert behalten oder den aktuellen übernehmen.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Ursprünglich</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meiner</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>(row deleted)</source>
        <translation>(Zeile gelöscht)</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>Alle &amp;meine behalten</translation>
    </message>
    <message>
        <source>Take all &amp;current</source>
        <translation>Alle &amp;aktuellen übernehmen</translation>
    </message>
    <message>
        <source>&amp;Apply choices</source>
        <translation>Auswahl an&amp;wenden</translation>
    </message>
</context>
<context>
    <name>ConnectionDiagnosis</name>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved: check its spelling and your network.</source>
        <translation>Der Hostname „%1“ konnte nicht aufgelöst werden: Prüfen Sie die Schreibweise und Ihr Netzwerk.</translation>
    </message>
    <message>
        <source>Connection refused by %1: no server is listening there (is it running, and is the port right?).</source>
        <translation>Verbindung von %1 abgelehnt: Dort lauscht kein Server (läuft er, und stimmt der Port?).</translation>
    </message>
    <message>
        <source>No answer from %1 in time: a firewall, a wrong address, or an overloaded server.</source>
        <translation>Keine rechtzeitige Antwort von %1: eine Firewall, eine falsche Adresse oder ein überlasteter Server.</translation>
    </message>
    <message>
        <source>Authentication failed for user &quot;%1&quot;: wrong password, unknown user, or client certificate not accepted.</source>
        <translation>Authentifizierung für den Nutzer „%1“ fehlgeschlagen: falsches Passwort, unbekannter Nutzer oder Client-Zertifikat nicht akzeptiert.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate was rejected (sslmode=%1): it is not signed by the given CA, or not issued for the host name &quot;%2&quot;.</source>
        <translation>Das TLS-Zertifikat des Servers wurde abgelehnt (sslmode=%1): Es ist nicht von der angegebenen CA signiert oder nicht für den Hostnamen „%2“ ausgestellt.</translation>
    </message>
    <message>
        <source>TLS mismatch with %1: the server requires an encrypted connection, or sslmode requires TLS and the server does not offer it.</source>
        <translation>TLS passt nicht zu %1: Der Server verlangt eine verschlüsselte Verbindung, oder sslmode verlangt TLS und der Server bietet es nicht an.</translation>
    </message>
    <message>
        <source>The server has no database named &quot;%1&quot;.</source>
        <translation>Der Server hat keine Datenbank namens „%1“.</translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation>Verbindung zu %1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The server at %1 accepts only a client certificate, and none was sent: give the certificates directory (--certs-dir, holding client.%2.crt and client.%2.key) or the certificate and key files.</source>
        <translation>Der Server unter %1 akzeptiert nur ein Client-Zertifikat, und es wurde keines gesendet: Geben Sie das Zertifikatsverzeichnis an (--certs-dir, mit client.%2.crt und client.%2.key) oder die Zertifikats- und Schlüsseldateien.</translation>
    </message>
    <message>
        <source>The client certificate is not for user &quot;%1&quot;: the server accepts a certificate only for the user named in its common name (CN). Use client.%1.crt, or connect as the certificate&apos;s user.</source>
        <translation>Das Client-Zertifikat gilt nicht für den Benutzer „%1“: Der Server akzeptiert ein Zertifikat nur für den Benutzer, der in seinem Common Name (CN) steht. Verwenden Sie client.%1.crt oder melden Sie sich als Benutzer des Zertifikats an.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the client certificate: it is not signed by a CA the server trusts. Use a certificate made with the cluster&apos;s own CA (its ca.crt and ca.key).</source>
        <translation>Der Server unter %1 hat das Client-Zertifikat nicht akzeptiert: Es ist nicht von einer Zertifizierungsstelle signiert, der der Server vertraut. Verwenden Sie ein Zertifikat, das mit der eigenen CA des Clusters erstellt wurde (seine ca.crt und ca.key).</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the client certificate for user &quot;%2&quot;: it has expired. Create a new one (cockroach cert create-client %2).</source>
        <translation>Der Server unter %1 hat das Client-Zertifikat für den Benutzer „%2“ nicht akzeptiert: Es ist abgelaufen. Erstellen Sie ein neues (cockroach cert create-client %2).</translation>
    </message>
    <message>
        <source>The private key of the client certificate is missing or cannot be read (%1): keep client.%2.key next to client.%2.crt.</source>
        <translation>Der private Schlüssel des Client-Zertifikats fehlt oder kann nicht gelesen werden (%1): Legen Sie client.%2.key neben client.%2.crt ab.</translation>
    </message>
    <message>
        <source>The private key %1 can be read by other users, so it is refused: make it private (chmod 600 %1).</source>
        <translation>Der private Schlüssel %1 kann von anderen Benutzern gelesen werden und wird daher abgelehnt: Machen Sie ihn privat (chmod 600 %1).</translation>
    </message>
    <message>
        <source>The server at %1 does not speak the PostgreSQL protocol: is this the HTTP (DB Console) port? CockroachDB&apos;s SQL port is 26257 by default.</source>
        <translation>Der Server unter %1 spricht nicht das PostgreSQL-Protokoll: Ist das der HTTP-Port (DB Console)? Der SQL-Port von CockroachDB ist standardmäßig 26257.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a cluster</source>
        <translation>Mit einem Cluster verbinden</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Fields</source>
        <translation>&amp;Felder</translation>
    </message>
    <message>
        <source>optional: ca.crt and client.&lt;user&gt;.crt/.key</source>
        <translation>optional: ca.crt und client.&lt;user&gt;.crt/.key</translation>
    </message>
    <message>
        <source>Certificates &amp;directory:</source>
        <translation>Zertifikatsver&amp;zeichnis:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Certificates directory</source>
        <translation>Zertifikatsverzeichnis</translation>
    </message>
    <message>
        <source>U&amp;RL or keyword string:</source>
        <translation>U&amp;RL oder Schlüsselwort-Zeichenkette:</translation>
    </message>
    <message>
        <source>postgresql://, postgres:// and cockroachdb:// URLs, or libpq &quot;host=… port=…&quot; strings. A password typed in the URL is used but never saved.</source>
        <translation>URLs mit postgresql://, postgres:// und cockroachdb:// oder libpq-Zeichenketten „host=… port=…“. Ein in der URL eingegebenes Passwort wird verwendet, aber nie gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>&amp;Nutzer:</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>SSL-&amp;Modus:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-Z&amp;ertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Enter a host.</source>
        <translation>Geben Sie einen Host ein.</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Datei nicht gefunden: %1</translation>
    </message>
    <message>
        <source>Enter a URL, or use the Fields tab.</source>
        <translation>Geben Sie eine URL ein oder verwenden Sie den Reiter Felder.</translation>
    </message>
    <message>
        <source>Ready to connect to %1.</source>
        <translation>Bereit zur Verbindung mit %1.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Teste %1…</translation>
    </message>
    <message>
        <source>Connected: %1, database %2 as %3; %4.</source>
        <translation>Verbunden: %1, Datenbank %2 als %3; %4.</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Verbindung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(neue Verbindung)</translation>
    </message>
    <message>
        <source>Recent: %1</source>
        <translation>Zuletzt: %1</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Verbindung speichern</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profilname:</translation>
    </message>
    <message>
        <source>Profile saved; the password was not: %1</source>
        <translation>Profil gespeichert; das Passwort nicht: %1</translation>
    </message>
    <message>
        <source>Remember the password in the s&amp;ystem keychain</source>
        <translation>Passwort im Schlüsselbund des Systems mer&amp;ken</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>C&amp;A-Zertifikat:</translation>
    </message>
    <message>
        <source>The running demo database</source>
        <translation>Die laufende Demo-Datenbank</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>(default user)</source>
        <translation>(Standardnutzer)</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Kein TLS</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <source>● Connection lost: retrying in %1 s (attempt %2)</source>
        <translation>● Verbindung verloren: neuer Versuch in %1 s (Versuch %2)</translation>
    </message>
    <message>
        <source>● Disconnected</source>
        <translation>● Getrennt</translation>
    </message>
    <message>
        <source>Round trip: SELECT 1, measured every 5 s. Last query: %1 ms.</source>
        <translation>Umlaufzeit: SELECT 1, alle 5 s gemessen. Letzte Abfrage: %1 ms.</translation>
    </message>
    <message>
        <source>Round trip %1 ms</source>
        <translation>Umlaufzeit %1 ms</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Live: reconnecting…</source>
        <translation>Live: Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Live: changefeed</source>
        <translation>Live: Changefeed</translation>
    </message>
    <message>
        <source>Live: logical decoding</source>
        <translation>Live: logische Dekodierung</translation>
    </message>
    <message>
        <source>Live: polling every %1 s</source>
        <translation>Live: Abfrage alle %1 s</translation>
    </message>
    <message numerus="yes">
        <source>Live: polling every %n s</source>
        <translation>
            <numerusform>Live: Abfrage alle %n s</numerusform>
            <numerusform>Live: Abfrage alle %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: starting…</source>
        <translation>Live: wird gestartet…</translation>
    </message>
    <message>
        <source>View › Live updates is off: tables change only when reloaded.</source>
        <translation>Ansicht › Live-Aktualisierung ist ausgeschaltet: Tabellen ändern sich nur beim Neuladen.</translation>
    </message>
    <message>
        <source>An administrator can allow a better source with: %1</source>
        <translation>Ein Administrator kann mit folgender Anweisung eine bessere Quelle zulassen: %1</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Exported %L1 rows…</source>
        <translation>%L1 Zeilen exportiert…</translation>
    </message>
    <message>
        <source>Exported %L1 rows to %2.</source>
        <translation>%L1 Zeilen nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>DemoCertificates</name>
    <message>
        <source>The openssl command could not be run (%1): install the Debian package openssl to create certificates.</source>
        <translation>Der Befehl openssl konnte nicht ausgeführt werden (%1): Installieren Sie das Debian-Paket openssl, um Zertifikate zu erstellen.</translation>
    </message>
    <message>
        <source>openssl %1 failed: %2</source>
        <translation>openssl %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot make a client certificate for the user name &quot;%1&quot;.</source>
        <translation>Für den Benutzernamen „%1“ kann kein Client-Zertifikat erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot create the certificates directory %1.</source>
        <translation>Das Zertifikatsverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>DemoControl</name>
    <message>
        <source>&amp;Restart demo</source>
        <translation>Demo neu &amp;starten</translation>
    </message>
    <message>
        <source>Restart demo</source>
        <translation>Demo neu starten</translation>
    </message>
    <message>
        <source>Restarting the demo database…</source>
        <translation>Die Demo-Datenbank wird neu gestartet…</translation>
    </message>
    <message>
        <source>The demo database did not start: %1</source>
        <translation>Die Demo-Datenbank ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The demo database server stopped.</source>
        <translation>Der Server der Demo-Datenbank wurde beendet.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>User %1 (%2)</source>
        <translation>Nutzer %1 (%2)</translation>
    </message>
    <message>
        <source>Vehicle %1… (%2, %3)</source>
        <translation>Fahrzeug %1… (%2, %3)</translation>
    </message>
    <message>
        <source>Ride %1… (%2)</source>
        <translation>Fahrt %1… (%2)</translation>
    </message>
    <message>
        <source>Promo code %1</source>
        <translation>Aktionscode %1</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Zurück</translation>
    </message>
    <message>
        <source>Select a row to see its relations.</source>
        <translation>Wählen Sie eine Zeile, um ihre Beziehungen zu sehen.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Fahrten</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Aktionscodes</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Location trail of the selected ride</source>
        <translation>Standortspur der ausgewählten Fahrt</translation>
    </message>
    <message>
        <source>Rider</source>
        <translation>Fahrer</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <source>Location history</source>
        <translation>Standortverlauf</translation>
    </message>
    <message>
        <source>Location trail</source>
        <translation>Standortspur</translation>
    </message>
    <message>
        <source>Details: as of</source>
        <translation>Details: Stand</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Details: location trail</source>
        <translation>Details: Standortspur</translation>
    </message>
    <message>
        <source>Details: refresh</source>
        <translation>Details: aktualisieren</translation>
    </message>
    <message>
        <source>%1: no longer in the database</source>
        <translation>%1: nicht mehr in der Datenbank</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>&amp;Start ride…</source>
        <translation>Fahrt &amp;starten…</translation>
    </message>
    <message>
        <source>&amp;End ride…</source>
        <translation>Fahrt &amp;beenden…</translation>
    </message>
    <message>
        <source>Add &amp;vehicle…</source>
        <translation>&amp;Fahrzeug hinzufügen…</translation>
    </message>
    <message>
        <source>Ed&amp;it vehicle…</source>
        <translation>Fahrzeug bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>Add &amp;user…</source>
        <translation>&amp;Nutzer hinzufügen…</translation>
    </message>
    <message>
        <source>Create &amp;promo code…</source>
        <translation>&amp;Aktionscode anlegen…</translation>
    </message>
    <message>
        <source>&amp;Apply promo code…</source>
        <translation>Aktionscode &amp;einlösen…</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>Ak&amp;tionen</translation>
    </message>
    <message>
        <source>Read privileges</source>
        <translation>Rechte lesen</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source> after %1 attempts</source>
        <translation> nach %1 Versuchen</translation>
    </message>
    <message>
        <source>%1: committed (confirmed after the connection was lost)%2</source>
        <translation>%1: festgeschrieben (bestätigt, nachdem die Verbindung verloren ging)%2</translation>
    </message>
    <message>
        <source>%1: done%2</source>
        <translation>%1: erledigt%2</translation>
    </message>
    <message>
        <source>%1: not done, nothing was changed: %2</source>
        <translation>%1: nicht ausgeführt, nichts wurde geändert: %2</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <source>%1: unknown whether it was committed. Check with: %2</source>
        <translation>%1: unklar, ob festgeschrieben wurde. Prüfen mit: %2</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>Zuerst eine Zeile auswählen</translation>
    </message>
    <message>
        <source>One city at a time</source>
        <translation>Eine Stadt nach der anderen</translation>
    </message>
    <message>
        <source>Select vehicles of one city: a status change runs per city.</source>
        <translation>Wählen Sie Fahrzeuge einer einzigen Stadt: Eine Statusänderung läuft pro Stadt.</translation>
    </message>
    <message>
        <source>Retire vehicle</source>
        <translation>Fahrzeug ausmustern</translation>
    </message>
    <message>
        <source>Retire vehicle %1 in %2? It stays in the database for its rides&apos; history, with status &quot;retired&quot;.</source>
        <translation>Fahrzeug %1 in %2 ausmustern? Es bleibt für den Verlauf seiner Fahrten mit dem Status „retired“ in der Datenbank.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Nutzer löschen</translation>
    </message>
    <message>
        <source>Delete user %1 (%2) in %3? This cannot be undone; it is refused while rides, vehicles or promo codes refer to the user.</source>
        <translation>Nutzer %1 (%2) in %3 löschen? Das kann nicht rückgängig gemacht werden; es wird abgelehnt, solange Fahrten, Fahrzeuge oder Aktionscodes auf den Nutzer verweisen.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Nicht geändert: %1</translation>
    </message>
    <message>
        <source>Appl&amp;y changes</source>
        <translation>Änderungen an&amp;wenden</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Änderungen anwenden</translation>
    </message>
    <message>
        <source>Changes reverted.</source>
        <translation>Änderungen zurückgenommen.</translation>
    </message>
    <message>
        <source>Read current values</source>
        <translation>Aktuelle Werte lesen</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>&amp;Keep them to review</source>
        <translation>Zur Prüfung &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Apply now</source>
        <translation>Jetzt &amp;anwenden</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>The rows no longer differ from what you saw: apply again.</source>
        <translation>Die Zeilen unterscheiden sich nicht mehr von dem, was Sie gesehen haben: Wenden Sie erneut an.</translation>
    </message>
    <message>
        <source>Nothing was written; your changes are still pending.</source>
        <translation>Es wurde nichts geschrieben; Ihre Änderungen stehen weiter aus.</translation>
    </message>
    <message>
        <source>Set vehicle s&amp;tatus…</source>
        <translation>Fahrzeugs&amp;tatus setzen…</translation>
    </message>
    <message>
        <source>Reti&amp;re vehicle</source>
        <translation>Fahrzeug aus&amp;mustern</translation>
    </message>
    <message>
        <source>E&amp;dit user…</source>
        <translation>Nutzer bea&amp;rbeiten…</translation>
    </message>
    <message>
        <source>De&amp;lete user</source>
        <translation>Nutzer &amp;löschen</translation>
    </message>
    <message>
        <source>Previe&amp;w changes…</source>
        <translation>Vorschau der Än&amp;derungen…</translation>
    </message>
    <message>
        <source>Revert c&amp;hanges</source>
        <translation>Änderungen rückgängi&amp;g machen</translation>
    </message>
    <message>
        <source>Preview &amp;before applying</source>
        <translation>&amp;Vorschau vor dem Anwenden</translation>
    </message>
    <message numerus="yes">
        <source>Appl&amp;y %n change(s)</source>
        <translation>
            <numerusform>%n Änderung an&amp;wenden</numerusform>
            <numerusform>%n Änderungen an&amp;wenden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made earlier on %1 were not applied (the application or the connection ended first). They are shown marked in the tables.</source>
        <translation>
            <numerusform>%n früher auf %1 vorgenommene Änderung wurde nicht angewendet (die Anwendung oder die Verbindung endete vorher). Sie wird in den Tabellen markiert angezeigt.</numerusform>
            <numerusform>%n früher auf %1 vorgenommene Änderungen wurden nicht angewendet (die Anwendung oder die Verbindung endete vorher). Sie werden in den Tabellen markiert angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s): Ctrl+S applies them in one transaction.</source>
        <translation>
            <numerusform>%n ausstehende Änderung: Strg+S wendet sie in einer Transaktion an.</numerusform>
            <numerusform>%n ausstehende Änderungen: Strg+S wendet sie in einer Transaktion an.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed by someone else since you edited: choose what to keep.</source>
        <translation>Inzwischen von jemand anderem geändert: wählen Sie, was bleiben soll.</translation>
    </message>
    <message>
        <source>Waiting to learn what the SQL user may do on this server.</source>
        <translation>Es wird ermittelt, was der SQL-Benutzer auf diesem Server darf.</translation>
    </message>
    <message>
        <source>Could not read the SQL user&apos;s privileges (%1): every action is offered, and the server decides.</source>
        <translation>Die Rechte des SQL-Benutzers konnten nicht gelesen werden (%1): Alle Aktionen werden angeboten, der Server entscheidet.</translation>
    </message>
    <message>
        <source>The SQL user&apos;s privileges are being read again: actions it may not perform will be disabled.</source>
        <translation>Die Rechte des SQL-Benutzers werden erneut gelesen: Aktionen, die er nicht ausführen darf, werden deaktiviert.</translation>
    </message>
    <message>
        <source>Select a user in their table first.</source>
        <translation>Wählen Sie zuerst einen Benutzer in seiner Tabelle aus.</translation>
    </message>
    <message>
        <source>Select a vehicle in its table first.</source>
        <translation>Wählen Sie zuerst ein Fahrzeug in seiner Tabelle aus.</translation>
    </message>
    <message>
        <source>Select one or more vehicles in their table first.</source>
        <translation>Wählen Sie zuerst ein oder mehrere Fahrzeuge in ihrer Tabelle aus.</translation>
    </message>
    <message>
        <source>Another connection replaced the lost one while this waited; it was not sent on the new one.</source>
        <translation>Während diese Änderung wartete, hat eine andere Verbindung die verlorene ersetzt; die Änderung wurde nicht über die neue Verbindung gesendet.</translation>
    </message>
    <message>
        <source>The connection to the server is lost; this waits and is sent when the connection is back.</source>
        <translation>Die Verbindung zum Server ist unterbrochen; diese Änderung wartet und wird gesendet, sobald die Verbindung wiederhergestellt ist.</translation>
    </message>
</context>
<context>
    <name>EditJournal</name>
    <message>
        <source>The journal of pending edits cannot be opened: %1</source>
        <translation>Das Journal der ausstehenden Änderungen kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>A pending edit could not be journaled: %1</source>
        <translation>Eine ausstehende Änderung konnte nicht ins Journal geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The journal could not be updated: %1</source>
        <translation>Das Journal konnte nicht aktualisiert werden: %1</translation>
    </message>
    <message>
        <source>The journal could not be read: %1</source>
        <translation>Das Journal konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>EditWorker</name>
    <message>
        <source>the worker is shutting down</source>
        <translation>der Worker wird beendet</translation>
    </message>
    <message>
        <source>Retry error injection (QA)</source>
        <translation>Einschleusen von Wiederholungsfehlern (QA)</translation>
    </message>
</context>
<context>
    <name>EndRideDialog</name>
    <message>
        <source>End ride</source>
        <translation>Fahrt beenden</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>&amp;Ride id:</source>
        <translation>&amp;Fahrt-ID:</translation>
    </message>
    <message>
        <source>UUID of an active ride</source>
        <translation>UUID einer laufenden Fahrt</translation>
    </message>
    <message>
        <source>empty: the vehicle&apos;s current location</source>
        <translation>leer: der aktuelle Standort des Fahrzeugs</translation>
    </message>
    <message>
        <source>Re&amp;venue:</source>
        <translation>&amp;Umsatz:</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>&amp;End ride</source>
        <translation>Fahrt &amp;beenden</translation>
    </message>
    <message>
        <source>End a&amp;ddress:</source>
        <translation>&amp;Zieladresse:</translation>
    </message>
    <message>
        <source>Find an active ride in %1</source>
        <translation>Eine aktive Fahrt in %1 suchen</translation>
    </message>
    <message>
        <source>Press Find… to choose the active ride whose id starts with this text.</source>
        <translation>Drücken Sie „Suchen…“, um die aktive Fahrt zu wählen, deren ID mit diesem Text beginnt.</translation>
    </message>
</context>
<context>
    <name>InlineEdits</name>
    <message>
        <source>This column is not edited here.</source>
        <translation>Diese Spalte wird hier nicht bearbeitet.</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>Ein Wert ist erforderlich.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Die Beschreibung ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>There are no changes to apply.</source>
        <translation>Es gibt keine Änderungen zum Anwenden.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Apply changes to %1</source>
        <translation>Änderungen an %1 anwenden</translation>
    </message>
    <message>
        <source>Apply changes to %1 rows</source>
        <translation>Änderungen an %1 Zeilen anwenden</translation>
    </message>
    <message>
        <source>%1 was changed or deleted by someone else since you loaded it; nothing was applied.</source>
        <translation>%1 wurde seit dem Laden von jemand anderem geändert oder gelöscht; es wurde nichts angewendet.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>Gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies when MovR Admin is started again.</source>
        <translation>Die neue Sprache gilt, sobald MovR Admin neu gestartet wird.</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <source>&amp;Live updates</source>
        <translation>&amp;Live-Aktualisierung</translation>
    </message>
    <message>
        <source>Tables and details follow changes made in the database by others</source>
        <translation>Tabellen und Details folgen Änderungen, die andere in der Datenbank vornehmen</translation>
    </message>
</context>
<context>
    <name>LiveSql</name>
    <message>
        <source>The server does not keep the changes logical decoding needs (wal_level is %1, not logical), so the tables are polled.</source>
        <translation>Der Server bewahrt die Änderungen nicht auf, die die logische Dekodierung benötigt (wal_level ist %1, nicht logical), daher werden die Tabellen regelmäßig abgefragt.</translation>
    </message>
    <message>
        <source>Your role may not open a replication connection (it lacks the REPLICATION attribute), so the tables are polled.</source>
        <translation>Ihre Rolle darf keine Replikationsverbindung öffnen (ihr fehlt das Attribut REPLICATION), daher werden die Tabellen regelmäßig abgefragt.</translation>
    </message>
    <message>
        <source>The live connection was lost: %1</source>
        <translation>Die Live-Verbindung ging verloren: %1</translation>
    </message>
    <message>
        <source>The server&apos;s replication settings could not be read, so the tables are polled: %1</source>
        <translation>Die Replikationseinstellungen des Servers konnten nicht gelesen werden, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The publication logical decoding reads could not be created (only the tables&apos; owner may), so the tables are polled: %1</source>
        <translation>Die Publikation, die die logische Dekodierung liest, konnte nicht angelegt werden (das darf nur der Eigentümer der Tabellen), daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The publication was created by another session meanwhile: %1</source>
        <translation>Die Publikation wurde inzwischen von einer anderen Sitzung angelegt: %1</translation>
    </message>
    <message>
        <source>A followed table does not exist any more, so the tables are polled: %1</source>
        <translation>Eine verfolgte Tabelle existiert nicht mehr, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The publication logical decoding reads could not be set up, so the tables are polled: %1</source>
        <translation>Die Publikation, die die logische Dekodierung liest, konnte nicht eingerichtet werden, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The server refused the replication connection, so the tables are polled: %1</source>
        <translation>Der Server hat die Replikationsverbindung abgelehnt, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>Every replication slot of the server is in use (max_replication_slots), so the tables are polled: %1</source>
        <translation>Alle Replikationsslots des Servers sind belegt (max_replication_slots), daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The replication slot could not be created, so the tables are polled: %1</source>
        <translation>Der Replikationsslot konnte nicht angelegt werden, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The server refused to start logical decoding, so the tables are polled: %1</source>
        <translation>Der Server hat den Start der logischen Dekodierung abgelehnt, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The server ended the live stream: %1</source>
        <translation>Der Server hat den Live-Stream beendet: %1</translation>
    </message>
    <message>
        <source>CockroachDB refuses changefeeds while rangefeeds are off (the cluster setting kv.rangefeed.enabled), so the tables are polled: %1</source>
        <translation>CockroachDB lehnt Changefeeds ab, solange Rangefeeds ausgeschaltet sind (die Cluster-Einstellung kv.rangefeed.enabled), daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The server ended the changefeed: %1</source>
        <translation>Der Server hat den Changefeed beendet: %1</translation>
    </message>
    <message>
        <source>Your role may not create a changefeed on these tables, so they are polled: %1</source>
        <translation>Ihre Rolle darf auf diesen Tabellen keinen Changefeed anlegen, daher werden sie regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The changefeed could not be started, so the tables are polled: %1</source>
        <translation>Der Changefeed konnte nicht gestartet werden, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
</context>
<context>
    <name>LiveWorker</name>
    <message>
        <source>The live connection was lost; reconnecting: %1</source>
        <translation>Die Live-Verbindung ging verloren; sie wird wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>The live connection could not be opened: %1</source>
        <translation>Die Live-Verbindung konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Changefeeds are turned off for live updates, so the tables are polled.</source>
        <translation>Changefeeds sind für die Live-Aktualisierung ausgeschaltet, daher werden die Tabellen regelmäßig abgefragt.</translation>
    </message>
    <message>
        <source>Logical decoding is turned off for live updates, so the tables are polled.</source>
        <translation>Die logische Dekodierung ist für die Live-Aktualisierung ausgeschaltet, daher werden die Tabellen regelmäßig abgefragt.</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Live-Aktualisierung</translation>
    </message>
    <message>
        <source>The changefeed sent a row that could not be read, so the tables are polled: %1</source>
        <translation>Der Changefeed hat eine Zeile gesendet, die nicht gelesen werden konnte, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
    <message>
        <source>The changefeed ended; it is started again.</source>
        <translation>Der Changefeed wurde beendet; er wird neu gestartet.</translation>
    </message>
    <message>
        <source>The table %1 was dropped or left the publication %2; the stream is opened again.</source>
        <translation>Die Tabelle %1 wurde gelöscht oder aus der Publikation %2 entfernt; der Stream wird neu geöffnet.</translation>
    </message>
    <message>
        <source>The role was not found.</source>
        <translation>Die Rolle wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The logical decoding stream could not be read, so the tables are polled: %1</source>
        <translation>Der Stream der logischen Dekodierung konnte nicht gelesen werden, daher werden die Tabellen regelmäßig abgefragt: %1</translation>
    </message>
</context>
<context>
    <name>LocationTrailPlot</name>
    <message>
        <source>No location history</source>
        <translation>Kein Standortverlauf</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n Punkt</numerusform>
            <numerusform>%n Punkte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>MovR Admin</source>
        <translation>MovR Admin</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export view to CSV…</source>
        <translation>Ansicht als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Fast, slightly stale reads</source>
        <translation>&amp;Schnelle, leicht veraltete Lesezugriffe</translation>
    </message>
    <message>
        <source>Browse with AS OF SYSTEM TIME follower_read_timestamp() (CockroachDB)</source>
        <translation>Mit AS OF SYSTEM TIME follower_read_timestamp() durchsuchen (CockroachDB)</translation>
    </message>
    <message>
        <source>SQL panel</source>
        <translation>SQL-Bereich</translation>
    </message>
    <message>
        <source>MovR Admin — %1</source>
        <translation>MovR Admin — %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Connect to a cluster…</source>
        <translation>Mit einem Cluster &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About MovR Admin</source>
        <translation>Ü&amp;ber MovR Admin</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Ausstehende Änderungen</translation>
    </message>
    <message>
        <source>Apply them now, discard them, or keep working? If you quit without deciding, they stay in the journal and are offered again next time.</source>
        <translation>Jetzt anwenden, verwerfen oder weiterarbeiten? Wenn Sie ohne Entscheidung beenden, bleiben sie im Journal und werden beim nächsten Mal erneut angeboten.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Quit, keep for next time</source>
        <translation>&amp;Beenden, für nächstes Mal behalten</translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation>Demo-Datenbank wird gestartet…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been applied.</source>
        <translation>
            <numerusform>%n Änderung wurde nicht angewendet.</numerusform>
            <numerusform>%n Änderungen wurden nicht angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discard and quit</source>
        <translation>&amp;Verwerfen und beenden</translation>
    </message>
    <message>
        <source>Apply them now, or keep working? The demo database is deleted when you quit: changes not applied are lost.</source>
        <translation>Jetzt anwenden oder weiterarbeiten? Die Demo-Datenbank wird beim Beenden gelöscht: nicht angewendete Änderungen gehen verloren.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <source>Could not connect to %1, still connected to %2: %3</source>
        <translation>Keine Verbindung zu %1 möglich, weiterhin mit %2 verbunden: %3</translation>
    </message>
    <message numerus="yes">
        <source>Not connected: %n request(s) wait and are sent when the connection is back.</source>
        <translation>
            <numerusform>Nicht verbunden: %n Anfrage wartet und wird gesendet, sobald die Verbindung wieder steht.</numerusform>
            <numerusform>Nicht verbunden: %n Anfragen warten und werden gesendet, sobald die Verbindung wieder steht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>Wieder verbunden.</translation>
    </message>
    <message>
        <source>&amp;Workload</source>
        <translation>&amp;Workload</translation>
    </message>
</context>
<context>
    <name>MovrSchemaShape</name>
    <message>
        <source>This database has no %1 table, so it does not hold the MovR schema; connect to the movr database or create it with movr-admin --init-movr.</source>
        <translation>Diese Datenbank hat keine Tabelle %1 und enthält daher nicht das MovR-Schema; verbinden Sie sich mit der Datenbank movr oder legen Sie es mit movr-admin --init-movr an.</translation>
    </message>
    <message>
        <source>The table %1 has no column %2, which MovR Admin needs; this database does not hold a MovR schema it supports.</source>
        <translation>Die Tabelle %1 hat keine Spalte %2, die MovR Admin braucht; diese Datenbank enthält kein MovR-Schema, das es unterstützt.</translation>
    </message>
    <message>
        <source>The table %1 has no primary key; MovR Admin needs the key (%2) or, in the multi-region MovR schema, (%3).</source>
        <translation>Die Tabelle %1 hat keinen Primärschlüssel; MovR Admin braucht den Schlüssel (%2) oder, im Multi-Region-Schema von MovR, (%3).</translation>
    </message>
    <message>
        <source>The primary key of the table %1 is (%2); MovR Admin works with the key (%3) or, in the multi-region MovR schema, (%4).</source>
        <translation>Der Primärschlüssel der Tabelle %1 ist (%2); MovR Admin arbeitet mit dem Schlüssel (%3) oder, im Multi-Region-Schema von MovR, (%4).</translation>
    </message>
</context>
<context>
    <name>NewRowsBar</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n new vehicle(s)</source>
        <translation>
            <numerusform>%n neues Fahrzeug</numerusform>
            <numerusform>%n neue Fahrzeuge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ride(s)</source>
        <translation>
            <numerusform>%n neue Fahrt</numerusform>
            <numerusform>%n neue Fahrten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new user(s)</source>
        <translation>
            <numerusform>%n neuer Nutzer</numerusform>
            <numerusform>%n neue Nutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s)</source>
        <translation>
            <numerusform>%n neuer Aktionscode</numerusform>
            <numerusform>%n neue Aktionscodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s) held</source>
        <translation>
            <numerusform>%n neuer Aktionscode eines Nutzers</numerusform>
            <numerusform>%n neue Aktionscodes von Nutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new location(s)</source>
        <translation>
            <numerusform>%n neuer Standort</numerusform>
            <numerusform>%n neue Standorte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n neue Zeile</numerusform>
            <numerusform>%n neue Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>the server&apos;s reply has an unexpected shape</source>
        <translation>die Antwort des Servers hat eine unerwartete Form</translation>
    </message>
    <message>
        <source>the vehicle is in use</source>
        <translation>das Fahrzeug ist in Benutzung</translation>
    </message>
    <message>
        <source>the vehicle is reported lost</source>
        <translation>das Fahrzeug ist als verloren gemeldet</translation>
    </message>
    <message>
        <source>the vehicle is retired</source>
        <translation>das Fahrzeug ist ausgemustert</translation>
    </message>
    <message>
        <source>the vehicle is not available (status &quot;%1&quot;)</source>
        <translation>das Fahrzeug ist nicht verfügbar (Status „%1“)</translation>
    </message>
    <message>
        <source>Start ride</source>
        <translation>Fahrt starten</translation>
    </message>
    <message>
        <source>the rider is not in this city (%1; the rider is in %2)</source>
        <translation>der Fahrer ist nicht in dieser Stadt (%1; der Fahrer ist in %2)</translation>
    </message>
    <message>
        <source>no such rider in %1</source>
        <translation>diesen Fahrer gibt es in %1 nicht</translation>
    </message>
    <message>
        <source>the vehicle is already in an active ride</source>
        <translation>das Fahrzeug ist bereits in einer laufenden Fahrt</translation>
    </message>
    <message>
        <source>End ride</source>
        <translation>Fahrt beenden</translation>
    </message>
    <message>
        <source>the ride already ended (at %1)</source>
        <translation>die Fahrt ist bereits beendet (um %1)</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Fahrzeug hinzufügen</translation>
    </message>
    <message>
        <source>duplicate: a vehicle with this id already exists</source>
        <translation>doppelt: ein Fahrzeug mit dieser ID existiert bereits</translation>
    </message>
    <message>
        <source>the owner is not a user of %1 (the owner is in %2)</source>
        <translation>der Besitzer ist kein Nutzer in %1 (der Besitzer ist in %2)</translation>
    </message>
    <message>
        <source>the owner is not a user of %1</source>
        <translation>der Besitzer ist kein Nutzer in %1</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>Fahrzeug bearbeiten</translation>
    </message>
    <message>
        <source>no vehicles selected</source>
        <translation>keine Fahrzeuge ausgewählt</translation>
    </message>
    <message>
        <source>Set vehicle status</source>
        <translation>Fahrzeugstatus setzen</translation>
    </message>
    <message>
        <source>Set vehicle status (part %1 of %2)</source>
        <translation>Fahrzeugstatus setzen (Teil %1 von %2)</translation>
    </message>
    <message>
        <source>vehicle %1 is not a vehicle of %2</source>
        <translation>Fahrzeug %1 ist kein Fahrzeug in %2</translation>
    </message>
    <message>
        <source>vehicle %1 is retired</source>
        <translation>Fahrzeug %1 ist ausgemustert</translation>
    </message>
    <message>
        <source>vehicle %1 is in an active ride</source>
        <translation>Fahrzeug %1 ist in einer laufenden Fahrt</translation>
    </message>
    <message>
        <source>%1 (and 1 more problem)</source>
        <translation>%1 (und 1 weiteres Problem)</translation>
    </message>
    <message>
        <source>%1 (and %2 more problems)</source>
        <translation>%1 (und %2 weitere Probleme)</translation>
    </message>
    <message>
        <source>Retire vehicle</source>
        <translation>Fahrzeug ausmustern</translation>
    </message>
    <message>
        <source>the vehicle is already retired</source>
        <translation>das Fahrzeug ist bereits ausgemustert</translation>
    </message>
    <message>
        <source>the vehicle is in an active ride; end the ride first</source>
        <translation>das Fahrzeug ist in einer laufenden Fahrt; beenden Sie zuerst die Fahrt</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Nutzer hinzufügen</translation>
    </message>
    <message>
        <source>duplicate: a user with this id already exists</source>
        <translation>doppelt: ein Nutzer mit dieser ID existiert bereits</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Nutzer bearbeiten</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Nutzer löschen</translation>
    </message>
    <message>
        <source>1 ride</source>
        <translation>1 Fahrt</translation>
    </message>
    <message>
        <source>%1 rides</source>
        <translation>%1 Fahrten</translation>
    </message>
    <message>
        <source>1 vehicle</source>
        <translation>1 Fahrzeug</translation>
    </message>
    <message>
        <source>%1 vehicles</source>
        <translation>%1 Fahrzeuge</translation>
    </message>
    <message>
        <source>1 promo code</source>
        <translation>1 Aktionscode</translation>
    </message>
    <message>
        <source>%1 promo codes</source>
        <translation>%1 Aktionscodes</translation>
    </message>
    <message>
        <source>the user still has %1</source>
        <translation>der Nutzer hat noch %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>the description is longer than %1 characters</source>
        <translation>die Beschreibung ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>the expiration time must be after the creation time</source>
        <translation>die Ablaufzeit muss nach der Erstellungszeit liegen</translation>
    </message>
    <message>
        <source>Create promo code</source>
        <translation>Aktionscode anlegen</translation>
    </message>
    <message>
        <source>duplicate: this promo code already exists</source>
        <translation>doppelt: dieser Aktionscode existiert bereits</translation>
    </message>
    <message>
        <source>the expiration time is in the past</source>
        <translation>die Ablaufzeit liegt in der Vergangenheit</translation>
    </message>
    <message>
        <source>Apply promo code</source>
        <translation>Aktionscode einlösen</translation>
    </message>
    <message>
        <source>no such promo code</source>
        <translation>diesen Aktionscode gibt es nicht</translation>
    </message>
    <message>
        <source>the promo code has expired</source>
        <translation>der Aktionscode ist abgelaufen</translation>
    </message>
    <message>
        <source>duplicate: the user already has this promo code</source>
        <translation>doppelt: der Nutzer hat diesen Aktionscode bereits</translation>
    </message>
    <message>
        <source>Record vehicle location</source>
        <translation>Fahrzeugstandort erfassen</translation>
    </message>
    <message>
        <source>the ride is not active (it ended at %1)</source>
        <translation>die Fahrt läuft nicht (sie endete um %1)</translation>
    </message>
    <message>
        <source>duplicate: a location with this timestamp is already recorded</source>
        <translation>doppelt: ein Standort mit diesem Zeitstempel ist bereits erfasst</translation>
    </message>
    <message>
        <source>the vehicle is not in %1 (it is in %2)</source>
        <translation>das Fahrzeug ist nicht in %1 (es ist in %2)</translation>
    </message>
    <message>
        <source>no such vehicle in %1</source>
        <translation>kein solches Fahrzeug in %1</translation>
    </message>
    <message>
        <source>the ride is not in %1 (it is in %2)</source>
        <translation>die Fahrt ist nicht in %1 (sie ist in %2)</translation>
    </message>
    <message>
        <source>no such ride in %1</source>
        <translation>keine solche Fahrt in %1</translation>
    </message>
    <message>
        <source>the user is not in %1 (it is in %2)</source>
        <translation>der Benutzer ist nicht in %1 (er ist in %2)</translation>
    </message>
    <message>
        <source>no such user in %1</source>
        <translation>kein solcher Benutzer in %1</translation>
    </message>
    <message>
        <source>the promo code is not valid yet</source>
        <translation>der Promo-Code ist noch nicht gültig</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>No keychain is available.</source>
        <translation>Kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>No keychain is available; the password will be asked for each time.</source>
        <translation>Kein Schlüsselbund verfügbar; das Passwort wird jedes Mal abgefragt.</translation>
    </message>
    <message>
        <source>No password is stored for this connection.</source>
        <translation>Für diese Verbindung ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Der Schlüsselbund meldet einen Fehler: %1</translation>
    </message>
</context>
<context>
    <name>PendingEditsProxy</name>
    <message>
        <source>Changed from &quot;%1&quot;; not applied yet (Ctrl+S applies, Actions › Revert discards).</source>
        <translation>Geändert von „%1“; noch nicht angewendet (Strg+S wendet an, Aktionen › Änderungen rückgängig machen verwirft).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Changed on the server to “%1” since you edited it; Apply will ask which value to keep.</source>
        <translation>Seit Ihrer Bearbeitung auf dem Server in „%1“ geändert; „Anwenden“ fragt, welcher Wert behalten werden soll.</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>no connection to cancel</source>
        <translation>keine Verbindung zum Abbrechen</translation>
    </message>
    <message>
        <source>A value contains a NUL character (U+0000), which PostgreSQL text cannot hold; nothing was sent.</source>
        <translation>Ein Wert enthält ein NUL-Zeichen (U+0000), das PostgreSQL-Text nicht aufnehmen kann; nichts wurde gesendet.</translation>
    </message>
</context>
<context>
    <name>PgStream</name>
    <message>
        <source>The stream was stopped.</source>
        <translation>Der Stream wurde angehalten.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n seconds.</source>
        <translation>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Der Server hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement started a copy stream.</source>
        <translation>Die Anweisung hat einen COPY-Stream gestartet.</translation>
    </message>
    <message>
        <source>The server ended the stream.</source>
        <translation>Der Server hat den Stream beendet.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
    <message>
        <source>These statements will be sent, in one retrying transaction:</source>
        <translation>Diese Anweisungen werden in einer Transaktion mit Wiederholungen gesendet:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>%1, first attempt; a retry sends the same again.</source>
        <translation>%1, erster Versuch; eine Wiederholung sendet dasselbe erneut.</translation>
    </message>
    <message>
        <source>The statements depend on what is read first; they are shown in the SQL panel once sent.</source>
        <translation>Die Anweisungen hängen davon ab, was zuerst gelesen wird; sie erscheinen nach dem Senden im SQL-Bereich.</translation>
    </message>
    <message>
        <source>Al&amp;ways preview before applying</source>
        <translation>&amp;Immer vor dem Anwenden eine Vorschau zeigen</translation>
    </message>
</context>
<context>
    <name>PromoCodeDialog</name>
    <message>
        <source>Create promo code</source>
        <translation>Aktionscode anlegen</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>e.g. 42_spring_free_ride</source>
        <translation>z. B. 42_spring_free_ride</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Läuft ab</translation>
    </message>
    <message>
        <source>E&amp;xpiration (UTC):</source>
        <translation>Ablau&amp;fzeit (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Rules (JSON object):</source>
        <translation>&amp;Regeln (JSON-Objekt):</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Die Beschreibung ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The expiration time is in the past.</source>
        <translation>Die Ablaufzeit liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Crea&amp;te</source>
        <translation>&amp;Erstellen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>loaded %1 rows of MovR data into %2 (%3) in %4 ms</source>
        <translation>%1 Zeilen MovR-Daten in %4 ms nach %2 (%3) geladen</translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation>Signal-Handler können nicht installiert werden</translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation>Demo-Datenbank wird gestartet…</translation>
    </message>
    <message>
        <source>Loading MovR data… %1%</source>
        <translation>MovR-Daten werden geladen… %1 %</translation>
    </message>
    <message>
        <source>demo database ready: %1</source>
        <translation>Demo-Datenbank bereit: %1</translation>
    </message>
    <message>
        <source>the demo database did not start: %1</source>
        <translation>die Demo-Datenbank ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>The demo database did not start: %1</source>
        <translation>Die Demo-Datenbank ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>the demo database did not stop within 60 s</source>
        <translation>die Demo-Datenbank hat sich nicht innerhalb von 60 s beendet</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not a directory.</source>
        <translation>--demo-dir %1 ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not empty and does not hold a MovR Admin demo database; choose an empty or new directory.</source>
        <translation>--demo-dir %1 ist nicht leer und enthält keine MovR-Admin-Demo-Datenbank; wählen Sie ein leeres oder neues Verzeichnis.</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not writable.</source>
        <translation>--demo-dir %1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be created: %2 is not a directory.</source>
        <translation>--demo-dir %1 kann nicht angelegt werden: %2 ist kein Verzeichnis.</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be created: %2 is not writable.</source>
        <translation>--demo-dir %1 kann nicht angelegt werden: %2 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>PostgreSQL server binaries not found (looked in %1): install the Debian package postgresql-15 (apt-get install postgresql).</source>
        <translation>PostgreSQL-Serverprogramme nicht gefunden (gesucht in %1): Installieren Sie das Debian-Paket postgresql-15 (apt-get install postgresql).</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be reached by the account %2 that runs the server as root: %3 is private; choose a directory such as /var/tmp/movr-demo.</source>
        <translation>--demo-dir %1 ist für das Konto %2, unter dem der Server bei root läuft, nicht erreichbar: %3 ist privat; wählen Sie ein Verzeichnis wie /var/tmp/movr-demo.</translation>
    </message>
    <message>
        <source>Running as root, and neither a postgres nor a nobody account exists to run the server as.</source>
        <translation>Läuft als root, und es gibt weder ein Konto postgres noch nobody, unter dem der Server laufen kann.</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory in %1: %2</source>
        <translation>In %1 kann kein temporäres Verzeichnis angelegt werden: %2</translation>
    </message>
    <message>
        <source>--demo-dir %1 is in use by another MovR Admin (process %2).</source>
        <translation>--demo-dir %1 wird von einem anderen MovR Admin verwendet (Prozess %2).</translation>
    </message>
    <message>
        <source>Cannot create --demo-dir %1.</source>
        <translation>--demo-dir %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>In %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot hand %1 to the server&apos;s user: %2</source>
        <translation>%1 kann nicht an den Nutzer des Servers übergeben werden: %2</translation>
    </message>
    <message>
        <source>%1 has a database but no password file.</source>
        <translation>%1 enthält eine Datenbank, aber keine Passwortdatei.</translation>
    </message>
    <message>
        <source>initdb failed: %1</source>
        <translation>initdb fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cannot start postgres: %1</source>
        <translation>postgres kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The server exited while starting: %1</source>
        <translation>Der Server hat sich beim Starten beendet: %1</translation>
    </message>
    <message>
        <source>The server did not accept connections within %1 s.</source>
        <translation>Der Server hat innerhalb von %1 s keine Verbindungen angenommen.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1.</source>
        <translation>Kein freier Port auf 127.0.0.1.</translation>
    </message>
    <message>
        <source>Cannot copy the TLS certificate and key into %1.</source>
        <translation>TLS-Zertifikat und -Schlüssel können nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 must be at least %2 (one row per city), not %3.</source>
        <translation>%1 muss mindestens %2 sein (eine Zeile pro Stadt), nicht %3.</translation>
    </message>
    <message>
        <source>Loading was canceled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The database %1 already has MovR tables (%2); use --drop to replace them.</source>
        <translation>Die Datenbank %1 hat bereits MovR-Tabellen (%2); verwenden Sie --drop, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>The connection string is empty.</source>
        <translation>Die Verbindungszeichenkette ist leer.</translation>
    </message>
    <message>
        <source>Unsupported URL scheme &quot;%1&quot;: use postgresql://, postgres:// or cockroachdb://.</source>
        <translation>Nicht unterstütztes URL-Schema „%1“: Verwenden Sie postgresql://, postgres:// oder cockroachdb://.</translation>
    </message>
    <message>
        <source>Malformed connection string: %1</source>
        <translation>Fehlerhafte Verbindungszeichenkette: %1</translation>
    </message>
    <message>
        <source>The URL names no host (expected postgresql://user@host:port/database).</source>
        <translation>Die URL nennt keinen Host (erwartet: postgresql://user@host:port/database).</translation>
    </message>
    <message>
        <source>Invalid port &quot;%1&quot;: a port is a number from 1 to 65535.</source>
        <translation>Ungültiger Port „%1“: Ein Port ist eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Unknown sslmode &quot;%1&quot;: use one of %2.</source>
        <translation>Unbekannter sslmode „%1“: Verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>DATABASE_URL is not set.</source>
        <translation>DATABASE_URL ist nicht gesetzt.</translation>
    </message>
    <message>
        <source>DATABASE_URL: %1</source>
        <translation>DATABASE_URL: %1</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; does not exist.</source>
        <translation>Das Zertifikatsverzeichnis „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; has no ca.crt.</source>
        <translation>Das Zertifikatsverzeichnis „%1“ enthält keine ca.crt.</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; has %2 but not %3.</source>
        <translation>Das Zertifikatsverzeichnis „%1“ enthält %2, aber nicht %3.</translation>
    </message>
    <message>
        <source>demo certificates directory: %1 (connect with --url %2 --certs-dir %1)</source>
        <translation>Zertifikatsverzeichnis der Demo: %1 (verbinden mit --url %2 --certs-dir %1)</translation>
    </message>
    <message>
        <source>The changefeed sent a value that is neither JSON nor hex-escaped bytes.</source>
        <translation>Der Changefeed hat einen Wert gesendet, der weder JSON noch hex-maskierte Bytes ist.</translation>
    </message>
    <message>
        <source>The changefeed message has no &quot;updated&quot; timestamp; the changefeed must be created WITH updated.</source>
        <translation>Der Changefeed-Nachricht fehlt der Zeitstempel &quot;updated&quot;; der Changefeed muss WITH updated erstellt werden.</translation>
    </message>
    <message>
        <source>The changefeed message has no &quot;%1&quot; timestamp.</source>
        <translation>Der Changefeed-Nachricht fehlt der Zeitstempel &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The changefeed&apos;s &quot;%1&quot; timestamp &quot;%2&quot; is not a CockroachDB timestamp.</source>
        <translation>Der Zeitstempel &quot;%1&quot; des Changefeeds, &quot;%2&quot;, ist kein CockroachDB-Zeitstempel.</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s value is not a JSON object.</source>
        <translation>Der Wert der Changefeed-Zeile ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The changefeed sent a change to table &quot;%1&quot;, which it was not asked to follow.</source>
        <translation>Der Changefeed hat eine Änderung an der Tabelle &quot;%1&quot; gesendet, der er nicht folgen sollte.</translation>
    </message>
    <message>
        <source>The changefeed&apos;s key for table &quot;%1&quot; is not an array of its %2 primary key values.</source>
        <translation>Der Schlüssel des Changefeeds für die Tabelle &quot;%1&quot; ist kein Array ihrer %2 Primärschlüsselwerte.</translation>
    </message>
    <message>
        <source>The changefeed message for table &quot;%1&quot; has no &quot;after&quot; field.</source>
        <translation>Der Changefeed-Nachricht für die Tabelle &quot;%1&quot; fehlt das Feld &quot;after&quot;.</translation>
    </message>
    <message>
        <source>The changefeed message for table &quot;%1&quot; has a row that is not a JSON object.</source>
        <translation>Die Changefeed-Nachricht für die Tabelle &quot;%1&quot; enthält eine Zeile, die kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <source>Unexpected text after the JSON value at byte %1.</source>
        <translation>Unerwarteter Text nach dem JSON-Wert bei Byte %1.</translation>
    </message>
    <message>
        <source>Malformed JSON at byte %1: %2.</source>
        <translation>Fehlerhaftes JSON bei Byte %1: %2.</translation>
    </message>
    <message>
        <source>The JSON value is nested too deeply.</source>
        <translation>Der JSON-Wert ist zu tief verschachtelt.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a column value of unknown kind &apos;%1&apos;.</source>
        <translation>Der Stream der logischen Dekodierung hat einen Spaltenwert unbekannter Art &apos;%1&apos; gesendet.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a truncated or malformed &apos;%1&apos; message.</source>
        <translation>Der Stream der logischen Dekodierung hat eine abgeschnittene oder fehlerhafte &apos;%1&apos;-Nachricht gesendet.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent an empty message.</source>
        <translation>Der Stream der logischen Dekodierung hat eine leere Nachricht gesendet.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a commit without a begin.</source>
        <translation>Der Stream der logischen Dekodierung hat einen Commit ohne Begin gesendet.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a message of unknown type &apos;%1&apos;; pgoutput must be asked for proto_version &apos;1&apos;.</source>
        <translation>Der Stream der logischen Dekodierung hat eine Nachricht unbekannten Typs &apos;%1&apos; gesendet; pgoutput muss mit proto_version &apos;1&apos; angefordert werden.</translation>
    </message>
    <message>
        <source>Table %1 has no column %2 any more; its rows must be read again.</source>
        <translation>Tabelle %1 hat keine Spalte %2 mehr; ihre Zeilen müssen neu gelesen werden.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a change outside a transaction.</source>
        <translation>Der Stream der logischen Dekodierung hat eine Änderung außerhalb einer Transaktion gesendet.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a change to a table it had not described.</source>
        <translation>Der Stream der logischen Dekodierung hat eine Änderung an einer Tabelle gesendet, die er nicht beschrieben hatte.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a row of table %1 whose columns do not match the table&apos;s; its rows must be read again.</source>
        <translation>Der Stream der logischen Dekodierung hat eine Zeile der Tabelle %1 gesendet, deren Spalten nicht zu denen der Tabelle passen; ihre Zeilen müssen neu gelesen werden.</translation>
    </message>
    <message>
        <source>The changefeed row has no key.</source>
        <translation>Die Changefeed-Zeile hat keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The changefeed row has no value.</source>
        <translation>Die Changefeed-Zeile hat keinen Wert.</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s key is not valid JSON: %1</source>
        <translation>Der Schlüssel der Changefeed-Zeile ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s value is not valid JSON: %1</source>
        <translation>Der Wert der Changefeed-Zeile ist kein gültiges JSON: %1</translation>
    </message>
</context>
<context>
    <name>RetryInjectionActions</name>
    <message>
        <source>Inject retry errors (&amp;QA)</source>
        <translation>Wiederholungsfehler einschleusen (&amp;QA)</translation>
    </message>
    <message>
        <source>The first attempt of every edit fails with a retry error (SQLSTATE 40001), so that the rollback and retry path runs. On CockroachDB the server fails the first three attempts (inject_retry_errors_enabled).</source>
        <translation>Der erste Versuch jeder Änderung scheitert mit einem Wiederholungsfehler (SQLSTATE 40001), damit der Weg über Rollback und Wiederholung läuft. Auf CockroachDB lässt der Server die ersten drei Versuche scheitern (inject_retry_errors_enabled).</translation>
    </message>
    <message>
        <source>Inject retry errors at &amp;commit (QA)</source>
        <translation>Wiederholungsfehler beim &amp;Commit einschleusen (QA)</translation>
    </message>
    <message>
        <source>The commit step of every edit&apos;s first attempt fails with a retry error (SQLSTATE 40001). On CockroachDB this sets inject_retry_errors_on_commit_enabled, which fails a COMMIT statement only: the edit commits at RELEASE SAVEPOINT cockroach_restart, and the COMMIT after it shows the error.</source>
        <translation>Der Commit-Schritt im ersten Versuch jeder Änderung scheitert mit einem Wiederholungsfehler (SQLSTATE 40001). Auf CockroachDB setzt dies inject_retry_errors_on_commit_enabled, das nur eine COMMIT-Anweisung scheitern lässt: Die Änderung wird bei RELEASE SAVEPOINT cockroach_restart festgeschrieben, und das COMMIT danach zeigt den Fehler.</translation>
    </message>
    <message>
        <source>Retry error injection: %1</source>
        <translation>Einschleusen von Wiederholungsfehlern: %1</translation>
    </message>
</context>
<context>
    <name>RowPicker</name>
    <message>
        <source>Name or the start of the id…</source>
        <translation>Name oder der Anfang der ID…</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Auswählen</translation>
    </message>
</context>
<context>
    <name>ScopeSelector</name>
    <message>
        <source>Which cities to show</source>
        <translation>Welche Städte angezeigt werden</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Alle Städte</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Region %1</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>not encrypted</source>
        <translation>nicht verschlüsselt</translation>
    </message>
    <message>
        <source>%1, certificate and host name verified</source>
        <translation>%1, Zertifikat und Hostname geprüft</translation>
    </message>
    <message>
        <source>%1, certificate verified (host name not checked)</source>
        <translation>%1, Zertifikat geprüft (Hostname nicht geprüft)</translation>
    </message>
    <message>
        <source>%1, server certificate not verified</source>
        <translation>%1, Serverzertifikat nicht geprüft</translation>
    </message>
</context>
<context>
    <name>SessionEntities</name>
    <message>
        <source>Workload look-up</source>
        <translation>Workload-Abfrage</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SqlPanel</name>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Copy as script</source>
        <translation>Als Skript kopieren</translation>
    </message>
    <message>
        <source>Copy the selected actions, attempts or statements as a runnable SQL script, parameters inlined (Ctrl+Shift+C)</source>
        <translation>Die ausgewählten Aktionen, Versuche oder Anweisungen als ausführbares SQL-Skript kopieren, Parameter eingesetzt (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>Protokoll speichern…</translation>
    </message>
    <message>
        <source>Save every statement of this session as a .sql file (Ctrl+Shift+S)</source>
        <translation>Jede Anweisung dieser Sitzung als .sql-Datei speichern (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Select an action, attempt or statement to see it as a runnable script.</source>
        <translation>Wählen Sie eine Aktion, einen Versuch oder eine Anweisung, um sie als ausführbares Skript zu sehen.</translation>
    </message>
    <message>
        <source>Save SQL log</source>
        <translation>SQL-Protokoll speichern</translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation>SQL-Dateien (*.sql)</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Festgeschrieben</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Ausgang unbekannt</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Which statements to show, by how their action ended</source>
        <translation>Welche Anweisungen angezeigt werden, nach dem Ausgang ihrer Aktion</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Quellen</translation>
    </message>
    <message>
        <source>My edits</source>
        <translation>Meine Änderungen</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesezugriffe</translation>
    </message>
    <message>
        <source>Which statements to show, by who sent them: your own edits, the workload, or the window&apos;s reads</source>
        <translation>Welche Anweisungen angezeigt werden, nach Absender: Ihre eigenen Änderungen, der Workload oder die Lesezugriffe des Fensters</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Saved the SQL log to %1.</source>
        <translation>SQL-Protokoll in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Could not save the SQL log to %1: %2</source>
        <translation>Das SQL-Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>StartRideDialog</name>
    <message>
        <source>Start ride</source>
        <translation>Fahrt starten</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>&amp;Rider (user id):</source>
        <translation>&amp;Fahrer (Nutzer-ID):</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID eines Nutzers dieser Stadt</translation>
    </message>
    <message>
        <source>&amp;Vehicle id:</source>
        <translation>Fahrzeug-&amp;ID:</translation>
    </message>
    <message>
        <source>UUID of an available vehicle of this city</source>
        <translation>UUID eines verfügbaren Fahrzeugs dieser Stadt</translation>
    </message>
    <message>
        <source>&amp;Start ride</source>
        <translation>Fahrt s&amp;tarten</translation>
    </message>
    <message>
        <source>Find an available vehicle in %1</source>
        <translation>Ein verfügbares Fahrzeug in %1 suchen</translation>
    </message>
    <message>
        <source>Press Find… to choose the rider whose name or id starts with this text.</source>
        <translation>Drücken Sie „Suchen…“, um den Fahrgast zu wählen, dessen Name oder ID mit diesem Text beginnt.</translation>
    </message>
    <message>
        <source>Press Find… to choose the vehicle whose id starts with this text.</source>
        <translation>Drücken Sie „Suchen…“, um das Fahrzeug zu wählen, dessen ID mit diesem Text beginnt.</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Could not load the rows:
%1</source>
        <translation>Die Zeilen konnten nicht geladen werden:
%1</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Ride id or the start of it…</source>
        <translation>Fahrt-ID oder ihr Anfang…</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>Name…</translation>
    </message>
    <message>
        <source>Vehicle id or location…</source>
        <translation>Fahrzeug-ID oder Standort…</translation>
    </message>
    <message>
        <source>Code…</source>
        <translation>Code…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Benutzung</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Jeder Typ</translation>
    </message>
    <message>
        <source>Bike</source>
        <translation>Fahrrad</translation>
    </message>
    <message>
        <source>Scooter</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Skateboard</source>
        <translation>Skateboard</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Nur laufende</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Only rows whose %1 is in this range (local time)</source>
        <translation>Nur Zeilen, deren %1 in diesem Bereich liegt (Ortszeit)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <source>This table is empty.</source>
        <translation>Diese Tabelle ist leer.</translation>
    </message>
    <message>
        <source>No rows match the filter.</source>
        <translation>Keine Zeilen entsprechen dem Filter.</translation>
    </message>
    <message>
        <source>Could not load more rows: %1</source>
        <translation>Weitere Zeilen konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Details anzeigen</translation>
    </message>
    <message>
        <source>Hide card number</source>
        <translation>Kartennummer verbergen</translation>
    </message>
    <message>
        <source>Reveal card number</source>
        <translation>Kartennummer anzeigen</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Searching this text in all cities reads every row: no index covers it. &lt;a href=&quot;copy&quot;&gt;Copy the statement&lt;/a&gt; that makes it instant, for an admin to run.</source>
        <translation>Die Suche nach diesem Text in allen Städten liest jede Zeile: Kein Index deckt sie ab. &lt;a href=&quot;copy&quot;&gt;Kopieren Sie die Anweisung&lt;/a&gt;, die sie sofort beantwortbar macht, damit ein Administrator sie ausführt.</translation>
    </message>
    <message>
        <source>Tick to end the range at a time; unticked, the range ends now and includes rows added later</source>
        <translation>Ankreuzen, um den Bereich zu einem Zeitpunkt enden zu lassen; nicht angekreuzt endet er jetzt und schließt später hinzugefügte Zeilen ein</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message numerus="yes">
        <source>%n loaded, more as you scroll</source>
        <translation>
            <numerusform>%n geladen, mehr beim Blättern</numerusform>
            <numerusform>%n geladen, mehr beim Blättern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loaded of about %1 in the table</source>
        <translation>
            <numerusform>%n geladen von etwa %1 in der Tabelle</numerusform>
            <numerusform>%n geladen von etwa %1 in der Tabelle</numerusform>
        </translation>
    </message>
    <message>
        <source>This filter reads every row in all cities: no index covers it. Choose a city, or &lt;a href=&quot;copy&quot;&gt;copy the statement&lt;/a&gt; that makes it instant, for an admin to run.</source>
        <translation>Dieser Filter liest in allen Städten jede Zeile: Kein Index deckt ihn ab. Wählen Sie eine Stadt oder &lt;a href=&quot;copy&quot;&gt;kopieren Sie die Anweisung&lt;/a&gt;, die ihn sofort beantwortbar macht, damit ein Administrator sie ausführt.</translation>
    </message>
    <message>
        <source>Sorting by this column in all cities reads every row: MovR&apos;s indexes start with the city. Choose a city to sort it quickly.</source>
        <translation>Das Sortieren nach dieser Spalte in allen Städten liest jede Zeile: Die Indizes von MovR beginnen mit der Stadt. Wählen Sie eine Stadt, um schnell zu sortieren.</translation>
    </message>
</context>
<context>
    <name>TablePrivileges</name>
    <message>
        <source>Needs %1: the SQL user &quot;%2&quot; lacks this privilege.</source>
        <translation>Benötigt %1: dem SQL-Nutzer „%2“ fehlt dieses Recht.</translation>
    </message>
    <message>
        <source>Needs %1: the SQL user &quot;%2&quot; lacks these privileges.</source>
        <translation>Benötigt %1: dem SQL-Nutzer „%2“ fehlen diese Rechte.</translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Fahrten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Aktionscodes</translation>
    </message>
    <message>
        <source>Location history</source>
        <translation>Standortverlauf</translation>
    </message>
    <message>
        <source>User promo codes</source>
        <translation>Aktionscodes der Nutzer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Rider</source>
        <translation>Fahrer</translation>
    </message>
    <message>
        <source>Vehicle city</source>
        <translation>Stadt des Fahrzeugs</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Kreditkarte</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Fahrt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Eingelöst</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendungen</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>  (%1 attempts)</source>
        <translation>  (%1 Versuche)</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Anweisung</translation>
    </message>
    <message>
        <source>%1 statements</source>
        <translation>%1 Anweisungen</translation>
    </message>
    <message>
        <source>Attempt 1 (retry error injected)</source>
        <translation>Versuch 1 (Wiederholungsfehler eingeschleust)</translation>
    </message>
    <message>
        <source>Attempt 1</source>
        <translation>Versuch 1</translation>
    </message>
    <message>
        <source>Attempt %1 (retry)</source>
        <translation>Versuch %1 (Wiederholung)</translation>
    </message>
    <message>
        <source>Attempt %1 — retry after: %2</source>
        <translation>Versuch %1 — Wiederholung nach: %2</translation>
    </message>
    <message>
        <source>[injected] %1</source>
        <translation>[eingeschleust] %1</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>Festgeschrieben.</translation>
    </message>
    <message>
        <source>Refused; nothing was written.</source>
        <translation>Abgelehnt; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Refused; nothing was written: %1</source>
        <translation>Abgelehnt; nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unknown whether it committed.</source>
        <translation>Unbekannt, ob festgeschrieben wurde.</translation>
    </message>
    <message>
        <source>Unknown whether it committed: %1</source>
        <translation>Unbekannt, ob festgeschrieben wurde: %1</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Nicht gesendet.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent: an earlier statement in the same pipeline failed, so the server skipped this one.</source>
        <translation>Nicht gesendet: Eine frühere Anweisung in derselben Pipeline ist fehlgeschlagen, daher hat der Server diese übersprungen.</translation>
    </message>
    <message>
        <source>[not sent] %1</source>
        <translation>[nicht gesendet] %1</translation>
    </message>
</context>
<context>
    <name>TransactionRunner</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>no reply from the server in time; connection closed</source>
        <translation>keine rechtzeitige Antwort vom Server; Verbindung geschlossen</translation>
    </message>
    <message>
        <source>not executed: an earlier statement in the pipeline failed</source>
        <translation>nicht ausgeführt: eine frühere Anweisung in der Pipeline ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>no reply: %1</source>
        <translation>keine Antwort: %1</translation>
    </message>
    <message>
        <source>the transaction did not commit</source>
        <translation>die Transaktion wurde nicht festgeschrieben</translation>
    </message>
    <message>
        <source>no way to check whether it committed</source>
        <translation>keine Möglichkeit zu prüfen, ob sie festgeschrieben wurde</translation>
    </message>
    <message>
        <source>cannot reconnect to check: %1</source>
        <translation>erneute Verbindung zur Prüfung nicht möglich: %1</translation>
    </message>
    <message>
        <source>the old session is still running on the server</source>
        <translation>die alte Sitzung läuft noch auf dem Server</translation>
    </message>
    <message>
        <source>the check failed: %1</source>
        <translation>die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the transaction is empty</source>
        <translation>die Transaktion ist leer</translation>
    </message>
    <message>
        <source>ambiguous commit</source>
        <translation>ungewisses Commit</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>nach %1 Versuchen aufgegeben</translation>
    </message>
    <message>
        <source>deadline passed after %1 attempts</source>
        <translation>Frist nach %1 Versuchen abgelaufen</translation>
    </message>
    <message>
        <source>the connection was lost during the check</source>
        <translation>die Verbindung ging während der Prüfung verloren</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>TutorialOperations</name>
    <message>
        <source>Read vehicles</source>
        <translation>Fahrzeuge lesen</translation>
    </message>
    <message>
        <source>Start ride</source>
        <translation>Fahrt starten</translation>
    </message>
    <message>
        <source>There is no such vehicle in %1.</source>
        <translation>In %1 gibt es kein solches Fahrzeug.</translation>
    </message>
    <message>
        <source>End ride</source>
        <translation>Fahrt beenden</translation>
    </message>
    <message>
        <source>There is no such ride in %1.</source>
        <translation>In %1 gibt es keine solche Fahrt.</translation>
    </message>
    <message>
        <source>The ride already ended.</source>
        <translation>Die Fahrt ist bereits beendet.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Fahrzeug hinzufügen</translation>
    </message>
    <message>
        <source>The owner is not a user in %1.</source>
        <translation>Der Besitzer ist kein Benutzer in %1.</translation>
    </message>
    <message>
        <source>Apply promo code</source>
        <translation>Promo-Code anwenden</translation>
    </message>
    <message>
        <source>The promo code does not exist or has expired.</source>
        <translation>Der Promo-Code existiert nicht oder ist abgelaufen.</translation>
    </message>
    <message>
        <source>The user already has this promo code.</source>
        <translation>Der Benutzer hat diesen Promo-Code bereits.</translation>
    </message>
    <message>
        <source>Create promo code</source>
        <translation>Promo-Code erstellen</translation>
    </message>
    <message>
        <source>Record vehicle location</source>
        <translation>Fahrzeugstandort erfassen</translation>
    </message>
    <message>
        <source>The ride is not active.</source>
        <translation>Die Fahrt ist nicht aktiv.</translation>
    </message>
</context>
<context>
    <name>TutorialRunner</name>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Die Verbindung wurde unterbrochen.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation>Nutzer-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>First Last</source>
        <translation>Vorname Nachname</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>C&amp;redit card:</source>
        <translation>&amp;Kreditkarte:</translation>
    </message>
    <message>
        <source>10 to 19 digits, or empty</source>
        <translation>10 bis 19 Ziffern oder leer</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Nutzer hinzufügen</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Nutzer bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the card number in full</source>
        <translation>Die Kartennummer vollständig anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Find a user in %1</source>
        <translation>Einen Nutzer in %1 suchen</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The user id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die Benutzer-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rider id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die Fahrgast-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The vehicle id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die Fahrzeug-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A vehicle id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Eine Fahrzeug-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The ride id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die Fahrt-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The owner id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die Besitzer-ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Die ID ist keine gültige UUID: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The city is missing.</source>
        <translation>Die Stadt fehlt.</translation>
    </message>
    <message>
        <source>The city &quot;%1&quot; is not a MovR city (expected one of: %2).</source>
        <translation>Die Stadt &quot;%1&quot; ist keine MovR-Stadt (erwartet wird eine von: %2).</translation>
    </message>
    <message>
        <source>The vehicle status &quot;%1&quot; is unknown (expected one of: %2).</source>
        <translation>Der Fahrzeugstatus &quot;%1&quot; ist unbekannt (erwartet wird einer von: %2).</translation>
    </message>
    <message>
        <source>A vehicle becomes in_use by starting a ride, not by setting its status.</source>
        <translation>Ein Fahrzeug wird durch das Starten einer Fahrt in_use, nicht durch das Setzen seines Status.</translation>
    </message>
    <message>
        <source>Use &quot;retire vehicle&quot; to retire a vehicle.</source>
        <translation>Verwenden Sie &quot;retire vehicle&quot;, um ein Fahrzeug außer Betrieb zu nehmen.</translation>
    </message>
    <message>
        <source>The vehicle type &quot;%1&quot; is unknown (expected one of: %2).</source>
        <translation>Der Fahrzeugtyp &quot;%1&quot; ist unbekannt (erwartet wird einer von: %2).</translation>
    </message>
    <message>
        <source>The revenue is missing.</source>
        <translation>Der Umsatz fehlt.</translation>
    </message>
    <message>
        <source>The revenue must not be negative: %1.</source>
        <translation>Der Umsatz darf nicht negativ sein: %1.</translation>
    </message>
    <message>
        <source>The revenue has more than two decimals: %1.</source>
        <translation>Der Umsatz hat mehr als zwei Nachkommastellen: %1.</translation>
    </message>
    <message>
        <source>The revenue is not an amount like 12.50: &quot;%1&quot;.</source>
        <translation>Der Umsatz ist kein Betrag wie 12.50: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rules are longer than %1 characters.</source>
        <translation>Die Regeln sind länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The ext column is longer than %1 characters.</source>
        <translation>Die Spalte ext ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The rules are not valid JSON: %1 at character %2.</source>
        <translation>Die Regeln sind kein gültiges JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The ext column is not valid JSON: %1 at character %2.</source>
        <translation>Die Spalte ext ist kein gültiges JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>The rules must be a JSON object like {&quot;type&quot;: &quot;percent_discount&quot;}.</source>
        <translation>Die Regeln müssen ein JSON-Objekt wie {&quot;type&quot;: &quot;percent_discount&quot;} sein.</translation>
    </message>
    <message>
        <source>The ext column must be a JSON object like {&quot;color&quot;: &quot;red&quot;}.</source>
        <translation>Die Spalte ext muss ein JSON-Objekt wie {&quot;color&quot;: &quot;red&quot;} sein.</translation>
    </message>
    <message>
        <source>The credit card number must be 10 to 19 digits, nothing else.</source>
        <translation>Die Kreditkartennummer muss aus 10 bis 19 Ziffern bestehen, sonst nichts.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Der Name ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The name contains control characters (line breaks, tabs...).</source>
        <translation>Der Name enthält Steuerzeichen (Zeilenumbrüche, Tabulatoren...).</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>Die Adresse ist leer.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>Die Adresse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The address contains control characters (line breaks, tabs...).</source>
        <translation>Die Adresse enthält Steuerzeichen (Zeilenumbrüche, Tabulatoren...).</translation>
    </message>
    <message>
        <source>The location is empty.</source>
        <translation>Der Standort ist leer.</translation>
    </message>
    <message>
        <source>The location is longer than %1 characters.</source>
        <translation>Der Standort ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The location contains control characters (line breaks, tabs...).</source>
        <translation>Der Standort enthält Steuerzeichen (Zeilenumbrüche, Tabulatoren...).</translation>
    </message>
    <message>
        <source>The start address is empty.</source>
        <translation>Die Startadresse ist leer.</translation>
    </message>
    <message>
        <source>The start address is longer than %1 characters.</source>
        <translation>Die Startadresse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The start address contains control characters (line breaks, tabs...).</source>
        <translation>Die Startadresse enthält Steuerzeichen (Zeilenumbrüche, Tabulatoren...).</translation>
    </message>
    <message>
        <source>The end address is empty.</source>
        <translation>Die Zieladresse ist leer.</translation>
    </message>
    <message>
        <source>The end address is longer than %1 characters.</source>
        <translation>Die Zieladresse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The end address contains control characters (line breaks, tabs...).</source>
        <translation>Die Zieladresse enthält Steuerzeichen (Zeilenumbrüche, Tabulatoren...).</translation>
    </message>
    <message>
        <source>The promo code is empty.</source>
        <translation>Der Promo-Code ist leer.</translation>
    </message>
    <message>
        <source>The promo code is longer than %1 characters.</source>
        <translation>Der Promo-Code ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The promo code may contain only letters, digits, &apos;_&apos; and &apos;-&apos;: &quot;%1&quot;.</source>
        <translation>Der Promo-Code darf nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The creation time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Der Erstellungszeitpunkt ist kein Zeitstempel wie 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The expiration time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Der Ablaufzeitpunkt ist kein Zeitstempel wie 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Der Zeitpunkt ist kein Zeitstempel wie 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The latitude must be between -90 and 90.</source>
        <translation>Der Breitengrad muss zwischen -90 und 90 liegen.</translation>
    </message>
    <message>
        <source>The longitude must be between -180 and 180.</source>
        <translation>Der Längengrad muss zwischen -180 und 180 liegen.</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>Vehicle</source>
        <translation>Fahrzeug</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>Vehicle &amp;id:</source>
        <translation>Fahrzeug-&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>&amp;Owner (user id):</source>
        <translation>&amp;Besitzer (Nutzer-ID):</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID eines Nutzers dieser Stadt</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>Stand&amp;ort:</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>Straße und Hausnummer</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Marke:</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Fahrzeug hinzufügen</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>Fahrzeug bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find the owner by name among the users of this city</source>
        <translation>Den Besitzer unter den Nutzern dieser Stadt nach Namen suchen</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Colo&amp;r:</source>
        <translation>&amp;Farbe:</translation>
    </message>
</context>
<context>
    <name>VehicleStatusDialog</name>
    <message>
        <source>Set vehicle status</source>
        <translation>Fahrzeugstatus setzen</translation>
    </message>
    <message>
        <source>Vehicles:</source>
        <translation>Fahrzeuge:</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>&amp;Neuer Status:</translation>
    </message>
    <message numerus="yes">
        <source>%n vehicle(s) in %1</source>
        <translation>
            <numerusform>%n Fahrzeug in %1</numerusform>
            <numerusform>%n Fahrzeuge in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Welcome to MovR Admin&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Willkommen bei MovR Admin&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Start a local demo database</source>
        <translation>Eine lokale Demo-Datenbank starten</translation>
    </message>
    <message>
        <source>A private PostgreSQL with generated MovR data, removed when you quit. Nothing to set up.</source>
        <translation>Ein privates PostgreSQL mit erzeugten MovR-Daten, das beim Beenden entfernt wird. Nichts einzurichten.</translation>
    </message>
    <message>
        <source>Connect to a cluster…</source>
        <translation>Mit einem Cluster verbinden…</translation>
    </message>
    <message>
        <source>CockroachDB (secure or insecure) or PostgreSQL, by URL or by fields, with certificates.</source>
        <translation>CockroachDB (sicher oder unsicher) oder PostgreSQL, per URL oder über Felder, mit Zertifikaten.</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Letzte Verbindungen</translation>
    </message>
</context>
<context>
    <name>WorkerBase</name>
    <message>
        <source>the worker is shutting down</source>
        <translation>der Worker wird beendet</translation>
    </message>
    <message>
        <source>superseded by a newer request</source>
        <translation>durch eine neuere Anfrage ersetzt</translation>
    </message>
    <message>
        <source>the connection was lost %1 times while running this request; giving up</source>
        <translation>die Verbindung ging während dieser Anfrage %1-mal verloren; Abbruch</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
</context>
<context>
    <name>WorkloadCheck</name>
    <message>
        <source>No vehicle is in two active rides at once.</source>
        <translation>Kein Fahrzeug ist gleichzeitig in zwei aktiven Fahrten.</translation>
    </message>
    <message>
        <source>A vehicle is in use exactly when it has an active ride, and a lost or retired vehicle has no active ride.</source>
        <translation>Ein Fahrzeug ist genau dann in Benutzung, wenn es eine aktive Fahrt hat, und ein verlorenes oder außer Betrieb genommenes Fahrzeug hat keine aktive Fahrt.</translation>
    </message>
    <message>
        <source>Every ride&apos;s rider is a user of the ride&apos;s city and its vehicle a vehicle of the same city.</source>
        <translation>Der Fahrgast jeder Fahrt ist ein Benutzer der Stadt der Fahrt und ihr Fahrzeug ein Fahrzeug derselben Stadt.</translation>
    </message>
    <message>
        <source>No ride ends before it starts.</source>
        <translation>Keine Fahrt endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>No ride has a negative revenue.</source>
        <translation>Keine Fahrt hat einen negativen Umsatz.</translation>
    </message>
    <message>
        <source>Every promo code a user holds exists, belongs to a user of that city, was applied while it was valid and has a usage count that is not negative.</source>
        <translation>Jeder Promo-Code, den ein Benutzer besitzt, existiert, gehört zu einem Benutzer dieser Stadt, wurde angewendet, während er gültig war, und hat einen nicht negativen Nutzungszähler.</translation>
    </message>
    <message>
        <source>The check cannot run inside an open transaction.</source>
        <translation>Die Prüfung kann nicht innerhalb einer offenen Transaktion ausgeführt werden.</translation>
    </message>
    <message>
        <source>ERROR %1: %2 The check could not run: %3</source>
        <translation>ERROR %1: %2 Die Prüfung konnte nicht ausgeführt werden: %3</translation>
    </message>
    <message>
        <source>PASS  %1: %2</source>
        <translation>PASS  %1: %2</translation>
    </message>
    <message>
        <source>FAIL  %1: %2</source>
        <translation>FAIL  %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) break it; the first %1 are shown.</source>
        <translation>
            <numerusform>%n Zeile verletzt sie; die ersten %1 werden angezeigt.</numerusform>
            <numerusform>%n Zeilen verletzen sie; die ersten %1 werden angezeigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) break it.</source>
        <translation>
            <numerusform>%n Zeile verletzt sie.</numerusform>
            <numerusform>%n Zeilen verletzen sie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n invariant(s) hold.</source>
        <translation>
            <numerusform>Die %n Invariante gilt.</numerusform>
            <numerusform>Alle %n Invarianten gelten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n invariant(s) do not hold.</source>
        <translation>
            <numerusform>%1 von %n Invariante gilt nicht.</numerusform>
            <numerusform>%1 von %n Invarianten gelten nicht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadCli</name>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Verbindung zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Die Prüfung konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>Die Signal-Handler können nicht installiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Running the %1 mix with %n session(s) on %2 (seed %3); Ctrl+C stops.</source>
        <translation>
            <numerusform>Der %1-Mix läuft mit %n Sitzung auf %2 (Seed %3); Strg+C hält ihn an.</numerusform>
            <numerusform>Der %1-Mix läuft mit %n Sitzungen auf %2 (Seed %3); Strg+C hält ihn an.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run stopped on an unexpected error: %1</source>
        <translation>Der Lauf wurde durch einen unerwarteten Fehler angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>The run had %n unexpected error(s).</source>
        <translation>
            <numerusform>Beim Lauf trat %n unerwarteter Fehler auf.</numerusform>
            <numerusform>Beim Lauf traten %n unerwartete Fehler auf.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadDock</name>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Running the %1 mix (seed %2).</source>
        <translation>Der %1-Mix läuft (Seed %2).</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <source>Canonical (95% reads, like cockroach workload)</source>
        <translation>Kanonisch (95% Lesezugriffe, wie cockroach workload)</translation>
    </message>
    <message>
        <source>Steady (starts and ends balanced)</source>
        <translation>Gleichmäßig (Beginn und Ende ausgeglichen)</translation>
    </message>
    <message>
        <source>Writes only</source>
        <translation>Nur Schreibzugriffe</translation>
    </message>
    <message>
        <source>&amp;Mix:</source>
        <translation>&amp;Mix:</translation>
    </message>
    <message>
        <source> ops/s</source>
        <translation> ops/s</translation>
    </message>
    <message>
        <source>The operations per second over all sessions; it can change while the workload runs.</source>
        <translation>Die Operationen pro Sekunde über alle Sitzungen; der Wert kann geändert werden, während der Workload läuft.</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>Sessions, each with its own connection to the server.</source>
        <translation>Sitzungen, jede mit eigener Verbindung zum Server.</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Nebenläufigkeit:</translation>
    </message>
    <message>
        <source>None: writes spread over all cities</source>
        <translation>Keine: Schreibzugriffe über alle Städte verteilt</translation>
    </message>
    <message>
        <source>Concentrates most writes on a few vehicles of one city, so that transactions conflict and retry.</source>
        <translation>Konzentriert die meisten Schreibzugriffe auf wenige Fahrzeuge einer Stadt, sodass Transaktionen in Konflikt geraten und wiederholt werden.</translation>
    </message>
    <message>
        <source>&amp;Hot city:</source>
        <translation>&amp;Hotspot-Stadt:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>ops/s</source>
        <translation>ops/s</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <source>p50 (ms)</source>
        <translation>p50 (ms)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <source>p99 (ms)</source>
        <translation>p99 (ms)</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alle Operationen</translation>
    </message>
    <message>
        <source>retries/s</source>
        <translation>Wiederholungen/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation>Verbinden Sie sich zuerst mit einer Datenbank.</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Datenbank wird geprüft…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>Stopped by an unexpected error: %1</source>
        <translation>Durch einen unerwarteten Fehler angehalten: %1</translation>
    </message>
    <message>
        <source>%1: %2 retries</source>
        <translation>%1: %2 Wiederholungen</translation>
    </message>
    <message>
        <source>Latest unexpected error: %1</source>
        <translation>Letzter unerwarteter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>WorkloadEngine</name>
    <message>
        <source>The rate must be a positive number of operations per second (or 0 for no limit).</source>
        <translation>Die Rate muss eine positive Anzahl von Operationen pro Sekunde sein (oder 0 für keine Begrenzung).</translation>
    </message>
    <message>
        <source>The concurrency must be at least one session.</source>
        <translation>Die Nebenläufigkeit muss mindestens eine Sitzung betragen.</translation>
    </message>
    <message>
        <source>The concurrency must be at most 10000 sessions.</source>
        <translation>Die Nebenläufigkeit darf höchstens 10000 Sitzungen betragen.</translation>
    </message>
    <message>
        <source>The duration must not be negative.</source>
        <translation>Die Dauer darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The maximum number of operations must not be negative.</source>
        <translation>Die maximale Anzahl von Operationen darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The ramp must not be negative.</source>
        <translation>Die Anlaufzeit darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The hot fraction must be between 0 and 1.</source>
        <translation>Der Hotspot-Anteil muss zwischen 0 und 1 liegen.</translation>
    </message>
    <message>
        <source>The hot city needs at least one vehicle to ride.</source>
        <translation>Die Hotspot-Stadt benötigt mindestens ein Fahrzeug für Fahrten.</translation>
    </message>
    <message>
        <source>There is no MovR city named &quot;%1&quot;.</source>
        <translation>Es gibt keine MovR-Stadt namens &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A transaction needs at least one attempt.</source>
        <translation>Eine Transaktion benötigt mindestens einen Versuch.</translation>
    </message>
    <message>
        <source>The server accepts only %1 more connections, fewer than the %2 sessions asked for.</source>
        <translation>Der Server akzeptiert nur noch %1 Verbindungen, weniger als die %2 angeforderten Sitzungen.</translation>
    </message>
    <message>
        <source>The hot city &quot;%1&quot; has no vehicles.</source>
        <translation>Die Hotspot-Stadt &quot;%1&quot; hat keine Fahrzeuge.</translation>
    </message>
</context>
<context>
    <name>WorkloadReport</name>
    <message>
        <source>Retries by SQLSTATE: %1.</source>
        <translation>Wiederholungen nach SQLSTATE: %1.</translation>
    </message>
    <message>
        <source>Ambiguous commits: %1 (%2 committed, %3 not committed, %4 unknown).</source>
        <translation>Mehrdeutige Commits: %1 (%2 festgeschrieben, %3 nicht festgeschrieben, %4 unbekannt).</translation>
    </message>
</context>
<context>
    <name>WorkloadSession</name>
    <message>
        <source>The transaction did not commit.</source>
        <translation>Die Transaktion wurde nicht festgeschrieben.</translation>
    </message>
    <message>
        <source>%1 The commit could not be decided; check with: %2</source>
        <translation>%1 Ob der Commit erfolgt ist, ließ sich nicht feststellen; prüfen Sie mit: %2</translation>
    </message>
    <message>
        <source>Session %1 could not connect: %2</source>
        <translation>Sitzung %1 konnte keine Verbindung herstellen: %2</translation>
    </message>
    <message>
        <source>The workload stopped at an unexpected error in %1: %2</source>
        <translation>Der Workload wurde bei einem unerwarteten Fehler in %1 angehalten: %2</translation>
    </message>
    <message>
        <source>The workload is stopping.</source>
        <translation>Der Workload wird angehalten.</translation>
    </message>
    <message>
        <source>Unknown workload operation.</source>
        <translation>Unbekannte Workload-Operation.</translation>
    </message>
    <message>
        <source>Read vehicles</source>
        <translation>Fahrzeuge lesen</translation>
    </message>
    <message>
        <source>No rider or no available vehicle in %1.</source>
        <translation>Kein Fahrgast oder kein verfügbares Fahrzeug in %1.</translation>
    </message>
    <message>
        <source>No active ride to end in %1.</source>
        <translation>Keine aktive Fahrt zum Beenden in %1.</translation>
    </message>
    <message>
        <source>No user in %1 to own a vehicle.</source>
        <translation>Kein Benutzer in %1, der ein Fahrzeug besitzen könnte.</translation>
    </message>
    <message>
        <source>No user in %1 or no valid promo code.</source>
        <translation>Kein Benutzer in %1 oder kein gültiger Promo-Code.</translation>
    </message>
    <message>
        <source>Created by the MovR workload.</source>
        <translation>Vom MovR-Workload erstellt.</translation>
    </message>
</context>
</TS>
