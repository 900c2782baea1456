<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Server: %1 (%2)</translation>
    </message>
    <message>
        <source>Server: not connected</source>
        <translation>Server: tidak terhubung</translation>
    </message>
    <message>
        <source>About MovR Admin</source>
        <translation>Tentang MovR Admin</translation>
    </message>
    <message>
        <source>&lt;h2&gt;MovR Admin&lt;/h2&gt;&lt;p&gt;Manage the vehicles, rides, users and promo codes of MovR on CockroachDB or PostgreSQL, and see every statement sent.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;MovR Admin&lt;/h2&gt;&lt;p&gt;Kelola kendaraan, perjalanan, pengguna, dan kode promo MovR di CockroachDB atau PostgreSQL, dan lihat setiap pernyataan yang dikirim.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>&amp;Salin versi</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Sending to the database…</source>
        <translation>Mengirim ke basis data…</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) in italics show your pending changes, not applied yet: saving applies them.</source>
        <translation>
            <numerusform>%n kolom bercetak miring menunjukkan perubahan Anda yang belum diterapkan: menyimpan akan menerapkannya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Cari…</translation>
    </message>
</context>
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Ikuti &amp;sistem</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>Te&amp;rang</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Gelap</translation>
    </message>
</context>
<context>
    <name>ApplyPromoCodeDialog</name>
    <message>
        <source>Apply promo code</source>
        <translation>Terapkan kode promo</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>ID &amp;pengguna:</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID pengguna di kota ini</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>K&amp;ode:</translation>
    </message>
</context>
<context>
    <name>AsOfBar</name>
    <message>
        <source>As of</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Show this row and its relations as they were at this time (AS OF SYSTEM TIME)</source>
        <translation>Tampilkan baris ini dan relasinya seperti pada waktu ini (AS OF SYSTEM TIME)</translation>
    </message>
    <message>
        <source>Details: as of (GC window)</source>
        <translation>Detail: per waktu (jendela GC)</translation>
    </message>
</context>
<context>
    <name>AsOfTime</name>
    <message numerus="yes">
        <source>The server no longer keeps this data from that far back: it keeps a table&apos;s history for %n minute(s). Choose a later time.</source>
        <translation>
            <numerusform>Server tidak lagi menyimpan data sejauh itu: server menyimpan riwayat tabel selama %n menit. Pilih waktu yang lebih akhir.</numerusform>
        </translation>
    </message>
    <message>
        <source>That time is still in the future for the server (its clock may differ from this computer&apos;s). Choose an earlier time.</source>
        <translation>Waktu itu masih di masa depan bagi server (jamnya mungkin berbeda dari jam komputer ini). Pilih waktu yang lebih awal.</translation>
    </message>
    <message>
        <source>The table did not exist yet at that time. Choose a later time.</source>
        <translation>Tabel belum ada pada waktu itu. Pilih waktu yang lebih akhir.</translation>
    </message>
</context>
<context>
    <name>BrowseQuery</name>
    <message>
        <source>Unknown column %1.</source>
        <translation>Kolom %1 tidak dikenal.</translation>
    </message>
    <message>
        <source>A filter value cannot contain a NUL character.</source>
        <translation>Nilai filter tidak boleh berisi karakter NUL.</translation>
    </message>
    <message>
        <source>Search text cannot contain a NUL character.</source>
        <translation>Teks pencarian tidak boleh berisi karakter NUL.</translation>
    </message>
    <message>
        <source>Unknown sort column.</source>
        <translation>Kolom pengurutan tidak dikenal.</translation>
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
        <translation>Disamarkan: klik kanan › Tampilkan nomor kartu</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>Jelajahi %1</translation>
    </message>
    <message>
        <source>%1 (row estimate)</source>
        <translation>%1 (perkiraan baris)</translation>
    </message>
    <message>
        <source>This row was changed on the server and no longer matches the filter, or was deleted.</source>
        <translation>Baris ini diubah di server dan tidak lagi cocok dengan filter, atau telah dihapus.</translation>
    </message>
    <message>
        <source>This row was deleted on the server.</source>
        <translation>Baris ini telah dihapus di server.</translation>
    </message>
    <message>
        <source>This row no longer matches the filter.</source>
        <translation>Baris ini tidak lagi cocok dengan filter.</translation>
    </message>
