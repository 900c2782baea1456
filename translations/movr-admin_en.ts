<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message numerus="yes">
        <source>%n field(s) in italics show your pending changes, not applied yet: saving applies them.</source>
        <translation>
            <numerusform>%n field in italics shows your pending change, not applied yet: saving applies it.</numerusform>
            <numerusform>%n fields in italics show your pending changes, not applied yet: saving applies them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AsOfTime</name>
    <message numerus="yes">
        <source>The server no longer keeps this data from that far back: it keeps a table&apos;s history for %n minute(s). Choose a later time.</source>
        <translation>
            <numerusform>The server no longer keeps this data from that far back: it keeps a table&apos;s history for %n minute. Choose a later time.</numerusform>
            <numerusform>The server no longer keeps this data from that far back: it keeps a table&apos;s history for %n minutes. Choose a later time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BrowseWorker</name>
    <message numerus="yes">
        <source>The search stopped after %n seconds without reading every row: this text is searched in all cities without an index. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>The search stopped after %n second without reading every row: this text is searched in all cities without an index. Choose a city, or create the index named beside the search.</numerusform>
            <numerusform>The search stopped after %n seconds without reading every row: this text is searched in all cities without an index. Choose a city, or create the index named beside the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sort stopped after %n seconds without reading every row: in all cities, this column is sorted by reading the whole table. Choose a city to sort it quickly.</source>
        <translation>
            <numerusform>The sort stopped after %n second without reading every row: in all cities, this column is sorted by reading the whole table. Choose a city to sort it quickly.</numerusform>
            <numerusform>The sort stopped after %n seconds without reading every row: in all cities, this column is sorted by reading the whole table. Choose a city to sort it quickly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filter stopped after %n seconds without reading every row: in all cities, no index answers it. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>The filter stopped after %n second without reading every row: in all cities, no index answers it. Choose a city, or create the index named beside the search.</numerusform>
            <numerusform>The filter stopped after %n seconds without reading every row: in all cities, no index answers it. Choose a city, or create the index named beside the search.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message numerus="yes">
        <source>Live: polling every %n s</source>
        <translation>
            <numerusform>Live: polling every %n s</numerusform>
            <numerusform>Live: polling every %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message numerus="yes">
        <source>Appl&amp;y %n change(s)</source>
        <translation>
            <numerusform>Appl&amp;y %n change</numerusform>
            <numerusform>Appl&amp;y %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made earlier on %1 were not applied (the application or the connection ended first). They are shown marked in the tables.</source>
        <translation>
            <numerusform>%n change made earlier on %1 was not applied (the application or the connection ended first). It is shown marked in the tables.</numerusform>
            <numerusform>%n changes made earlier on %1 were not applied (the application or the connection ended first). They are shown marked in the tables.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s): Ctrl+S applies them in one transaction.</source>
        <translation>
            <numerusform>%n pending change: Ctrl+S applies it in one transaction.</numerusform>
            <numerusform>%n pending changes: Ctrl+S applies them in one transaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LocationTrailPlot</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) have not been applied.</source>
        <translation>
            <numerusform>%n change has not been applied.</numerusform>
            <numerusform>%n changes have not been applied.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not connected: %n request(s) wait and are sent when the connection is back.</source>
        <translation>
            <numerusform>Not connected: %n request waits and is sent when the connection is back.</numerusform>
            <numerusform>Not connected: %n requests wait and are sent when the connection is back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewRowsBar</name>
    <message numerus="yes">
        <source>%n new vehicle(s)</source>
        <translation>
            <numerusform>%n new vehicle</numerusform>
            <numerusform>%n new vehicles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ride(s)</source>
        <translation>
            <numerusform>%n new ride</numerusform>
            <numerusform>%n new rides</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new user(s)</source>
        <translation>
            <numerusform>%n new user</numerusform>
            <numerusform>%n new users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s)</source>
        <translation>
            <numerusform>%n new promo code</numerusform>
            <numerusform>%n new promo codes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s) held</source>
        <translation>
            <numerusform>%n new promo code held</numerusform>
            <numerusform>%n new promo codes held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new location(s)</source>
        <translation>
            <numerusform>%n new location</numerusform>
            <numerusform>%n new locations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n new row</numerusform>
            <numerusform>%n new rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PgStream</name>
    <message numerus="yes">
        <source>The server did not answer within %n seconds.</source>
        <translation>
            <numerusform>The server did not answer within %n second.</numerusform>
            <numerusform>The server did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loaded, more as you scroll</source>
        <translation>
            <numerusform>%n loaded, more as you scroll</numerusform>
            <numerusform>%n loaded, more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loaded of about %1 in the table</source>
        <translation>
            <numerusform>%n loaded of about %1 in the table</numerusform>
            <numerusform>%n loaded of about %1 in the table</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VehicleStatusDialog</name>
    <message numerus="yes">
        <source>%n vehicle(s) in %1</source>
        <translation>
            <numerusform>%n vehicle in %1</numerusform>
            <numerusform>%n vehicles in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadCheck</name>
    <message numerus="yes">
        <source>%n row(s) break it; the first %1 are shown.</source>
        <translation>
            <numerusform>%n row breaks it; the first %1 are shown.</numerusform>
            <numerusform>%n rows break it; the first %1 are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) break it.</source>
        <translation>
            <numerusform>%n row breaks it.</numerusform>
            <numerusform>%n rows break it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n invariant(s) hold.</source>
        <translation>
            <numerusform>The %n invariant holds.</numerusform>
            <numerusform>All %n invariants hold.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n invariant(s) do not hold.</source>
        <translation>
            <numerusform>%1 of %n invariant does not hold.</numerusform>
            <numerusform>%1 of %n invariants do not hold.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadCli</name>
    <message numerus="yes">
        <source>Running the %1 mix with %n session(s) on %2 (seed %3); Ctrl+C stops.</source>
        <translation>
            <numerusform>Running the %1 mix with %n session on %2 (seed %3); Ctrl+C stops.</numerusform>
            <numerusform>Running the %1 mix with %n sessions on %2 (seed %3); Ctrl+C stops.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The run had %n unexpected error(s).</source>
        <translation>
            <numerusform>The run had %n unexpected error.</numerusform>
            <numerusform>The run had %n unexpected errors.</numerusform>
        </translation>
    </message>
</context>
</TS>