</context>
<context>
    <name>BrowseWorker</name>
    <message>
        <source>Browse %1</source>
        <translation>Jelajahi %1</translation>
    </message>
    <message numerus="yes">
        <source>The search stopped after %n seconds without reading every row: this text is searched in all cities without an index. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>Pencarian berhenti setelah %n detik tanpa membaca setiap baris: teks ini dicari di semua kota tanpa indeks. Pilih kota, atau buat indeks yang disebut di samping pencarian.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read the MovR schema</source>
        <translation>Membaca skema MovR</translation>
    </message>
    <message numerus="yes">
        <source>The sort stopped after %n seconds without reading every row: in all cities, this column is sorted by reading the whole table. Choose a city to sort it quickly.</source>
        <translation>
            <numerusform>Pengurutan berhenti setelah %n detik tanpa membaca setiap baris: di semua kota, kolom ini diurutkan dengan membaca seluruh tabel. Pilih kota agar pengurutan cepat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The filter stopped after %n seconds without reading every row: in all cities, no index answers it. Choose a city, or create the index named beside the search.</source>
        <translation>
            <numerusform>Filter berhenti setelah %n detik tanpa membaca setiap baris: di semua kota, tidak ada indeks yang menjawabnya. Pilih kota, atau buat indeks yang disebut di samping pencarian.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read one row</source>
        <translation>Membaca satu baris</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Show this help.</source>
        <translation>Tampilkan bantuan ini.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Tampilkan versi.</translation>
    </message>
    <message>
        <source>Connect to this server (postgresql:// or cockroachdb:// URL, or libpq key=value string).</source>
        <translation>Hubungkan ke server ini (URL postgresql:// atau cockroachdb://, atau string libpq key=value).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>CockroachDB certificates directory (ca.crt, client.&lt;user&gt;.crt/.key).</source>
        <translation>Direktori sertifikat CockroachDB (ca.crt, client.&lt;user&gt;.crt/.key).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Start an embedded demo database (a private PostgreSQL with generated MovR data).</source>
        <translation>Jalankan basis data demo bawaan (PostgreSQL pribadi dengan data MovR yang dihasilkan).</translation>
    </message>
    <message>
        <source>Keep the demo database in DIR between runs.</source>
        <translation>Simpan basis data demo di DIR di antara setiap kali dijalankan.</translation>
    </message>
    <message>
        <source>Create the MovR schema on the server at URL, load generated data and exit.</source>
        <translation>Buat skema MovR di server pada URL, muat data yang dihasilkan, lalu keluar.</translation>
    </message>
    <message>
        <source>With --init-movr: replace existing MovR tables.</source>
        <translation>Dengan --init-movr: ganti tabel MovR yang sudah ada.</translation>
    </message>
    <message>
        <source>Seed of the data generator (default 1).</source>
        <translation>Seed pembangkit data (bawaan 1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Rows to generate (at least %1; default %2).</source>
        <translation>Jumlah baris yang dihasilkan (minimal %1; bawaan %2).</translation>
    </message>
    <message>
        <source>Connect to this server.</source>
        <translation>Hubungkan ke server ini.</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation> (lihat --help)</translation>
    </message>
    <message>
        <source>--%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation>--%1 harus bilangan bulat, bukan &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--%1 must be at least %2 (one row per city), not %3.</source>
        <translation>--%1 minimal harus %2 (satu baris per kota), bukan %3.</translation>
    </message>
    <message>
        <source>--%1 must be at most 1000000000, not %2.</source>
        <translation>--%1 maksimal 1000000000, bukan %2.</translation>
    </message>
    <message>
        <source>--seed must be a non-negative whole number, not &quot;%1&quot;.</source>
        <translation>--seed harus bilangan bulat tidak negatif, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Too many arguments: give at most one URL (see --help).</source>
        <translation>Terlalu banyak argumen: berikan paling banyak satu URL (lihat --help).</translation>
    </message>
    <message>
        <source>Give the URL either as an argument or with --url, not both.</source>
        <translation>Berikan URL sebagai argumen atau dengan --url, jangan keduanya.</translation>
    </message>
    <message>
        <source>--init-movr needs a URL.</source>
        <translation>--init-movr memerlukan URL.</translation>
    </message>
    <message>
        <source>--demo cannot be combined with a URL.</source>
        <translation>--demo tidak dapat digabung dengan URL.</translation>
    </message>
    <message>
        <source>--drop is only meaningful with --init-movr.</source>
        <translation>--drop hanya bermakna bersama --init-movr.</translation>
    </message>
    <message>
        <source>--certs-dir needs a URL to connect to.</source>
        <translation>--certs-dir memerlukan URL untuk dihubungi.</translation>
    </message>
    <message>
        <source>Administer CockroachDB&apos;s MovR sample database (also on PostgreSQL).
With no URL, no DATABASE_URL and no option, opens a welcome page that starts a demo database or connects to a cluster; --demo starts the demo at once.</source>
        <translation>Mengelola basis data contoh MovR milik CockroachDB (juga di PostgreSQL).
Tanpa URL, tanpa DATABASE_URL, dan tanpa opsi, membuka halaman sambutan yang memulai basis data demo atau menyambung ke klaster; --demo langsung memulai demo.</translation>
    </message>
    <message>
        <source>Serve the demo like a secure cluster: TLS only, the user authenticated by a client certificate made in the demo&apos;s certs folder (ca.crt, client.&lt;user&gt;.crt/.key), no password.</source>
        <translation>Jalankan demo seperti klaster aman: hanya TLS, pengguna diautentikasi dengan sertifikat klien yang dibuat di folder sertifikat demo (ca.crt, client.&lt;user&gt;.crt/.key), tanpa kata sandi.</translation>
    </message>
    <message>
        <source>--init-movr cannot be combined with --demo, --demo-dir, --demo-secure or a URL.</source>
        <translation>--init-movr tidak dapat digabung dengan --demo, --demo-dir, --demo-secure, atau URL.</translation>
    </message>
    <message>
        <source>With --init-movr: create the multi-region MovR schema, as cockroach workload init movr --multi-region does.</source>
        <translation>Dengan --init-movr: buat skema MovR multi-region, seperti yang dilakukan cockroach workload init movr --multi-region.</translation>
    </message>
    <message>
        <source>--multi-region is only meaningful with --init-movr.</source>
        <translation>--multi-region hanya bermakna bersama --init-movr.</translation>
    </message>
    <message>
        <source>With --demo: run the MovR workload (the steady mix) on the demo at RATE operations per second (--with-load alone: %1).</source>
        <translation>Dengan --demo: jalankan beban kerja MovR (campuran steady) pada demo dengan LAJU operasi per detik (hanya --with-load: %1).</translation>
    </message>
    <message>
        <source>RATE</source>
        <translation>LAJU</translation>
    </message>
    <message>
        <source>workload run URL [flags] runs the MovR workload, workload check URL checks the MovR invariants, with no window (see workload --help).</source>
        <translation>workload run URL [flags] menjalankan beban kerja MovR, workload check URL memeriksa invarian MovR, tanpa jendela (lihat workload --help).</translation>
    </message>
    <message>
        <source>--with-load is only meaningful with --demo.</source>
        <translation>--with-load hanya bermakna bersama --demo.</translation>
    </message>
    <message>
        <source>--with-load must be a number of operations per second above 0, not &quot;%1&quot;.</source>
        <translation>--with-load harus berupa jumlah operasi per detik di atas 0, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Run the MovR workload against a server through this application&apos;s retrying transactions (workload run), or check the MovR invariants (workload check).</source>
        <translation>Jalankan beban kerja MovR terhadap server melalui transaksi dengan percobaan ulang milik aplikasi ini (workload run), atau periksa invarian MovR (workload check).</translation>
    </message>
    <message>
        <source>The operation mix: canonical (as cockroach workload run movr), steady (starts and ends of rides balanced) or writes (no reads). Default canonical.</source>
        <translation>Campuran operasi: canonical (seperti cockroach workload run movr), steady (awal dan akhir perjalanan seimbang) atau writes (tanpa pembacaan). Bawaan: canonical.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAMA</translation>
    </message>
    <message>
        <source>Sessions, each with its own connection (default 2).</source>
        <translation>Sesi, masing-masing dengan koneksinya sendiri (bawaan 2).</translation>
    </message>
    <message>
        <source>Operations per second over all sessions (default: no limit).</source>
        <translation>Operasi per detik untuk semua sesi (bawaan: tanpa batas).</translation>
    </message>
    <message>
        <source>How long to run, for example 30s, 2m or 1h30m (default: until Ctrl+C).</source>
        <translation>Berapa lama dijalankan, misalnya 30s, 2m atau 1h30m (bawaan: sampai Ctrl+C).</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURASI</translation>
    </message>
    <message>
        <source>Stop after this many operations.</source>
        <translation>Berhenti setelah sejumlah operasi ini.</translation>
    </message>
    <message>
        <source>Raise the rate linearly to --max-rate over this time.</source>
        <translation>Naikkan laju secara linear hingga --max-rate selama waktu ini.</translation>
    </message>
    <message>
        <source>Seed of the operation mix (default: a random seed, reported).</source>
        <translation>Seed campuran operasi (bawaan: seed acak, yang dilaporkan).</translation>
    </message>
    <message>
        <source>Send most writes to this city, on a few vehicles, so that transactions conflict.</source>
        <translation>Kirim sebagian besar penulisan ke kota ini, pada beberapa kendaraan, agar transaksi saling berkonflik.</translation>
    </message>
    <message>
        <source>CITY</source>
        <translation>KOTA</translation>
    </message>
    <message>
        <source>The share of writes that go to the hot city, above 0 and at most 1 (default 0.9).</source>
        <translation>Porsi penulisan yang menuju kota hotspot, di atas 0 dan paling banyak 1 (bawaan 0.9).</translation>
    </message>
    <message>
        <source>FRACTION</source>
        <translation>PORSI</translation>
    </message>
    <message>
        <source>Count unexpected errors and go on instead of stopping.</source>
        <translation>Hitung kesalahan tak terduga dan lanjutkan alih-alih berhenti.</translation>
    </message>
    <message>
        <source>Print one JSON object per line instead of text.</source>
        <translation>Cetak satu objek JSON per baris alih-alih teks.</translation>
    </message>
    <message>
        <source>After the run, check the MovR invariants.</source>
        <translation>Setelah dijalankan, periksa invarian MovR.</translation>
    </message>
    <message>
        <source>run or check.</source>
        <translation>run atau check.</translation>
    </message>
    <message>
        <source>The server to use.</source>
        <translation>Server yang digunakan.</translation>
    </message>
    <message>
        <source> (see workload --help)</source>
        <translation> (lihat workload --help)</translation>
    </message>
    <message>
        <source>workload needs a command: run or check (see workload --help).</source>
        <translation>workload memerlukan perintah: run atau check (lihat workload --help).</translation>
    </message>
    <message>
        <source>Unknown workload command &quot;%1&quot;: use run or check.</source>
        <translation>Perintah workload &quot;%1&quot; tidak dikenal: gunakan run atau check.</translation>
    </message>
    <message>
        <source>Too many arguments: give at most one URL (see workload --help).</source>
        <translation>Terlalu banyak argumen: berikan paling banyak satu URL (lihat workload --help).</translation>
    </message>
    <message>
        <source>workload %1 needs a URL (an argument or DATABASE_URL).</source>
        <translation>workload %1 memerlukan URL (sebuah argumen atau DATABASE_URL).</translation>
    </message>
    <message>
        <source>--%1 is only meaningful with workload run.</source>
        <translation>--%1 hanya bermakna dengan workload run.</translation>
    </message>
    <message>
        <source>--mix must be one of %1, not &quot;%2&quot;.</source>
        <translation>--mix harus salah satu dari %1, bukan &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--concurrency must be a whole number from 1 to 10000, not &quot;%1&quot;.</source>
        <translation>--concurrency harus berupa bilangan bulat dari 1 sampai 10000, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--max-rate must be a number of operations per second above 0, not &quot;%1&quot;.</source>
        <translation>--max-rate harus berupa jumlah operasi per detik di atas 0, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--duration must be a duration such as 30s, 2m or 1h30m, not &quot;%1&quot;.</source>
        <translation>--duration harus berupa durasi seperti 30s, 2m atau 1h30m, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--ramp must be a duration such as 30s, 2m or 1h30m, not &quot;%1&quot;.</source>
        <translation>--ramp harus berupa durasi seperti 30s, 2m atau 1h30m, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--max-ops must be a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--max-ops harus berupa bilangan bulat di atas 0, bukan &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--hot-city must be one of the MovR cities (%1), not &quot;%2&quot;.</source>
        <translation>--hot-city harus salah satu kota MovR (%1), bukan &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--hot-fraction needs --hot-city.</source>
        <translation>--hot-fraction memerlukan --hot-city.</translation>
    </message>
    <message>
        <source>--hot-fraction must be a number above 0 and at most 1, not &quot;%1&quot;.</source>
        <translation>--hot-fraction harus berupa angka di atas 0 dan paling banyak 1, bukan &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Diubah oleh orang lain</translation>
    </message>
    <message>
        <source>These rows were changed in the database after you loaded them. Nothing has been written. Choose, for each field, whether to keep your value or take the current one.</source>
        <translation>Baris-baris ini diubah di basis data setelah Anda memuatnya. Belum ada yang ditulis. Pilih untuk setiap kolom apakah nilai Anda dipertahankan atau nilai terkini yang diambil.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Asli</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Terkini</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Pertahankan</translation>
    </message>
    <message>
        <source>(row deleted)</source>
        <translation>(baris dihapus)</translation>
    </message>
    <message>
        <source>Keep all &amp;mine</source>
        <translation>Pertahankan semua &amp;milik saya</translation>
    </message>
    <message>
        <source>Take all &amp;current</source>
        <translation>Ambil semua yang &amp;terkini</translation>
    </message>
    <message>
        <source>&amp;Apply choices</source>
        <translation>Ter&amp;apkan pilihan</translation>
    </message>
</context>
<context>
    <name>ConnectionDiagnosis</name>
    <message>
        <source>The host name &quot;%1&quot; could not be resolved: check its spelling and your network.</source>
        <translation>Nama host &quot;%1&quot; tidak dapat di-resolve: periksa ejaannya dan jaringan Anda.</translation>
    </message>
    <message>
        <source>Connection refused by %1: no server is listening there (is it running, and is the port right?).</source>
        <translation>Koneksi ditolak oleh %1: tidak ada server yang mendengarkan di sana (apakah server berjalan, dan apakah port-nya benar?).</translation>
    </message>
    <message>
        <source>No answer from %1 in time: a firewall, a wrong address, or an overloaded server.</source>
        <translation>Tidak ada jawaban dari %1 tepat waktu: firewall, alamat yang salah, atau server yang kelebihan beban.</translation>
    </message>
    <message>
        <source>Authentication failed for user &quot;%1&quot;: wrong password, unknown user, or client certificate not accepted.</source>
        <translation>Autentikasi gagal untuk pengguna &quot;%1&quot;: kata sandi salah, pengguna tidak dikenal, atau sertifikat klien tidak diterima.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate was rejected (sslmode=%1): it is not signed by the given CA, or not issued for the host name &quot;%2&quot;.</source>
        <translation>Sertifikat TLS server ditolak (sslmode=%1): sertifikat tidak ditandatangani oleh CA yang diberikan, atau tidak diterbitkan untuk nama host &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>TLS mismatch with %1: the server requires an encrypted connection, or sslmode requires TLS and the server does not offer it.</source>
        <translation>TLS tidak cocok dengan %1: server memerlukan koneksi terenkripsi, atau sslmode memerlukan TLS dan server tidak menyediakannya.</translation>
    </message>
    <message>
        <source>The server has no database named &quot;%1&quot;.</source>
        <translation>Server tidak memiliki basis data bernama &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation>Tidak dapat terhubung ke %1.</translation>
    </message>
    <message>
        <source>The server at %1 accepts only a client certificate, and none was sent: give the certificates directory (--certs-dir, holding client.%2.crt and client.%2.key) or the certificate and key files.</source>
        <translation>Server di %1 hanya menerima sertifikat klien, dan tidak ada yang dikirim: berikan direktori sertifikat (--certs-dir, berisi client.%2.crt dan client.%2.key) atau berkas sertifikat dan kuncinya.</translation>
    </message>
    <message>
        <source>The client certificate is not for user &quot;%1&quot;: the server accepts a certificate only for the user named in its common name (CN). Use client.%1.crt, or connect as the certificate&apos;s user.</source>
        <translation>Sertifikat klien bukan untuk pengguna &quot;%1&quot;: server hanya menerima sertifikat untuk pengguna yang disebut dalam common name (CN)-nya. Gunakan client.%1.crt, atau sambungkan sebagai pengguna sertifikat itu.</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the client certificate: it is not signed by a CA the server trusts. Use a certificate made with the cluster&apos;s own CA (its ca.crt and ca.key).</source>
        <translation>Server di %1 tidak menerima sertifikat klien: sertifikat itu tidak ditandatangani oleh CA yang dipercaya server. Gunakan sertifikat yang dibuat dengan CA milik klaster (ca.crt dan ca.key-nya).</translation>
    </message>
    <message>
        <source>The server at %1 did not accept the client certificate for user &quot;%2&quot;: it has expired. Create a new one (cockroach cert create-client %2).</source>
        <translation>Server di %1 tidak menerima sertifikat klien untuk pengguna &quot;%2&quot;: sertifikat itu sudah kedaluwarsa. Buat yang baru (cockroach cert create-client %2).</translation>
    </message>
    <message>
        <source>The private key of the client certificate is missing or cannot be read (%1): keep client.%2.key next to client.%2.crt.</source>
        <translation>Kunci privat sertifikat klien tidak ada atau tidak dapat dibaca (%1): simpan client.%2.key di samping client.%2.crt.</translation>
    </message>
    <message>
        <source>The private key %1 can be read by other users, so it is refused: make it private (chmod 600 %1).</source>
        <translation>Kunci privat %1 dapat dibaca pengguna lain, sehingga ditolak: jadikan privat (chmod 600 %1).</translation>
    </message>
    <message>
        <source>The server at %1 does not speak the PostgreSQL protocol: is this the HTTP (DB Console) port? CockroachDB&apos;s SQL port is 26257 by default.</source>
        <translation>Server di %1 tidak berbicara dengan protokol PostgreSQL: apakah ini port HTTP (DB Console)? Port SQL CockroachDB secara bawaan adalah 26257.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a cluster</source>
        <translation>Hubungkan ke klaster</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Simpan sebagai…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
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
        <translation>&amp;Rincian</translation>
    </message>
    <message>
        <source>optional: ca.crt and client.&lt;user&gt;.crt/.key</source>
        <translation>opsional: ca.crt dan client.&lt;user&gt;.crt/.key</translation>
    </message>
    <message>
        <source>Certificates &amp;directory:</source>
        <translation>&amp;Direktori sertifikat:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Kata sa&amp;ndi:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Hubungkan</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>U&amp;ji</translation>
    </message>
    <message>
        <source>Certificates directory</source>
        <translation>Direktori sertifikat</translation>
    </message>
    <message>
        <source>U&amp;RL or keyword string:</source>
        <translation>UR&amp;L atau string kata kunci:</translation>
    </message>
    <message>
        <source>postgresql://, postgres:// and cockroachdb:// URLs, or libpq &quot;host=… port=…&quot; strings. A password typed in the URL is used but never saved.</source>
        <translation>URL postgresql://, postgres://, dan cockroachdb://, atau string libpq &quot;host=… port=…&quot;. Kata sandi yang diketik di URL digunakan tetapi tidak pernah disimpan.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Ho&amp;st:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Data&amp;base:</source>
        <translation>&amp;Basis data:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>Pen&amp;gguna:</translation>
    </message>
    <message>
        <source>SSL &amp;mode:</source>
        <translation>&amp;Mode SSL:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opsional</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Sertifikat CA</translation>
    </message>
    <message>
        <source>Client c&amp;ertificate:</source>
        <translation>S&amp;ertifikat klien:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Sertifikat klien</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>&amp;Kunci klien:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Kunci klien</translation>
    </message>
    <message>
        <source>Enter a host.</source>
        <translation>Masukkan host.</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Berkas tidak ditemukan: %1</translation>
    </message>
    <message>
        <source>Enter a URL, or use the Fields tab.</source>
        <translation>Masukkan URL, atau gunakan tab Rincian.</translation>
    </message>
    <message>
        <source>Ready to connect to %1.</source>
        <translation>Siap terhubung ke %1.</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Menguji %1…</translation>
    </message>
    <message>
        <source>Connected: %1, database %2 as %3; %4.</source>
        <translation>Terhubung: %1, basis data %2 sebagai %3; %4.</translation>
    </message>
    <message>
        <source>Could not connect.</source>
        <translation>Tidak dapat terhubung.</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(koneksi baru)</translation>
    </message>
    <message>
        <source>Recent: %1</source>
        <translation>Terakhir: %1</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Simpan koneksi</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nama profil:</translation>
    </message>
    <message>
        <source>Profile saved; the password was not: %1</source>
        <translation>Profil disimpan; kata sandi tidak: %1</translation>
    </message>
    <message>
        <source>Remember the password in the s&amp;ystem keychain</source>
        <translation>&amp;Ingat kata sandi di keychain sistem</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>Sertifikat &amp;CA:</translation>
    </message>
    <message>
        <source>The running demo database</source>
        <translation>Basis data demo yang sedang berjalan</translation>
    </message>
</context>
<context>
    <name>ConnectionSettings</name>
    <message>
        <source>(default user)</source>
        <translation>(pengguna bawaan)</translation>
    </message>
</context>
<context>
    <name>ConnectionStatusBar</name>
    <message>
        <source>Not connected</source>
        <translation>Tidak terhubung</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>%1 as %2</source>
        <translation>%1 sebagai %2</translation>
    </message>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <source>No TLS</source>
        <translation>Tanpa TLS</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Terhubung</translation>
    </message>
    <message>
        <source>● Connection lost: retrying in %1 s (attempt %2)</source>
        <translation>● Koneksi terputus: mencoba lagi dalam %1 dtk (percobaan %2)</translation>
    </message>
    <message>
        <source>● Disconnected</source>
        <translation>● Terputus</translation>
    </message>
    <message>
        <source>Round trip: SELECT 1, measured every 5 s. Last query: %1 ms.</source>
        <translation>Waktu pulang-pergi: SELECT 1, diukur setiap 5 dtk. Kueri terakhir: %1 md.</translation>
    </message>
    <message>
        <source>Round trip %1 ms</source>
        <translation>Pulang-pergi %1 md</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Dijeda</translation>
    </message>
    <message>
        <source>Live: reconnecting…</source>
        <translation>Langsung: menyambung ulang…</translation>
    </message>
    <message>
        <source>Live: changefeed</source>
        <translation>Langsung: changefeed</translation>
    </message>
    <message>
        <source>Live: logical decoding</source>
        <translation>Langsung: dekode logis</translation>
    </message>
    <message>
        <source>Live: polling every %1 s</source>
        <translation>Langsung: polling setiap %1 dtk</translation>
    </message>
    <message numerus="yes">
        <source>Live: polling every %n s</source>
        <translation>
            <numerusform>Langsung: polling setiap %n dtk</numerusform>
        </translation>
    </message>
    <message>
        <source>Live: starting…</source>
        <translation>Langsung: memulai…</translation>
    </message>
    <message>
        <source>View › Live updates is off: tables change only when reloaded.</source>
        <translation>Tampilan › Pembaruan langsung nonaktif: tabel hanya berubah saat dimuat ulang.</translation>
    </message>
    <message>
        <source>An administrator can allow a better source with: %1</source>
        <translation>Administrator dapat mengizinkan sumber yang lebih baik dengan: %1</translation>
    </message>
</context>
<context>
    <name>CsvExporter</name>
    <message>
        <source>Exporting %1…</source>
        <translation>Mengekspor %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Tidak dapat menulis %1: %2</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Ekspor dibatalkan.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Ekspor gagal: %1</translation>
    </message>
    <message>
        <source>Exported %L1 rows…</source>
        <translation>%L1 baris diekspor…</translation>
    </message>
    <message>
        <source>Exported %L1 rows to %2.</source>
        <translation>%L1 baris diekspor ke %2.</translation>
    </message>
</context>
<context>
    <name>DemoCertificates</name>
    <message>
        <source>The openssl command could not be run (%1): install the Debian package openssl to create certificates.</source>
        <translation>Perintah openssl tidak dapat dijalankan (%1): pasang paket Debian openssl untuk membuat sertifikat.</translation>
    </message>
    <message>
        <source>openssl %1 failed: %2</source>
        <translation>openssl %1 gagal: %2</translation>
    </message>
    <message>
        <source>Cannot make a client certificate for the user name &quot;%1&quot;.</source>
        <translation>Tidak dapat membuat sertifikat klien untuk nama pengguna &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Cannot create the certificates directory %1.</source>
        <translation>Tidak dapat membuat direktori sertifikat %1.</translation>
    </message>
</context>
<context>
    <name>DemoControl</name>
    <message>
        <source>&amp;Restart demo</source>
        <translation>&amp;Mulai ulang demo</translation>
    </message>
    <message>
        <source>Restart demo</source>
        <translation>Mulai ulang demo</translation>
    </message>
    <message>
        <source>Restarting the demo database…</source>
        <translation>Memulai ulang basis data demo…</translation>
    </message>
    <message>
        <source>The demo database did not start: %1</source>
        <translation>Basis data demo tidak dapat dimulai: %1</translation>
    </message>
    <message>
        <source>The demo database server stopped.</source>
        <translation>Server basis data demo berhenti.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>User %1 (%2)</source>
        <translation>Pengguna %1 (%2)</translation>
    </message>
    <message>
        <source>Vehicle %1… (%2, %3)</source>
        <translation>Kendaraan %1… (%2, %3)</translation>
    </message>
    <message>
        <source>Ride %1… (%2)</source>
        <translation>Perjalanan %1… (%2)</translation>
    </message>
    <message>
        <source>Promo code %1</source>
        <translation>Kode promo %1</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Select a row to see its relations.</source>
        <translation>Pilih baris untuk melihat relasinya.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Perjalanan</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Kendaraan</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Location trail of the selected ride</source>
        <translation>Jejak lokasi perjalanan yang dipilih</translation>
    </message>
    <message>
        <source>Rider</source>
        <translation>Pengendara</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Kendaraan</translation>
    </message>
    <message>
        <source>Location history</source>
        <translation>Riwayat lokasi</translation>
    </message>
    <message>
        <source>Location trail</source>
        <translation>Jejak lokasi</translation>
    </message>
    <message>
        <source>Details: as of</source>
        <translation>Rincian: per waktu</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Rincian: %1</translation>
    </message>
    <message>
        <source>Details: location trail</source>
        <translation>Rincian: jejak lokasi</translation>
    </message>
    <message>
        <source>Details: refresh</source>
        <translation>Rincian: segarkan</translation>
    </message>
    <message>
        <source>%1: no longer in the database</source>
        <translation>%1: sudah tidak ada di basis data</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;value</source>
        <translation>Salin &amp;nilai</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <source>&amp;Start ride…</source>
        <translation>&amp;Mulai perjalanan…</translation>
    </message>
    <message>
        <source>&amp;End ride…</source>
        <translation>A&amp;khiri perjalanan…</translation>
    </message>
    <message>
        <source>Add &amp;vehicle…</source>
        <translation>&amp;Tambah kendaraan…</translation>
    </message>
    <message>
        <source>Ed&amp;it vehicle…</source>
        <translation>&amp;Sunting kendaraan…</translation>
    </message>
    <message>
        <source>Add &amp;user…</source>
        <translation>Tambah pe&amp;ngguna…</translation>
    </message>
    <message>
        <source>Create &amp;promo code…</source>
        <translation>Buat kode p&amp;romo…</translation>
    </message>
    <message>
        <source>&amp;Apply promo code…</source>
        <translation>T&amp;erapkan kode promo…</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>T&amp;indakan</translation>
    </message>
    <message>
        <source>Read privileges</source>
        <translation>Baca hak akses</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source> after %1 attempts</source>
        <translation> setelah %1 percobaan</translation>
    </message>
    <message>
        <source>%1: committed (confirmed after the connection was lost)%2</source>
        <translation>%1: ter-commit (dikonfirmasi setelah koneksi terputus)%2</translation>
    </message>
    <message>
        <source>%1: done%2</source>
        <translation>%1: selesai%2</translation>
    </message>
    <message>
        <source>%1: not done, nothing was changed: %2</source>
        <translation>%1: tidak dijalankan, tidak ada yang diubah: %2</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>alasan tidak diketahui</translation>
    </message>
    <message>
        <source>%1: unknown whether it was committed. Check with: %2</source>
        <translation>%1: tidak diketahui apakah sudah ter-commit. Periksa dengan: %2</translation>
    </message>
    <message>
        <source>Select a row first</source>
        <translation>Pilih baris terlebih dahulu</translation>
    </message>
    <message>
        <source>One city at a time</source>
        <translation>Satu kota dalam satu waktu</translation>
    </message>
    <message>
        <source>Select vehicles of one city: a status change runs per city.</source>
        <translation>Pilih kendaraan dari satu kota: perubahan status dijalankan per kota.</translation>
    </message>
    <message>
        <source>Retire vehicle</source>
        <translation>Pensiunkan kendaraan</translation>
    </message>
    <message>
        <source>Retire vehicle %1 in %2? It stays in the database for its rides&apos; history, with status &quot;retired&quot;.</source>
        <translation>Pensiunkan kendaraan %1 di %2? Kendaraan tetap ada di basis data untuk riwayat perjalanannya, dengan status &quot;retired&quot;.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Hapus pengguna</translation>
    </message>
    <message>
        <source>Delete user %1 (%2) in %3? This cannot be undone; it is refused while rides, vehicles or promo codes refer to the user.</source>
        <translation>Hapus pengguna %1 (%2) di %3? Tindakan ini tidak dapat dibatalkan; penghapusan ditolak selama masih ada perjalanan, kendaraan, atau kode promo yang merujuk ke pengguna ini.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Tidak diubah: %1</translation>
    </message>
    <message>
        <source>Appl&amp;y changes</source>
        <translation>Terapkan peru&amp;bahan</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>Terapkan perubahan</translation>
    </message>
    <message>
        <source>Changes reverted.</source>
        <translation>Perubahan dibatalkan.</translation>
    </message>
    <message>
        <source>Read current values</source>
        <translation>Baca nilai terkini</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Perubahan tertunda</translation>
    </message>
    <message>
        <source>&amp;Keep them to review</source>
        <translation>&amp;Simpan untuk ditinjau</translation>
    </message>
    <message>
        <source>&amp;Apply now</source>
        <translation>&amp;Terapkan sekarang</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Buang</translation>
    </message>
    <message>
        <source>The rows no longer differ from what you saw: apply again.</source>
        <translation>Baris-baris tersebut tidak lagi berbeda dari yang Anda lihat: terapkan lagi.</translation>
    </message>
    <message>
        <source>Nothing was written; your changes are still pending.</source>
        <translation>Tidak ada yang ditulis; perubahan Anda masih tertunda.</translation>
    </message>
    <message>
        <source>Set vehicle s&amp;tatus…</source>
        <translation>Atur stat&amp;us kendaraan…</translation>
    </message>
    <message>
        <source>Reti&amp;re vehicle</source>
        <translation>&amp;Pensiunkan kendaraan</translation>
    </message>
    <message>
        <source>E&amp;dit user…</source>
        <translation>Sunt&amp;ing pengguna…</translation>
    </message>
    <message>
        <source>De&amp;lete user</source>
        <translation>&amp;Hapus pengguna</translation>
    </message>
    <message>
        <source>Previe&amp;w changes…</source>
        <translation>Pr&amp;atinjau perubahan…</translation>
    </message>
    <message>
        <source>Revert c&amp;hanges</source>
        <translation>Bata&amp;lkan perubahan</translation>
    </message>
    <message>
        <source>Preview &amp;before applying</source>
        <translation>Pratin&amp;jau sebelum menerapkan</translation>
    </message>
    <message numerus="yes">
        <source>Appl&amp;y %n change(s)</source>
        <translation>
            <numerusform>Terapkan %n peru&amp;bahan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made earlier on %1 were not applied (the application or the connection ended first). They are shown marked in the tables.</source>
        <translation>
            <numerusform>%n perubahan yang dibuat sebelumnya pada %1 belum diterapkan (aplikasi atau koneksi berakhir lebih dulu). Perubahan itu ditandai di tabel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s): Ctrl+S applies them in one transaction.</source>
        <translation>
            <numerusform>%n perubahan tertunda: Ctrl+S menerapkannya dalam satu transaksi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changed by someone else since you edited: choose what to keep.</source>
        <translation>Telah diubah orang lain sejak Anda menyunting: pilih yang dipertahankan.</translation>
    </message>
    <message>
        <source>Waiting to learn what the SQL user may do on this server.</source>
        <translation>Menunggu informasi tentang apa yang boleh dilakukan pengguna SQL di server ini.</translation>
    </message>
    <message>
        <source>Could not read the SQL user&apos;s privileges (%1): every action is offered, and the server decides.</source>
        <translation>Hak akses pengguna SQL tidak dapat dibaca (%1): semua tindakan ditawarkan, dan server yang memutuskan.</translation>
    </message>
    <message>
        <source>The SQL user&apos;s privileges are being read again: actions it may not perform will be disabled.</source>
        <translation>Hak akses pengguna SQL sedang dibaca ulang: tindakan yang tidak boleh dilakukannya akan dinonaktifkan.</translation>
    </message>
    <message>
        <source>Select a user in their table first.</source>
        <translation>Pilih dulu seorang pengguna di tabelnya.</translation>
    </message>
    <message>
        <source>Select a vehicle in its table first.</source>
        <translation>Pilih dulu sebuah kendaraan di tabelnya.</translation>
    </message>
    <message>
        <source>Select one or more vehicles in their table first.</source>
        <translation>Pilih dulu satu atau beberapa kendaraan di tabelnya.</translation>
    </message>
    <message>
        <source>Another connection replaced the lost one while this waited; it was not sent on the new one.</source>
        <translation>Koneksi lain menggantikan koneksi yang terputus selama perubahan ini menunggu; perubahan ini tidak dikirim melalui koneksi baru.</translation>
    </message>
    <message>
        <source>The connection to the server is lost; this waits and is sent when the connection is back.</source>
        <translation>Koneksi ke server terputus; perubahan ini menunggu dan akan dikirim saat koneksi pulih.</translation>
    </message>
</context>
<context>
    <name>EditJournal</name>
    <message>
        <source>The journal of pending edits cannot be opened: %1</source>
        <translation>Jurnal suntingan yang tertunda tidak dapat dibuka: %1</translation>
    </message>
    <message>
        <source>A pending edit could not be journaled: %1</source>
        <translation>Suntingan yang tertunda tidak dapat dicatat di jurnal: %1</translation>
    </message>
    <message>
        <source>The journal could not be updated: %1</source>
        <translation>Jurnal tidak dapat diperbarui: %1</translation>
    </message>
    <message>
        <source>The journal could not be read: %1</source>
        <translation>Jurnal tidak dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>EditWorker</name>
    <message>
        <source>the worker is shutting down</source>
        <translation>worker sedang dihentikan</translation>
    </message>
    <message>
        <source>Retry error injection (QA)</source>
        <translation>Penyuntikan galat coba-ulang (QA)</translation>
    </message>
</context>
<context>
    <name>EndRideDialog</name>
    <message>
        <source>End ride</source>
        <translation>Akhiri perjalanan</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
    </message>
    <message>
        <source>&amp;Ride id:</source>
        <translation>ID &amp;perjalanan:</translation>
    </message>
    <message>
        <source>UUID of an active ride</source>
        <translation>UUID perjalanan yang sedang aktif</translation>
    </message>
    <message>
        <source>empty: the vehicle&apos;s current location</source>
        <translation>kosong: lokasi kendaraan saat ini</translation>
    </message>
    <message>
        <source>Re&amp;venue:</source>
        <translation>Pen&amp;dapatan:</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>&amp;End ride</source>
        <translation>Akh&amp;iri perjalanan</translation>
    </message>
    <message>
        <source>End a&amp;ddress:</source>
        <translation>&amp;Alamat akhir:</translation>
    </message>
    <message>
        <source>Find an active ride in %1</source>
        <translation>Cari perjalanan aktif di %1</translation>
    </message>
    <message>
        <source>Press Find… to choose the active ride whose id starts with this text.</source>
        <translation>Tekan Cari… untuk memilih perjalanan aktif yang id-nya diawali teks ini.</translation>
    </message>
</context>
<context>
    <name>InlineEdits</name>
    <message>
        <source>This column is not edited here.</source>
        <translation>Kolom ini tidak disunting di sini.</translation>
    </message>
    <message>
        <source>A value is required.</source>
        <translation>Nilai wajib diisi.</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Deskripsi lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>There are no changes to apply.</source>
        <translation>Tidak ada perubahan untuk diterapkan.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Apply changes to %1</source>
        <translation>Terapkan perubahan pada %1</translation>
    </message>
    <message>
        <source>Apply changes to %1 rows</source>
        <translation>Terapkan perubahan pada %1 baris</translation>
    </message>
    <message>
        <source>%1 was changed or deleted by someone else since you loaded it; nothing was applied.</source>
        <translation>%1 telah diubah atau dihapus oleh orang lain sejak Anda memuatnya; tidak ada yang diterapkan.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>Applies at the next start</source>
        <translation>Berlaku saat mulai berikutnya</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>The new language applies when MovR Admin is started again.</source>
        <translation>Bahasa baru berlaku saat MovR Admin dijalankan kembali.</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <source>&amp;Live updates</source>
        <translation>Pembaruan &amp;langsung</translation>
    </message>
    <message>
        <source>Tables and details follow changes made in the database by others</source>
        <translation>Tabel dan rincian mengikuti perubahan yang dibuat orang lain di basis data</translation>
    </message>
</context>
<context>
    <name>LiveSql</name>
    <message>
        <source>The server does not keep the changes logical decoding needs (wal_level is %1, not logical), so the tables are polled.</source>
        <translation>Server tidak menyimpan perubahan yang diperlukan dekode logis (wal_level bernilai %1, bukan logical), sehingga tabel diperbarui dengan polling.</translation>
    </message>
    <message>
        <source>Your role may not open a replication connection (it lacks the REPLICATION attribute), so the tables are polled.</source>
        <translation>Peran Anda tidak boleh membuka koneksi replikasi (peran ini tidak memiliki atribut REPLICATION), sehingga tabel diperbarui dengan polling.</translation>
    </message>
    <message>
        <source>The live connection was lost: %1</source>
        <translation>Koneksi langsung terputus: %1</translation>
    </message>
    <message>
        <source>The server&apos;s replication settings could not be read, so the tables are polled: %1</source>
        <translation>Pengaturan replikasi server tidak dapat dibaca, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The publication logical decoding reads could not be created (only the tables&apos; owner may), so the tables are polled: %1</source>
        <translation>Publikasi yang dibaca dekode logis tidak dapat dibuat (hanya pemilik tabel yang boleh), sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The publication was created by another session meanwhile: %1</source>
        <translation>Publikasi telah dibuat oleh sesi lain sementara itu: %1</translation>
    </message>
    <message>
        <source>A followed table does not exist any more, so the tables are polled: %1</source>
        <translation>Tabel yang diikuti sudah tidak ada, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The publication logical decoding reads could not be set up, so the tables are polled: %1</source>
        <translation>Publikasi yang dibaca dekode logis tidak dapat disiapkan, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The server refused the replication connection, so the tables are polled: %1</source>
        <translation>Server menolak koneksi replikasi, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>Every replication slot of the server is in use (max_replication_slots), so the tables are polled: %1</source>
        <translation>Semua slot replikasi server sedang digunakan (max_replication_slots), sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The replication slot could not be created, so the tables are polled: %1</source>
        <translation>Slot replikasi tidak dapat dibuat, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The server refused to start logical decoding, so the tables are polled: %1</source>
        <translation>Server menolak memulai dekode logis, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The server ended the live stream: %1</source>
        <translation>Server mengakhiri aliran langsung: %1</translation>
    </message>
    <message>
        <source>CockroachDB refuses changefeeds while rangefeeds are off (the cluster setting kv.rangefeed.enabled), so the tables are polled: %1</source>
        <translation>CockroachDB menolak changefeed selama rangefeed nonaktif (pengaturan klaster kv.rangefeed.enabled), sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The server ended the changefeed: %1</source>
        <translation>Server mengakhiri changefeed: %1</translation>
    </message>
    <message>
        <source>Your role may not create a changefeed on these tables, so they are polled: %1</source>
        <translation>Peran Anda tidak boleh membuat changefeed pada tabel-tabel ini, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The changefeed could not be started, so the tables are polled: %1</source>
        <translation>Changefeed tidak dapat dimulai, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
</context>
<context>
    <name>LiveWorker</name>
    <message>
        <source>The live connection was lost; reconnecting: %1</source>
        <translation>Koneksi langsung terputus; menyambung ulang: %1</translation>
    </message>
    <message>
        <source>The live connection could not be opened: %1</source>
        <translation>Koneksi langsung tidak dapat dibuka: %1</translation>
    </message>
    <message>
        <source>Changefeeds are turned off for live updates, so the tables are polled.</source>
        <translation>Changefeed dinonaktifkan untuk pembaruan langsung, sehingga tabel diperbarui dengan polling.</translation>
    </message>
    <message>
        <source>Logical decoding is turned off for live updates, so the tables are polled.</source>
        <translation>Logical decoding dinonaktifkan untuk pembaruan langsung, sehingga tabel diperbarui dengan polling.</translation>
    </message>
    <message>
        <source>Live updates</source>
        <translation>Pembaruan langsung</translation>
    </message>
    <message>
        <source>The changefeed sent a row that could not be read, so the tables are polled: %1</source>
        <translation>Changefeed mengirim baris yang tidak dapat dibaca, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
    <message>
        <source>The changefeed ended; it is started again.</source>
        <translation>Changefeed berakhir; changefeed dimulai lagi.</translation>
    </message>
    <message>
        <source>The table %1 was dropped or left the publication %2; the stream is opened again.</source>
        <translation>Tabel %1 dihapus atau dikeluarkan dari publikasi %2; aliran dibuka lagi.</translation>
    </message>
    <message>
        <source>The role was not found.</source>
        <translation>Peran tidak ditemukan.</translation>
    </message>
    <message>
        <source>The logical decoding stream could not be read, so the tables are polled: %1</source>
        <translation>Aliran dekode logis tidak dapat dibaca, sehingga tabel diperbarui dengan polling: %1</translation>
    </message>
</context>
<context>
    <name>LocationTrailPlot</name>
    <message>
        <source>No location history</source>
        <translation>Tidak ada riwayat lokasi</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n titik</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>MovR Admin</source>
        <translation>MovR Admin</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Tidak terhubung.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Export view to CSV…</source>
        <translation>&amp;Ekspor tampilan ke CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Salin baris</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>&amp;Fast, slightly stale reads</source>
        <translation>Baca &amp;cepat, sedikit usang</translation>
    </message>
    <message>
        <source>Browse with AS OF SYSTEM TIME follower_read_timestamp() (CockroachDB)</source>
        <translation>Jelajahi dengan AS OF SYSTEM TIME follower_read_timestamp() (CockroachDB)</translation>
    </message>
    <message>
        <source>SQL panel</source>
        <translation>Panel SQL</translation>
    </message>
    <message>
        <source>MovR Admin — %1</source>
        <translation>MovR Admin — %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Tidak dapat terhubung: %1</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Ekspor ke CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Connect to a cluster…</source>
        <translation>&amp;Hubungkan ke klaster…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Bantua&amp;n</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan papan ketik</translation>
    </message>
    <message>
        <source>&amp;About MovR Admin</source>
        <translation>&amp;Tentang MovR Admin</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Perubahan tertunda</translation>
    </message>
    <message>
        <source>Apply them now, discard them, or keep working? If you quit without deciding, they stay in the journal and are offered again next time.</source>
        <translation>Terapkan sekarang, buang, atau lanjutkan bekerja? Jika Anda keluar tanpa memutuskan, perubahan tetap ada di jurnal dan ditawarkan lagi lain kali.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Buang</translation>
    </message>
    <message>
        <source>&amp;Quit, keep for next time</source>
        <translation>&amp;Keluar, simpan untuk lain kali</translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation>Menjalankan basis data demo…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not been applied.</source>
        <translation>
            <numerusform>%n perubahan belum diterapkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discard and quit</source>
        <translation>&amp;Buang dan keluar</translation>
    </message>
    <message>
        <source>Apply them now, or keep working? The demo database is deleted when you quit: changes not applied are lost.</source>
        <translation>Terapkan sekarang, atau lanjut bekerja? Basis data demo dihapus saat Anda keluar: perubahan yang belum diterapkan akan hilang.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menyambung ke %1…</translation>
    </message>
    <message>
        <source>Could not connect to %1, still connected to %2: %3</source>
        <translation>Tidak dapat menyambung ke %1, masih tersambung ke %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>Not connected: %n request(s) wait and are sent when the connection is back.</source>
        <translation>
            <numerusform>Tidak tersambung: %n permintaan menunggu dan dikirim saat sambungan kembali.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected again.</source>
        <translation>Tersambung kembali.</translation>
    </message>
    <message>
        <source>&amp;Workload</source>
        <translation>&amp;Beban Kerja</translation>
    </message>
</context>
<context>
    <name>MovrSchemaShape</name>
    <message>
        <source>This database has no %1 table, so it does not hold the MovR schema; connect to the movr database or create it with movr-admin --init-movr.</source>
        <translation>Basis data ini tidak memiliki tabel %1, jadi tidak memuat skema MovR; sambungkan ke basis data movr atau buat dengan movr-admin --init-movr.</translation>
    </message>
    <message>
        <source>The table %1 has no column %2, which MovR Admin needs; this database does not hold a MovR schema it supports.</source>
        <translation>Tabel %1 tidak memiliki kolom %2 yang dibutuhkan MovR Admin; basis data ini tidak memuat skema MovR yang didukungnya.</translation>
    </message>
    <message>
        <source>The table %1 has no primary key; MovR Admin needs the key (%2) or, in the multi-region MovR schema, (%3).</source>
        <translation>Tabel %1 tidak memiliki kunci primer; MovR Admin membutuhkan kunci (%2) atau, dalam skema MovR multi-region, (%3).</translation>
    </message>
    <message>
        <source>The primary key of the table %1 is (%2); MovR Admin works with the key (%3) or, in the multi-region MovR schema, (%4).</source>
        <translation>Kunci primer tabel %1 adalah (%2); MovR Admin bekerja dengan kunci (%3) atau, dalam skema MovR multi-region, (%4).</translation>
    </message>
</context>
<context>
    <name>NewRowsBar</name>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message numerus="yes">
        <source>%n new vehicle(s)</source>
        <translation>
            <numerusform>%n kendaraan baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new ride(s)</source>
        <translation>
            <numerusform>%n perjalanan baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new user(s)</source>
        <translation>
            <numerusform>%n pengguna baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s)</source>
        <translation>
            <numerusform>%n kode promo baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new promo code(s) held</source>
        <translation>
            <numerusform>%n kode promo pengguna baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new location(s)</source>
        <translation>
            <numerusform>%n lokasi baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new row(s)</source>
        <translation>
            <numerusform>%n baris baru</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>the server&apos;s reply has an unexpected shape</source>
        <translation>balasan server memiliki bentuk yang tidak terduga</translation>
    </message>
    <message>
        <source>the vehicle is in use</source>
        <translation>kendaraan sedang digunakan</translation>
    </message>
    <message>
        <source>the vehicle is reported lost</source>
        <translation>kendaraan dilaporkan hilang</translation>
    </message>
    <message>
        <source>the vehicle is retired</source>
        <translation>kendaraan sudah dipensiunkan</translation>
    </message>
    <message>
        <source>the vehicle is not available (status &quot;%1&quot;)</source>
        <translation>kendaraan tidak tersedia (status &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Start ride</source>
        <translation>Mulai perjalanan</translation>
    </message>
    <message>
        <source>the rider is not in this city (%1; the rider is in %2)</source>
        <translation>pengendara tidak berada di kota ini (%1; pengendara berada di %2)</translation>
    </message>
    <message>
        <source>no such rider in %1</source>
        <translation>pengendara tersebut tidak ada di %1</translation>
    </message>
    <message>
        <source>the vehicle is already in an active ride</source>
        <translation>kendaraan sudah dalam perjalanan yang aktif</translation>
    </message>
    <message>
        <source>End ride</source>
        <translation>Akhiri perjalanan</translation>
    </message>
    <message>
        <source>the ride already ended (at %1)</source>
        <translation>perjalanan sudah berakhir (pada %1)</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Tambah kendaraan</translation>
    </message>
    <message>
        <source>duplicate: a vehicle with this id already exists</source>
        <translation>duplikat: kendaraan dengan ID ini sudah ada</translation>
    </message>
    <message>
        <source>the owner is not a user of %1 (the owner is in %2)</source>
        <translation>pemilik bukan pengguna di %1 (pemilik berada di %2)</translation>
    </message>
    <message>
        <source>the owner is not a user of %1</source>
        <translation>pemilik bukan pengguna di %1</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>tidak ada yang diubah</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>Sunting kendaraan</translation>
    </message>
    <message>
        <source>no vehicles selected</source>
        <translation>tidak ada kendaraan yang dipilih</translation>
    </message>
    <message>
        <source>Set vehicle status</source>
        <translation>Atur status kendaraan</translation>
    </message>
    <message>
        <source>Set vehicle status (part %1 of %2)</source>
        <translation>Atur status kendaraan (bagian %1 dari %2)</translation>
    </message>
    <message>
        <source>vehicle %1 is not a vehicle of %2</source>
        <translation>kendaraan %1 bukan kendaraan di %2</translation>
    </message>
    <message>
        <source>vehicle %1 is retired</source>
        <translation>kendaraan %1 sudah dipensiunkan</translation>
    </message>
    <message>
        <source>vehicle %1 is in an active ride</source>
        <translation>kendaraan %1 sedang dalam perjalanan aktif</translation>
    </message>
    <message>
        <source>%1 (and 1 more problem)</source>
        <translation>%1 (dan 1 masalah lain)</translation>
    </message>
    <message>
        <source>%1 (and %2 more problems)</source>
        <translation>%1 (dan %2 masalah lain)</translation>
    </message>
    <message>
        <source>Retire vehicle</source>
        <translation>Pensiunkan kendaraan</translation>
    </message>
    <message>
        <source>the vehicle is already retired</source>
        <translation>kendaraan sudah dipensiunkan</translation>
    </message>
    <message>
        <source>the vehicle is in an active ride; end the ride first</source>
        <translation>kendaraan sedang dalam perjalanan aktif; akhiri perjalanannya terlebih dahulu</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>duplicate: a user with this id already exists</source>
        <translation>duplikat: pengguna dengan ID ini sudah ada</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Sunting pengguna</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Hapus pengguna</translation>
    </message>
    <message>
        <source>1 ride</source>
        <translation>1 perjalanan</translation>
    </message>
    <message>
        <source>%1 rides</source>
        <translation>%1 perjalanan</translation>
    </message>
    <message>
        <source>1 vehicle</source>
        <translation>1 kendaraan</translation>
    </message>
    <message>
        <source>%1 vehicles</source>
        <translation>%1 kendaraan</translation>
    </message>
    <message>
        <source>1 promo code</source>
        <translation>1 kode promo</translation>
    </message>
    <message>
        <source>%1 promo codes</source>
        <translation>%1 kode promo</translation>
    </message>
    <message>
        <source>the user still has %1</source>
        <translation>pengguna masih memiliki %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>the description is longer than %1 characters</source>
        <translation>deskripsi lebih panjang dari %1 karakter</translation>
    </message>
    <message>
        <source>the expiration time must be after the creation time</source>
        <translation>waktu kedaluwarsa harus setelah waktu pembuatan</translation>
    </message>
    <message>
        <source>Create promo code</source>
        <translation>Buat kode promo</translation>
    </message>
    <message>
        <source>duplicate: this promo code already exists</source>
        <translation>duplikat: kode promo ini sudah ada</translation>
    </message>
    <message>
        <source>the expiration time is in the past</source>
        <translation>waktu kedaluwarsa sudah lewat</translation>
    </message>
    <message>
        <source>Apply promo code</source>
        <translation>Terapkan kode promo</translation>
    </message>
    <message>
        <source>no such promo code</source>
        <translation>kode promo tersebut tidak ada</translation>
    </message>
    <message>
        <source>the promo code has expired</source>
        <translation>kode promo sudah kedaluwarsa</translation>
    </message>
    <message>
        <source>duplicate: the user already has this promo code</source>
        <translation>duplikat: pengguna sudah memiliki kode promo ini</translation>
    </message>
    <message>
        <source>Record vehicle location</source>
        <translation>Catat lokasi kendaraan</translation>
    </message>
    <message>
        <source>the ride is not active (it ended at %1)</source>
        <translation>perjalanan tidak aktif (berakhir pada %1)</translation>
    </message>
    <message>
        <source>duplicate: a location with this timestamp is already recorded</source>
        <translation>duplikat: lokasi dengan stempel waktu ini sudah tercatat</translation>
    </message>
    <message>
        <source>the vehicle is not in %1 (it is in %2)</source>
        <translation>kendaraan tidak ada di %1 (kendaraan ada di %2)</translation>
    </message>
    <message>
        <source>no such vehicle in %1</source>
        <translation>tidak ada kendaraan tersebut di %1</translation>
    </message>
    <message>
        <source>the ride is not in %1 (it is in %2)</source>
        <translation>perjalanan tidak ada di %1 (perjalanan ada di %2)</translation>
    </message>
    <message>
        <source>no such ride in %1</source>
        <translation>tidak ada perjalanan tersebut di %1</translation>
    </message>
    <message>
        <source>the user is not in %1 (it is in %2)</source>
        <translation>pengguna tidak ada di %1 (pengguna ada di %2)</translation>
    </message>
    <message>
        <source>no such user in %1</source>
        <translation>tidak ada pengguna tersebut di %1</translation>
    </message>
    <message>
        <source>the promo code is not valid yet</source>
        <translation>kode promo belum berlaku</translation>
    </message>
</context>
<context>
    <name>PasswordStore</name>
    <message>
        <source>No keychain is available.</source>
        <translation>Tidak ada keychain yang tersedia.</translation>
    </message>
    <message>
        <source>No keychain is available; the password will be asked for each time.</source>
        <translation>Tidak ada keychain yang tersedia; kata sandi akan ditanyakan setiap kali.</translation>
    </message>
    <message>
        <source>No password is stored for this connection.</source>
        <translation>Tidak ada kata sandi yang tersimpan untuk koneksi ini.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Keychain gagal: %1</translation>
    </message>
</context>
<context>
    <name>PendingEditsProxy</name>
    <message>
        <source>Changed from &quot;%1&quot;; not applied yet (Ctrl+S applies, Actions › Revert discards).</source>
        <translation>Diubah dari &quot;%1&quot;; belum diterapkan (Ctrl+S menerapkan, Tindakan › Batalkan perubahan membuang).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Changed on the server to “%1” since you edited it; Apply will ask which value to keep.</source>
        <translation>Diubah di server menjadi “%1” sejak Anda menyuntingnya; Terapkan akan menanyakan nilai mana yang dipertahankan.</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>no connection to cancel</source>
        <translation>tidak ada koneksi untuk dibatalkan</translation>
    </message>
    <message>
        <source>A value contains a NUL character (U+0000), which PostgreSQL text cannot hold; nothing was sent.</source>
        <translation>Sebuah nilai berisi karakter NUL (U+0000) yang tidak dapat disimpan dalam teks PostgreSQL; tidak ada yang dikirim.</translation>
    </message>
</context>
<context>
    <name>PgStream</name>
    <message>
        <source>The stream was stopped.</source>
        <translation>Aliran dihentikan.</translation>
    </message>
    <message numerus="yes">
        <source>The server did not answer within %n seconds.</source>
        <translation>
            <numerusform>Server tidak menjawab dalam %n detik.</numerusform>
        </translation>
    </message>
    <message>
        <source>The statement started a copy stream.</source>
        <translation>Pernyataan memulai aliran COPY.</translation>
    </message>
    <message>
        <source>The server ended the stream.</source>
        <translation>Server mengakhiri aliran.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Pratinjau: %1</translation>
    </message>
    <message>
        <source>These statements will be sent, in one retrying transaction:</source>
        <translation>Pernyataan-pernyataan ini akan dikirim dalam satu transaksi yang dapat diulang:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <source>%1, first attempt; a retry sends the same again.</source>
        <translation>%1, percobaan pertama; percobaan ulang mengirim hal yang sama lagi.</translation>
    </message>
    <message>
        <source>The statements depend on what is read first; they are shown in the SQL panel once sent.</source>
        <translation>Pernyataan bergantung pada apa yang dibaca lebih dulu; pernyataan ditampilkan di panel SQL setelah dikirim.</translation>
    </message>
    <message>
        <source>Al&amp;ways preview before applying</source>
        <translation>&amp;Selalu pratinjau sebelum menerapkan</translation>
    </message>
</context>
<context>
    <name>PromoCodeDialog</name>
    <message>
        <source>Create promo code</source>
        <translation>Buat kode promo</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>K&amp;ode:</translation>
    </message>
    <message>
        <source>e.g. 42_spring_free_ride</source>
        <translation>mis. 42_spring_free_ride</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Deskripsi:</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Kedaluwarsa</translation>
    </message>
    <message>
        <source>E&amp;xpiration (UTC):</source>
        <translation>&amp;Waktu kedaluwarsa (UTC):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Rules (JSON object):</source>
        <translation>&amp;Aturan (objek JSON):</translation>
    </message>
    <message>
        <source>The description is longer than %1 characters.</source>
        <translation>Deskripsi lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The expiration time is in the past.</source>
        <translation>Waktu kedaluwarsa sudah lewat.</translation>
    </message>
    <message>
        <source>Crea&amp;te</source>
        <translation>&amp;Buat</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>tidak dapat terhubung ke %1: %2</translation>
    </message>
    <message>
        <source>loaded %1 rows of MovR data into %2 (%3) in %4 ms</source>
        <translation>%1 baris data MovR dimuat ke %2 (%3) dalam %4 md</translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation>tidak dapat memasang penangan sinyal</translation>
    </message>
    <message>
        <source>Starting the demo database…</source>
        <translation>Menjalankan basis data demo…</translation>
    </message>
    <message>
        <source>Loading MovR data… %1%</source>
        <translation>Memuat data MovR… %1%</translation>
    </message>
    <message>
        <source>demo database ready: %1</source>
        <translation>basis data demo siap: %1</translation>
    </message>
    <message>
        <source>the demo database did not start: %1</source>
        <translation>basis data demo tidak berjalan: %1</translation>
    </message>
    <message>
        <source>The demo database did not start: %1</source>
        <translation>Basis data demo tidak berjalan: %1</translation>
    </message>
    <message>
        <source>the demo database did not stop within 60 s</source>
        <translation>basis data demo tidak berhenti dalam 60 dtk</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not a directory.</source>
        <translation>--demo-dir %1 bukan direktori.</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not empty and does not hold a MovR Admin demo database; choose an empty or new directory.</source>
        <translation>--demo-dir %1 tidak kosong dan tidak berisi basis data demo MovR Admin; pilih direktori yang kosong atau baru.</translation>
    </message>
    <message>
        <source>--demo-dir %1 is not writable.</source>
        <translation>--demo-dir %1 tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be created: %2 is not a directory.</source>
        <translation>--demo-dir %1 tidak dapat dibuat: %2 bukan direktori.</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be created: %2 is not writable.</source>
        <translation>--demo-dir %1 tidak dapat dibuat: %2 tidak dapat ditulisi.</translation>
    </message>
    <message>
        <source>PostgreSQL server binaries not found (looked in %1): install the Debian package postgresql-15 (apt-get install postgresql).</source>
        <translation>Program server PostgreSQL tidak ditemukan (dicari di %1): pasang paket Debian postgresql-15 (apt-get install postgresql).</translation>
    </message>
    <message>
        <source>--demo-dir %1 cannot be reached by the account %2 that runs the server as root: %3 is private; choose a directory such as /var/tmp/movr-demo.</source>
        <translation>--demo-dir %1 tidak dapat dijangkau oleh akun %2 yang menjalankan server saat sebagai root: %3 bersifat privat; pilih direktori seperti /var/tmp/movr-demo.</translation>
    </message>
    <message>
        <source>Running as root, and neither a postgres nor a nobody account exists to run the server as.</source>
        <translation>Berjalan sebagai root, dan tidak ada akun postgres maupun nobody untuk menjalankan server.</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory in %1: %2</source>
        <translation>Tidak dapat membuat direktori sementara di %1: %2</translation>
    </message>
    <message>
        <source>--demo-dir %1 is in use by another MovR Admin (process %2).</source>
        <translation>--demo-dir %1 sedang digunakan oleh MovR Admin lain (proses %2).</translation>
    </message>
    <message>
        <source>Cannot create --demo-dir %1.</source>
        <translation>Tidak dapat membuat --demo-dir %1.</translation>
    </message>
    <message>
        <source>Cannot write in %1.</source>
        <translation>Tidak dapat menulis di %1.</translation>
    </message>
    <message>
        <source>Cannot hand %1 to the server&apos;s user: %2</source>
        <translation>Tidak dapat menyerahkan %1 kepada pengguna server: %2</translation>
    </message>
    <message>
        <source>%1 has a database but no password file.</source>
        <translation>%1 berisi basis data tetapi tidak ada berkas kata sandi.</translation>
    </message>
    <message>
        <source>initdb failed: %1</source>
        <translation>initdb gagal: %1</translation>
    </message>
    <message>
        <source>Cannot start postgres: %1</source>
        <translation>Tidak dapat menjalankan postgres: %1</translation>
    </message>
    <message>
        <source>The server exited while starting: %1</source>
        <translation>Server berhenti saat dijalankan: %1</translation>
    </message>
    <message>
        <source>The server did not accept connections within %1 s.</source>
        <translation>Server tidak menerima koneksi dalam %1 dtk.</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1.</source>
        <translation>Tidak ada port kosong di 127.0.0.1.</translation>
    </message>
    <message>
        <source>Cannot copy the TLS certificate and key into %1.</source>
        <translation>Tidak dapat menyalin sertifikat dan kunci TLS ke %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Tidak dapat menulis %1.</translation>
    </message>
    <message>
        <source>%1 must be at least %2 (one row per city), not %3.</source>
        <translation>%1 minimal harus %2 (satu baris per kota), bukan %3.</translation>
    </message>
    <message>
        <source>Loading was canceled.</source>
        <translation>Pemuatan dibatalkan.</translation>
    </message>
    <message>
        <source>The database %1 already has MovR tables (%2); use --drop to replace them.</source>
        <translation>Basis data %1 sudah memiliki tabel MovR (%2); gunakan --drop untuk menggantinya.</translation>
    </message>
    <message>
        <source>The connection string is empty.</source>
        <translation>String koneksi kosong.</translation>
    </message>
    <message>
        <source>Unsupported URL scheme &quot;%1&quot;: use postgresql://, postgres:// or cockroachdb://.</source>
        <translation>Skema URL &quot;%1&quot; tidak didukung: gunakan postgresql://, postgres://, atau cockroachdb://.</translation>
    </message>
    <message>
        <source>Malformed connection string: %1</source>
        <translation>String koneksi tidak valid: %1</translation>
    </message>
    <message>
        <source>The URL names no host (expected postgresql://user@host:port/database).</source>
        <translation>URL tidak menyebutkan host (yang diharapkan: postgresql://user@host:port/database).</translation>
    </message>
    <message>
        <source>Invalid port &quot;%1&quot;: a port is a number from 1 to 65535.</source>
        <translation>Port &quot;%1&quot; tidak valid: port adalah angka dari 1 sampai 65535.</translation>
    </message>
    <message>
        <source>Unknown sslmode &quot;%1&quot;: use one of %2.</source>
        <translation>sslmode &quot;%1&quot; tidak dikenal: gunakan salah satu dari %2.</translation>
    </message>
    <message>
        <source>DATABASE_URL is not set.</source>
        <translation>DATABASE_URL tidak diatur.</translation>
    </message>
    <message>
        <source>DATABASE_URL: %1</source>
        <translation>DATABASE_URL: %1</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; does not exist.</source>
        <translation>Direktori sertifikat &quot;%1&quot; tidak ada.</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; has no ca.crt.</source>
        <translation>Direktori sertifikat &quot;%1&quot; tidak berisi ca.crt.</translation>
    </message>
    <message>
        <source>Certificates directory &quot;%1&quot; has %2 but not %3.</source>
        <translation>Direktori sertifikat &quot;%1&quot; berisi %2 tetapi tidak berisi %3.</translation>
    </message>
    <message>
        <source>demo certificates directory: %1 (connect with --url %2 --certs-dir %1)</source>
        <translation>direktori sertifikat demo: %1 (sambungkan dengan --url %2 --certs-dir %1)</translation>
    </message>
    <message>
        <source>The changefeed sent a value that is neither JSON nor hex-escaped bytes.</source>
        <translation>Changefeed mengirim nilai yang bukan JSON maupun byte dengan escape heksadesimal.</translation>
    </message>
    <message>
        <source>The changefeed message has no &quot;updated&quot; timestamp; the changefeed must be created WITH updated.</source>
        <translation>Pesan changefeed tidak memiliki stempel waktu &quot;updated&quot;; changefeed harus dibuat WITH updated.</translation>
    </message>
    <message>
        <source>The changefeed message has no &quot;%1&quot; timestamp.</source>
        <translation>Pesan changefeed tidak memiliki stempel waktu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The changefeed&apos;s &quot;%1&quot; timestamp &quot;%2&quot; is not a CockroachDB timestamp.</source>
        <translation>Stempel waktu &quot;%1&quot; dari changefeed, &quot;%2&quot;, bukan stempel waktu CockroachDB.</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s value is not a JSON object.</source>
        <translation>Nilai baris changefeed bukan objek JSON.</translation>
    </message>
    <message>
        <source>The changefeed sent a change to table &quot;%1&quot;, which it was not asked to follow.</source>
        <translation>Changefeed mengirim perubahan pada tabel &quot;%1&quot;, yang tidak diminta untuk diikutinya.</translation>
    </message>
    <message>
        <source>The changefeed&apos;s key for table &quot;%1&quot; is not an array of its %2 primary key values.</source>
        <translation>Kunci changefeed untuk tabel &quot;%1&quot; bukan larik berisi %2 nilai kunci primernya.</translation>
    </message>
    <message>
        <source>The changefeed message for table &quot;%1&quot; has no &quot;after&quot; field.</source>
        <translation>Pesan changefeed untuk tabel &quot;%1&quot; tidak memiliki bidang &quot;after&quot;.</translation>
    </message>
    <message>
        <source>The changefeed message for table &quot;%1&quot; has a row that is not a JSON object.</source>
        <translation>Pesan changefeed untuk tabel &quot;%1&quot; memiliki baris yang bukan objek JSON.</translation>
    </message>
    <message>
        <source>Unexpected text after the JSON value at byte %1.</source>
        <translation>Teks tak terduga setelah nilai JSON pada byte %1.</translation>
    </message>
    <message>
        <source>Malformed JSON at byte %1: %2.</source>
        <translation>JSON salah bentuk pada byte %1: %2.</translation>
    </message>
    <message>
        <source>The JSON value is nested too deeply.</source>
        <translation>Nilai JSON bersarang terlalu dalam.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a column value of unknown kind &apos;%1&apos;.</source>
        <translation>Aliran dekode logis mengirim nilai kolom dengan jenis tidak dikenal &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a truncated or malformed &apos;%1&apos; message.</source>
        <translation>Aliran dekode logis mengirim pesan &apos;%1&apos; yang terpotong atau salah bentuk.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent an empty message.</source>
        <translation>Aliran dekode logis mengirim pesan kosong.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a commit without a begin.</source>
        <translation>Aliran dekode logis mengirim commit tanpa begin.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a message of unknown type &apos;%1&apos;; pgoutput must be asked for proto_version &apos;1&apos;.</source>
        <translation>Aliran dekode logis mengirim pesan dengan tipe tidak dikenal &apos;%1&apos;; pgoutput harus diminta dengan proto_version &apos;1&apos;.</translation>
    </message>
    <message>
        <source>Table %1 has no column %2 any more; its rows must be read again.</source>
        <translation>Tabel %1 tidak lagi memiliki kolom %2; barisnya harus dibaca ulang.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a change outside a transaction.</source>
        <translation>Aliran dekode logis mengirim perubahan di luar transaksi.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a change to a table it had not described.</source>
        <translation>Aliran dekode logis mengirim perubahan pada tabel yang belum dideskripsikannya.</translation>
    </message>
    <message>
        <source>The logical decoding stream sent a row of table %1 whose columns do not match the table&apos;s; its rows must be read again.</source>
        <translation>Aliran dekode logis mengirim baris tabel %1 yang kolomnya tidak cocok dengan kolom tabel; barisnya harus dibaca ulang.</translation>
    </message>
    <message>
        <source>The changefeed row has no key.</source>
        <translation>Baris changefeed tidak memiliki kunci.</translation>
    </message>
    <message>
        <source>The changefeed row has no value.</source>
        <translation>Baris changefeed tidak memiliki nilai.</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s key is not valid JSON: %1</source>
        <translation>Kunci baris changefeed bukan JSON yang valid: %1</translation>
    </message>
    <message>
        <source>The changefeed row&apos;s value is not valid JSON: %1</source>
        <translation>Nilai baris changefeed bukan JSON yang valid: %1</translation>
    </message>
</context>
<context>
    <name>RetryInjectionActions</name>
    <message>
        <source>Inject retry errors (&amp;QA)</source>
        <translation>Suntikkan galat coba-ulang (&amp;QA)</translation>
    </message>
    <message>
        <source>The first attempt of every edit fails with a retry error (SQLSTATE 40001), so that the rollback and retry path runs. On CockroachDB the server fails the first three attempts (inject_retry_errors_enabled).</source>
        <translation>Percobaan pertama setiap perubahan gagal dengan galat coba-ulang (SQLSTATE 40001), sehingga jalur rollback dan coba-ulang dijalankan. Di CockroachDB server menggagalkan tiga percobaan pertama (inject_retry_errors_enabled).</translation>
    </message>
    <message>
        <source>Inject retry errors at &amp;commit (QA)</source>
        <translation>Suntikkan galat coba-ulang saat &amp;commit (QA)</translation>
    </message>
    <message>
        <source>The commit step of every edit&apos;s first attempt fails with a retry error (SQLSTATE 40001). On CockroachDB this sets inject_retry_errors_on_commit_enabled, which fails a COMMIT statement only: the edit commits at RELEASE SAVEPOINT cockroach_restart, and the COMMIT after it shows the error.</source>
        <translation>Langkah commit pada percobaan pertama setiap perubahan gagal dengan galat coba-ulang (SQLSTATE 40001). Di CockroachDB ini menyetel inject_retry_errors_on_commit_enabled, yang hanya menggagalkan pernyataan COMMIT: perubahan ter-commit pada RELEASE SAVEPOINT cockroach_restart, dan COMMIT sesudahnya menampilkan galat itu.</translation>
    </message>
    <message>
        <source>Retry error injection: %1</source>
        <translation>Penyuntikan galat coba-ulang: %1</translation>
    </message>
</context>
<context>
    <name>RowPicker</name>
    <message>
        <source>Name or the start of the id…</source>
        <translation>Nama atau awal id…</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
</context>
<context>
    <name>ScopeSelector</name>
    <message>
        <source>Which cities to show</source>
        <translation>Kota mana yang ditampilkan</translation>
    </message>
    <message>
        <source>All cities</source>
        <translation>Semua kota</translation>
    </message>
    <message>
        <source>Region %1</source>
        <translation>Wilayah %1</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>not encrypted</source>
        <translation>tidak terenkripsi</translation>
    </message>
    <message>
        <source>%1, certificate and host name verified</source>
        <translation>%1, sertifikat dan nama host terverifikasi</translation>
    </message>
    <message>
        <source>%1, certificate verified (host name not checked)</source>
        <translation>%1, sertifikat terverifikasi (nama host tidak diperiksa)</translation>
    </message>
    <message>
        <source>%1, server certificate not verified</source>
        <translation>%1, sertifikat server tidak diverifikasi</translation>
    </message>
</context>
<context>
    <name>SessionEntities</name>
    <message>
        <source>Workload look-up</source>
        <translation>Pencarian beban kerja</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Pintasan</translation>
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
        <translation>Semua</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Kegagalan</translation>
    </message>
    <message>
        <source>Copy as script</source>
        <translation>Salin sebagai skrip</translation>
    </message>
    <message>
        <source>Copy the selected actions, attempts or statements as a runnable SQL script, parameters inlined (Ctrl+Shift+C)</source>
        <translation>Salin tindakan, percobaan, atau pernyataan yang dipilih sebagai skrip SQL yang dapat dijalankan, dengan parameter disisipkan (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Save log…</source>
        <translation>Simpan log…</translation>
    </message>
    <message>
        <source>Save every statement of this session as a .sql file (Ctrl+Shift+S)</source>
        <translation>Simpan setiap pernyataan sesi ini sebagai berkas .sql (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bersihkan</translation>
    </message>
    <message>
        <source>Select an action, attempt or statement to see it as a runnable script.</source>
        <translation>Pilih tindakan, percobaan, atau pernyataan untuk melihatnya sebagai skrip yang dapat dijalankan.</translation>
    </message>
    <message>
        <source>Save SQL log</source>
        <translation>Simpan log SQL</translation>
    </message>
    <message>
        <source>SQL files (*.sql)</source>
        <translation>Berkas SQL (*.sql)</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Di-commit</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Hasil tidak diketahui</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Tidak dikirim</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Percobaan ulang</translation>
    </message>
    <message>
        <source>Which statements to show, by how their action ended</source>
        <translation>Pernyataan mana yang ditampilkan, menurut cara aksinya berakhir</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Semua sumber</translation>
    </message>
    <message>
        <source>My edits</source>
        <translation>Suntingan saya</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Beban kerja</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Pembacaan</translation>
    </message>
    <message>
        <source>Which statements to show, by who sent them: your own edits, the workload, or the window&apos;s reads</source>
        <translation>Pernyataan mana yang ditampilkan, menurut pengirimnya: suntingan Anda sendiri, beban kerja, atau pembacaan jendela</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Saved the SQL log to %1.</source>
        <translation>Log SQL disimpan ke %1.</translation>
    </message>
    <message>
        <source>Could not save the SQL log to %1: %2</source>
        <translation>Tidak dapat menyimpan log SQL ke %1: %2</translation>
    </message>
</context>
<context>
    <name>StartRideDialog</name>
    <message>
        <source>Start ride</source>
        <translation>Mulai perjalanan</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
    </message>
    <message>
        <source>&amp;Rider (user id):</source>
        <translation>&amp;Pengendara (ID pengguna):</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID pengguna di kota ini</translation>
    </message>
    <message>
        <source>&amp;Vehicle id:</source>
        <translation>ID k&amp;endaraan:</translation>
    </message>
    <message>
        <source>UUID of an available vehicle of this city</source>
        <translation>UUID kendaraan yang tersedia di kota ini</translation>
    </message>
    <message>
        <source>&amp;Start ride</source>
        <translation>&amp;Mulai perjalanan</translation>
    </message>
    <message>
        <source>Find an available vehicle in %1</source>
        <translation>Cari kendaraan yang tersedia di %1</translation>
    </message>
    <message>
        <source>Press Find… to choose the rider whose name or id starts with this text.</source>
        <translation>Tekan Cari… untuk memilih penumpang yang nama atau id-nya diawali teks ini.</translation>
    </message>
    <message>
        <source>Press Find… to choose the vehicle whose id starts with this text.</source>
        <translation>Tekan Cari… untuk memilih kendaraan yang id-nya diawali teks ini.</translation>
    </message>
</context>
<context>
    <name>StateOverlay</name>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Could not load the rows:
%1</source>
        <translation>Baris tidak dapat dimuat:
%1</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Ride id or the start of it…</source>
        <translation>ID perjalanan atau awalnya…</translation>
    </message>
    <message>
        <source>Name…</source>
        <translation>Nama…</translation>
    </message>
    <message>
        <source>Vehicle id or location…</source>
        <translation>ID kendaraan atau lokasi…</translation>
    </message>
    <message>
        <source>Code…</source>
        <translation>Kode…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Cari…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Cakupan:</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Sedang digunakan</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Hilang</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>Bike</source>
        <translation>Sepeda</translation>
    </message>
    <message>
        <source>Scooter</source>
        <translation>Skuter</translation>
    </message>
    <message>
        <source>Skateboard</source>
        <translation>Papan luncur</translation>
    </message>
    <message>
        <source>Active only</source>
        <translation>Hanya yang aktif</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Only rows whose %1 is in this range (local time)</source>
        <translation>Hanya baris yang %1-nya berada dalam rentang ini (waktu lokal)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Tidak terhubung.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Memuat %1…</translation>
    </message>
    <message>
        <source>This table is empty.</source>
        <translation>Tabel ini kosong.</translation>
    </message>
    <message>
        <source>No rows match the filter.</source>
        <translation>Tidak ada baris yang cocok dengan filter.</translation>
    </message>
    <message>
        <source>Could not load more rows: %1</source>
        <translation>Tidak dapat memuat baris lainnya: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n baris</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Tampilkan rincian</translation>
    </message>
    <message>
        <source>Hide card number</source>
        <translation>Sembunyikan nomor kartu</translation>
    </message>
    <message>
        <source>Reveal card number</source>
        <translation>Tampilkan nomor kartu</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Ekspor ke CSV…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Searching this text in all cities reads every row: no index covers it. &lt;a href=&quot;copy&quot;&gt;Copy the statement&lt;/a&gt; that makes it instant, for an admin to run.</source>
        <translation>Mencari teks ini di semua kota membaca setiap baris: tidak ada indeks yang mencakupnya. &lt;a href=&quot;copy&quot;&gt;Salin pernyataan&lt;/a&gt; yang membuatnya instan, untuk dijalankan admin.</translation>
    </message>
    <message>
        <source>Tick to end the range at a time; unticked, the range ends now and includes rows added later</source>
        <translation>Centang untuk mengakhiri rentang pada suatu waktu; tanpa centang, rentang berakhir sekarang dan mencakup baris yang ditambahkan kemudian</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message numerus="yes">
        <source>%n loaded, more as you scroll</source>
        <translation>
            <numerusform>%n dimuat, lebih banyak saat Anda menggulir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loaded of about %1 in the table</source>
        <translation>
            <numerusform>%n dimuat dari sekitar %1 di tabel</numerusform>
        </translation>
    </message>
    <message>
        <source>This filter reads every row in all cities: no index covers it. Choose a city, or &lt;a href=&quot;copy&quot;&gt;copy the statement&lt;/a&gt; that makes it instant, for an admin to run.</source>
        <translation>Filter ini membaca setiap baris di semua kota: tidak ada indeks yang mencakupnya. Pilih kota, atau &lt;a href=&quot;copy&quot;&gt;salin pernyataan&lt;/a&gt; yang membuatnya instan, untuk dijalankan admin.</translation>
    </message>
    <message>
        <source>Sorting by this column in all cities reads every row: MovR&apos;s indexes start with the city. Choose a city to sort it quickly.</source>
        <translation>Mengurutkan menurut kolom ini di semua kota membaca setiap baris: indeks MovR diawali dengan kota. Pilih kota agar pengurutan cepat.</translation>
    </message>
</context>
<context>
    <name>TablePrivileges</name>
    <message>
        <source>Needs %1: the SQL user &quot;%2&quot; lacks this privilege.</source>
        <translation>Memerlukan %1: pengguna SQL &quot;%2&quot; tidak memiliki hak akses ini.</translation>
    </message>
    <message>
        <source>Needs %1: the SQL user &quot;%2&quot; lacks these privileges.</source>
        <translation>Memerlukan %1: pengguna SQL &quot;%2&quot; tidak memiliki hak akses ini.</translation>
    </message>
</context>
<context>
    <name>TableSpec</name>
    <message>
        <source>Vehicles</source>
        <translation>Kendaraan</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Perjalanan</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Location history</source>
        <translation>Riwayat lokasi</translation>
    </message>
    <message>
        <source>User promo codes</source>
        <translation>Kode promo pengguna</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Pemilik</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Rider</source>
        <translation>Pengendara</translation>
    </message>
    <message>
        <source>Vehicle city</source>
        <translation>Kota kendaraan</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Kendaraan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Ke</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dimulai</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Pendapatan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Kartu kredit</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Perjalanan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Lintang</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Bujur</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Diterapkan</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Penggunaan</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>Statement</source>
        <translation>Pernyataan</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>SQLSTATE</source>
        <translation>SQLSTATE</translation>
    </message>
    <message>
        <source>  (%1 attempts)</source>
        <translation>  (%1 percobaan)</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 pernyataan</translation>
    </message>
    <message>
        <source>%1 statements</source>
        <translation>%1 pernyataan</translation>
    </message>
    <message>
        <source>Attempt 1 (retry error injected)</source>
        <translation>Percobaan 1 (galat coba-ulang disisipkan)</translation>
    </message>
    <message>
        <source>Attempt 1</source>
        <translation>Percobaan 1</translation>
    </message>
    <message>
        <source>Attempt %1 (retry)</source>
        <translation>Percobaan %1 (ulang)</translation>
    </message>
    <message>
        <source>Attempt %1 — retry after: %2</source>
        <translation>Percobaan %1 — diulang setelah: %2</translation>
    </message>
    <message>
        <source>[injected] %1</source>
        <translation>[disisipkan] %1</translation>
    </message>
    <message>
        <source>Committed.</source>
        <translation>Di-commit.</translation>
    </message>
    <message>
        <source>Refused; nothing was written.</source>
        <translation>Ditolak; tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Refused; nothing was written: %1</source>
        <translation>Ditolak; tidak ada yang ditulis: %1</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Gagal.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <source>Unknown whether it committed.</source>
        <translation>Tidak diketahui apakah sudah di-commit.</translation>
    </message>
    <message>
        <source>Unknown whether it committed: %1</source>
        <translation>Tidak diketahui apakah sudah di-commit: %1</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>Tidak dikirim.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Tidak dikirim: %1</translation>
    </message>
    <message>
        <source>Not sent: an earlier statement in the same pipeline failed, so the server skipped this one.</source>
        <translation>Tidak dikirim: pernyataan sebelumnya dalam pipeline yang sama gagal, sehingga server melewati pernyataan ini.</translation>
    </message>
    <message>
        <source>[not sent] %1</source>
        <translation>[tidak dikirim] %1</translation>
    </message>
</context>
<context>
    <name>TransactionRunner</name>
    <message>
        <source>not connected</source>
        <translation>tidak terhubung</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>koneksi terputus</translation>
    </message>
    <message>
        <source>no reply from the server in time; connection closed</source>
        <translation>tidak ada balasan dari server tepat waktu; koneksi ditutup</translation>
    </message>
    <message>
        <source>not executed: an earlier statement in the pipeline failed</source>
        <translation>tidak dijalankan: pernyataan sebelumnya dalam pipeline gagal</translation>
    </message>
    <message>
        <source>no reply: %1</source>
        <translation>tidak ada balasan: %1</translation>
    </message>
    <message>
        <source>the transaction did not commit</source>
        <translation>transaksi tidak ter-commit</translation>
    </message>
    <message>
        <source>no way to check whether it committed</source>
        <translation>tidak ada cara untuk memeriksa apakah transaksi ter-commit</translation>
    </message>
    <message>
        <source>cannot reconnect to check: %1</source>
        <translation>tidak dapat terhubung kembali untuk memeriksa: %1</translation>
    </message>
    <message>
        <source>the old session is still running on the server</source>
        <translation>sesi lama masih berjalan di server</translation>
    </message>
    <message>
        <source>the check failed: %1</source>
        <translation>pemeriksaan gagal: %1</translation>
    </message>
    <message>
        <source>the transaction is empty</source>
        <translation>transaksi kosong</translation>
    </message>
    <message>
        <source>ambiguous commit</source>
        <translation>commit yang tidak pasti</translation>
    </message>
    <message>
        <source>gave up after %1 attempts</source>
        <translation>menyerah setelah %1 percobaan</translation>
    </message>
    <message>
        <source>deadline passed after %1 attempts</source>
        <translation>tenggat terlewati setelah %1 percobaan</translation>
    </message>
    <message>
        <source>the connection was lost during the check</source>
        <translation>sambungan terputus selama pemeriksaan</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <source>System default</source>
        <translation>Bawaan sistem</translation>
    </message>
</context>
<context>
    <name>TutorialOperations</name>
    <message>
        <source>Read vehicles</source>
        <translation>Baca kendaraan</translation>
    </message>
    <message>
        <source>Start ride</source>
        <translation>Mulai perjalanan</translation>
    </message>
    <message>
        <source>There is no such vehicle in %1.</source>
        <translation>Tidak ada kendaraan tersebut di %1.</translation>
    </message>
    <message>
        <source>End ride</source>
        <translation>Akhiri perjalanan</translation>
    </message>
    <message>
        <source>There is no such ride in %1.</source>
        <translation>Tidak ada perjalanan tersebut di %1.</translation>
    </message>
    <message>
        <source>The ride already ended.</source>
        <translation>Perjalanan sudah berakhir.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Tambah kendaraan</translation>
    </message>
    <message>
        <source>The owner is not a user in %1.</source>
        <translation>Pemilik bukan pengguna di %1.</translation>
    </message>
    <message>
        <source>Apply promo code</source>
        <translation>Terapkan kode promo</translation>
    </message>
    <message>
        <source>The promo code does not exist or has expired.</source>
        <translation>Kode promo tidak ada atau sudah kedaluwarsa.</translation>
    </message>
    <message>
        <source>The user already has this promo code.</source>
        <translation>Pengguna sudah memiliki kode promo ini.</translation>
    </message>
    <message>
        <source>Create promo code</source>
        <translation>Buat kode promo</translation>
    </message>
    <message>
        <source>Record vehicle location</source>
        <translation>Catat lokasi kendaraan</translation>
    </message>
    <message>
        <source>The ride is not active.</source>
        <translation>Perjalanan tidak aktif.</translation>
    </message>
</context>
<context>
    <name>TutorialRunner</name>
    <message>
        <source>Not connected.</source>
        <translation>Tidak terhubung.</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>Koneksi terputus.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
    </message>
    <message>
        <source>User &amp;id:</source>
        <translation>&amp;ID pengguna:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>First Last</source>
        <translation>Nama Depan Belakang</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>alamat jalan</translation>
    </message>
    <message>
        <source>C&amp;redit card:</source>
        <translation>Kartu k&amp;redit:</translation>
    </message>
    <message>
        <source>10 to 19 digits, or empty</source>
        <translation>10 sampai 19 digit, atau kosong</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Sunting pengguna</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Addr&amp;ess:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Show the card number in full</source>
        <translation>Tampilkan nomor kartu secara lengkap</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Sembunyikan</translation>
    </message>
</context>
<context>
    <name>UserPicker</name>
    <message>
        <source>Find a user in %1</source>
        <translation>Cari pengguna di %1</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The user id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID pengguna bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rider id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID penumpang bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The vehicle id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID kendaraan bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A vehicle id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>Sebuah ID kendaraan bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The ride id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID perjalanan bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The owner id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID pemilik bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The id is not a valid UUID: &quot;%1&quot;.</source>
        <translation>ID bukan UUID yang valid: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The city is missing.</source>
        <translation>Kota tidak diisi.</translation>
    </message>
    <message>
        <source>The city &quot;%1&quot; is not a MovR city (expected one of: %2).</source>
        <translation>Kota &quot;%1&quot; bukan kota MovR (yang diharapkan salah satu dari: %2).</translation>
    </message>
    <message>
        <source>The vehicle status &quot;%1&quot; is unknown (expected one of: %2).</source>
        <translation>Status kendaraan &quot;%1&quot; tidak dikenal (yang diharapkan salah satu dari: %2).</translation>
    </message>
    <message>
        <source>A vehicle becomes in_use by starting a ride, not by setting its status.</source>
        <translation>Kendaraan menjadi in_use dengan memulai perjalanan, bukan dengan mengatur statusnya.</translation>
    </message>
    <message>
        <source>Use &quot;retire vehicle&quot; to retire a vehicle.</source>
        <translation>Gunakan &quot;retire vehicle&quot; untuk memensiunkan kendaraan.</translation>
    </message>
    <message>
        <source>The vehicle type &quot;%1&quot; is unknown (expected one of: %2).</source>
        <translation>Jenis kendaraan &quot;%1&quot; tidak dikenal (yang diharapkan salah satu dari: %2).</translation>
    </message>
    <message>
        <source>The revenue is missing.</source>
        <translation>Pendapatan tidak diisi.</translation>
    </message>
    <message>
        <source>The revenue must not be negative: %1.</source>
        <translation>Pendapatan tidak boleh negatif: %1.</translation>
    </message>
    <message>
        <source>The revenue has more than two decimals: %1.</source>
        <translation>Pendapatan memiliki lebih dari dua angka desimal: %1.</translation>
    </message>
    <message>
        <source>The revenue is not an amount like 12.50: &quot;%1&quot;.</source>
        <translation>Pendapatan bukan jumlah seperti 12.50: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rules are longer than %1 characters.</source>
        <translation>Aturan lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The ext column is longer than %1 characters.</source>
        <translation>Kolom ext lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The rules are not valid JSON: %1 at character %2.</source>
        <translation>Aturan bukan JSON yang valid: %1 pada karakter %2.</translation>
    </message>
    <message>
        <source>The ext column is not valid JSON: %1 at character %2.</source>
        <translation>Kolom ext bukan JSON yang valid: %1 pada karakter %2.</translation>
    </message>
    <message>
        <source>The rules must be a JSON object like {&quot;type&quot;: &quot;percent_discount&quot;}.</source>
        <translation>Aturan harus berupa objek JSON seperti {&quot;type&quot;: &quot;percent_discount&quot;}.</translation>
    </message>
    <message>
        <source>The ext column must be a JSON object like {&quot;color&quot;: &quot;red&quot;}.</source>
        <translation>Kolom ext harus berupa objek JSON seperti {&quot;color&quot;: &quot;red&quot;}.</translation>
    </message>
    <message>
        <source>The credit card number must be 10 to 19 digits, nothing else.</source>
        <translation>Nomor kartu kredit harus terdiri dari 10 sampai 19 digit, tanpa karakter lain.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Nama kosong.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Nama lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The name contains control characters (line breaks, tabs...).</source>
        <translation>Nama mengandung karakter kontrol (baris baru, tab...).</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>Alamat kosong.</translation>
    </message>
    <message>
        <source>The address is longer than %1 characters.</source>
        <translation>Alamat lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The address contains control characters (line breaks, tabs...).</source>
        <translation>Alamat mengandung karakter kontrol (baris baru, tab...).</translation>
    </message>
    <message>
        <source>The location is empty.</source>
        <translation>Lokasi kosong.</translation>
    </message>
    <message>
        <source>The location is longer than %1 characters.</source>
        <translation>Lokasi lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The location contains control characters (line breaks, tabs...).</source>
        <translation>Lokasi mengandung karakter kontrol (baris baru, tab...).</translation>
    </message>
    <message>
        <source>The start address is empty.</source>
        <translation>Alamat awal kosong.</translation>
    </message>
    <message>
        <source>The start address is longer than %1 characters.</source>
        <translation>Alamat awal lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The start address contains control characters (line breaks, tabs...).</source>
        <translation>Alamat awal mengandung karakter kontrol (baris baru, tab...).</translation>
    </message>
    <message>
        <source>The end address is empty.</source>
        <translation>Alamat akhir kosong.</translation>
    </message>
    <message>
        <source>The end address is longer than %1 characters.</source>
        <translation>Alamat akhir lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The end address contains control characters (line breaks, tabs...).</source>
        <translation>Alamat akhir mengandung karakter kontrol (baris baru, tab...).</translation>
    </message>
    <message>
        <source>The promo code is empty.</source>
        <translation>Kode promo kosong.</translation>
    </message>
    <message>
        <source>The promo code is longer than %1 characters.</source>
        <translation>Kode promo lebih panjang dari %1 karakter.</translation>
    </message>
    <message>
        <source>The promo code may contain only letters, digits, &apos;_&apos; and &apos;-&apos;: &quot;%1&quot;.</source>
        <translation>Kode promo hanya boleh berisi huruf, angka, &apos;_&apos; dan &apos;-&apos;: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The creation time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Waktu pembuatan bukan stempel waktu seperti 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The expiration time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Waktu kedaluwarsa bukan stempel waktu seperti 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The time is not a timestamp like 2024-05-01 12:30:00: &quot;%1&quot;.</source>
        <translation>Waktu bukan stempel waktu seperti 2024-05-01 12:30:00: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The latitude must be between -90 and 90.</source>
        <translation>Lintang harus antara -90 dan 90.</translation>
    </message>
    <message>
        <source>The longitude must be between -180 and 180.</source>
        <translation>Bujur harus antara -180 dan 180.</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>Vehicle</source>
        <translation>Kendaraan</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
    </message>
    <message>
        <source>Vehicle &amp;id:</source>
        <translation>&amp;ID kendaraan:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Owner (user id):</source>
        <translation>&amp;Pemilik (ID pengguna):</translation>
    </message>
    <message>
        <source>UUID of a user of this city</source>
        <translation>UUID pengguna di kota ini</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Lokasi:</translation>
    </message>
    <message>
        <source>street address</source>
        <translation>alamat jalan</translation>
    </message>
    <message>
        <source>&amp;Brand:</source>
        <translation>&amp;Merek:</translation>
    </message>
    <message>
        <source>Add vehicle</source>
        <translation>Tambah kendaraan</translation>
    </message>
    <message>
        <source>Edit vehicle</source>
        <translation>Sunting kendaraan</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Cari…</translation>
    </message>
    <message>
        <source>Find the owner by name among the users of this city</source>
        <translation>Cari pemilik berdasarkan nama di antara pengguna kota ini</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>St&amp;atus:</translation>
    </message>
    <message>
        <source>Colo&amp;r:</source>
        <translation>&amp;Warna:</translation>
    </message>
</context>
<context>
    <name>VehicleStatusDialog</name>
    <message>
        <source>Set vehicle status</source>
        <translation>Atur status kendaraan</translation>
    </message>
    <message>
        <source>Vehicles:</source>
        <translation>Kendaraan:</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>Status &amp;baru:</translation>
    </message>
    <message numerus="yes">
        <source>%n vehicle(s) in %1</source>
        <translation>
            <numerusform>%n kendaraan di %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Welcome to MovR Admin&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Selamat datang di MovR Admin&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Start a local demo database</source>
        <translation>Jalankan basis data demo lokal</translation>
    </message>
    <message>
        <source>A private PostgreSQL with generated MovR data, removed when you quit. Nothing to set up.</source>
        <translation>PostgreSQL pribadi dengan data MovR yang dihasilkan, dihapus saat Anda keluar. Tidak perlu pengaturan apa pun.</translation>
    </message>
    <message>
        <source>Connect to a cluster…</source>
        <translation>Hubungkan ke klaster…</translation>
    </message>
    <message>
        <source>CockroachDB (secure or insecure) or PostgreSQL, by URL or by fields, with certificates.</source>
        <translation>CockroachDB (aman atau tidak aman) atau PostgreSQL, melalui URL atau rincian, dengan sertifikat.</translation>
    </message>
    <message>
        <source>Recent connections</source>
        <translation>Koneksi terakhir</translation>
    </message>
</context>
<context>
    <name>WorkerBase</name>
    <message>
        <source>the worker is shutting down</source>
        <translation>worker sedang dihentikan</translation>
    </message>
    <message>
        <source>superseded by a newer request</source>
        <translation>digantikan oleh permintaan yang lebih baru</translation>
    </message>
    <message>
        <source>the connection was lost %1 times while running this request; giving up</source>
        <translation>koneksi terputus %1 kali saat menjalankan permintaan ini; menyerah</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>koneksi terputus</translation>
    </message>
</context>
<context>
    <name>WorkloadCheck</name>
    <message>
        <source>No vehicle is in two active rides at once.</source>
        <translation>Tidak ada kendaraan yang berada dalam dua perjalanan aktif sekaligus.</translation>
    </message>
    <message>
        <source>A vehicle is in use exactly when it has an active ride, and a lost or retired vehicle has no active ride.</source>
        <translation>Kendaraan sedang digunakan tepat ketika memiliki perjalanan aktif, dan kendaraan yang hilang atau dipensiunkan tidak memiliki perjalanan aktif.</translation>
    </message>
    <message>
        <source>Every ride&apos;s rider is a user of the ride&apos;s city and its vehicle a vehicle of the same city.</source>
        <translation>Penumpang setiap perjalanan adalah pengguna di kota perjalanan tersebut dan kendaraannya adalah kendaraan di kota yang sama.</translation>
    </message>
    <message>
        <source>No ride ends before it starts.</source>
        <translation>Tidak ada perjalanan yang berakhir sebelum dimulai.</translation>
    </message>
    <message>
        <source>No ride has a negative revenue.</source>
        <translation>Tidak ada perjalanan dengan pendapatan negatif.</translation>
    </message>
    <message>
        <source>Every promo code a user holds exists, belongs to a user of that city, was applied while it was valid and has a usage count that is not negative.</source>
        <translation>Setiap kode promo yang dimiliki pengguna memang ada, dimiliki oleh pengguna di kota tersebut, diterapkan saat masih berlaku, dan memiliki jumlah penggunaan yang tidak negatif.</translation>
    </message>
    <message>
        <source>The check cannot run inside an open transaction.</source>
        <translation>Pemeriksaan tidak dapat dijalankan di dalam transaksi yang terbuka.</translation>
    </message>
    <message>
        <source>ERROR %1: %2 The check could not run: %3</source>
        <translation>ERROR %1: %2 Pemeriksaan tidak dapat dijalankan: %3</translation>
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
            <numerusform>%n baris melanggarnya; %1 baris pertama ditampilkan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) break it.</source>
        <translation>
            <numerusform>%n baris melanggarnya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n invariant(s) hold.</source>
        <translation>
            <numerusform>Semua %n invarian terpenuhi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n invariant(s) do not hold.</source>
        <translation>
            <numerusform>%1 dari %n invarian tidak terpenuhi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadCli</name>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Tidak dapat terhubung ke %1: %2</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>Pemeriksaan tidak dapat dijalankan: %1</translation>
    </message>
    <message>
        <source>Cannot install the signal handlers.</source>
        <translation>Tidak dapat memasang penangan sinyal.</translation>
    </message>
    <message numerus="yes">
        <source>Running the %1 mix with %n session(s) on %2 (seed %3); Ctrl+C stops.</source>
        <translation>
            <numerusform>Menjalankan campuran %1 dengan %n sesi pada %2 (seed %3); Ctrl+C untuk berhenti.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run stopped on an unexpected error: %1</source>
        <translation>Eksekusi berhenti karena kesalahan tak terduga: %1</translation>
    </message>
    <message numerus="yes">
        <source>The run had %n unexpected error(s).</source>
        <translation>
            <numerusform>Eksekusi mengalami %n kesalahan tak terduga.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkloadDock</name>
    <message>
        <source>Workload</source>
        <translation>Beban kerja</translation>
    </message>
    <message>
        <source>Running the %1 mix (seed %2).</source>
        <translation>Menjalankan campuran %1 (seed %2).</translation>
    </message>
    <message>
        <source>Not running.</source>
        <translation>Tidak berjalan.</translation>
    </message>
    <message>
        <source>Canonical (95% reads, like cockroach workload)</source>
        <translation>Kanonis (95% pembacaan, seperti cockroach workload)</translation>
    </message>
    <message>
        <source>Steady (starts and ends balanced)</source>
        <translation>Stabil (awal dan akhir seimbang)</translation>
    </message>
    <message>
        <source>Writes only</source>
        <translation>Hanya penulisan</translation>
    </message>
    <message>
        <source>&amp;Mix:</source>
        <translation>&amp;Campuran:</translation>
    </message>
    <message>
        <source> ops/s</source>
        <translation> ops/s</translation>
    </message>
    <message>
        <source>The operations per second over all sessions; it can change while the workload runs.</source>
        <translation>Operasi per detik untuk semua sesi; dapat diubah saat beban kerja berjalan.</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Laju:</translation>
    </message>
    <message>
        <source>Sessions, each with its own connection to the server.</source>
        <translation>Sesi, masing-masing dengan koneksinya sendiri ke server.</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Konkurensi:</translation>
    </message>
    <message>
        <source>None: writes spread over all cities</source>
        <translation>Tidak ada: penulisan tersebar ke semua kota</translation>
    </message>
    <message>
        <source>Concentrates most writes on a few vehicles of one city, so that transactions conflict and retry.</source>
        <translation>Memusatkan sebagian besar penulisan pada beberapa kendaraan di satu kota, sehingga transaksi saling berkonflik dan diulang.</translation>
    </message>
    <message>
        <source>&amp;Hot city:</source>
        <translation>Kota &amp;hotspot:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Hen&amp;tikan</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operasi</translation>
    </message>
    <message>
        <source>ops/s</source>
        <translation>ops/s</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
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
        <translation>Percobaan ulang</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Semua operasi</translation>
    </message>
    <message>
        <source>retries/s</source>
        <translation>percobaan ulang/s</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>detik</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>per detik</translation>
    </message>
    <message>
        <source>Connect to a database first.</source>
        <translation>Hubungkan ke basis data terlebih dahulu.</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Memeriksa basis data…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Dihentikan.</translation>
    </message>
    <message>
        <source>Stopped by an unexpected error: %1</source>
        <translation>Dihentikan oleh kesalahan tak terduga: %1</translation>
    </message>
    <message>
        <source>%1: %2 retries</source>
        <translation>%1: %2 percobaan ulang</translation>
    </message>
    <message>
        <source>Latest unexpected error: %1</source>
        <translation>Kesalahan tak terduga terakhir: %1</translation>
    </message>
</context>
<context>
    <name>WorkloadEngine</name>
    <message>
        <source>The rate must be a positive number of operations per second (or 0 for no limit).</source>
        <translation>Laju harus berupa jumlah operasi per detik yang positif (atau 0 untuk tanpa batas).</translation>
    </message>
    <message>
        <source>The concurrency must be at least one session.</source>
        <translation>Konkurensi harus paling sedikit satu sesi.</translation>
    </message>
    <message>
        <source>The concurrency must be at most 10000 sessions.</source>
        <translation>Konkurensi paling banyak 10000 sesi.</translation>
    </message>
    <message>
        <source>The duration must not be negative.</source>
        <translation>Durasi tidak boleh negatif.</translation>
    </message>
    <message>
        <source>The maximum number of operations must not be negative.</source>
        <translation>Jumlah maksimum operasi tidak boleh negatif.</translation>
    </message>
    <message>
        <source>The ramp must not be negative.</source>
        <translation>Waktu peningkatan laju tidak boleh negatif.</translation>
    </message>
    <message>
        <source>The hot fraction must be between 0 and 1.</source>
        <translation>Porsi hotspot harus antara 0 dan 1.</translation>
    </message>
    <message>
        <source>The hot city needs at least one vehicle to ride.</source>
        <translation>Kota hotspot memerlukan paling sedikit satu kendaraan untuk dikendarai.</translation>
    </message>
    <message>
        <source>There is no MovR city named &quot;%1&quot;.</source>
        <translation>Tidak ada kota MovR bernama &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A transaction needs at least one attempt.</source>
        <translation>Transaksi memerlukan paling sedikit satu percobaan.</translation>
    </message>
    <message>
        <source>The server accepts only %1 more connections, fewer than the %2 sessions asked for.</source>
        <translation>Server hanya menerima %1 koneksi lagi, lebih sedikit dari %2 sesi yang diminta.</translation>
    </message>
    <message>
        <source>The hot city &quot;%1&quot; has no vehicles.</source>
        <translation>Kota hotspot &quot;%1&quot; tidak memiliki kendaraan.</translation>
    </message>
</context>
<context>
    <name>WorkloadReport</name>
    <message>
        <source>Retries by SQLSTATE: %1.</source>
        <translation>Percobaan ulang menurut SQLSTATE: %1.</translation>
    </message>
    <message>
        <source>Ambiguous commits: %1 (%2 committed, %3 not committed, %4 unknown).</source>
        <translation>Commit ambigu: %1 (%2 ter-commit, %3 tidak ter-commit, %4 tidak diketahui).</translation>
    </message>
</context>
<context>
    <name>WorkloadSession</name>
    <message>
        <source>The transaction did not commit.</source>
        <translation>Transaksi tidak di-commit.</translation>
    </message>
    <message>
        <source>%1 The commit could not be decided; check with: %2</source>
        <translation>%1 Hasil commit tidak dapat dipastikan; periksa dengan: %2</translation>
    </message>
    <message>
        <source>Session %1 could not connect: %2</source>
        <translation>Sesi %1 tidak dapat terhubung: %2</translation>
    </message>
    <message>
        <source>The workload stopped at an unexpected error in %1: %2</source>
        <translation>Beban kerja berhenti karena kesalahan tak terduga di %1: %2</translation>
    </message>
    <message>
        <source>The workload is stopping.</source>
        <translation>Beban kerja sedang dihentikan.</translation>
    </message>
    <message>
        <source>Unknown workload operation.</source>
        <translation>Operasi beban kerja tidak dikenal.</translation>
    </message>
    <message>
        <source>Read vehicles</source>
        <translation>Baca kendaraan</translation>
    </message>
    <message>
        <source>No rider or no available vehicle in %1.</source>
        <translation>Tidak ada penumpang atau tidak ada kendaraan yang tersedia di %1.</translation>
    </message>
    <message>
        <source>No active ride to end in %1.</source>
        <translation>Tidak ada perjalanan aktif untuk diakhiri di %1.</translation>
    </message>
    <message>
        <source>No user in %1 to own a vehicle.</source>
        <translation>Tidak ada pengguna di %1 untuk memiliki kendaraan.</translation>
    </message>
    <message>
        <source>No user in %1 or no valid promo code.</source>
        <translation>Tidak ada pengguna di %1 atau tidak ada kode promo yang valid.</translation>
    </message>
    <message>
        <source>Created by the MovR workload.</source>
        <translation>Dibuat oleh beban kerja MovR.</translation>
    </message>
</context>
</TS>
