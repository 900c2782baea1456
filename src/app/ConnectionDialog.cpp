#include "ConnectionDialog.h"

#include "PasswordStore.h"
#include "Theme.h"
#include "worker/ConnectionTester.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

enum Tab { UrlTab, FieldsTab };
// The Profile box's item data of the running demo (the others hold a profile index).
constexpr int DemoItem = -2;

QLineEdit *fileField(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Connect to a cluster"));
    m_tester = new ConnectionTester(this);
    m_passwords = new PasswordStore(this);

    auto *layout = new QVBoxLayout(this);
    auto *profileRow = new QHBoxLayout;
    m_profiles = new QComboBox(this);
    m_profiles->setObjectName(QStringLiteral("profiles"));
    m_profiles->setMinimumContentsLength(30);
    auto *saveButton = new QPushButton(tr("Save as…"), this);
    saveButton->setObjectName(QStringLiteral("saveProfile"));
    auto *deleteButton = new QPushButton(tr("Delete"), this);
    deleteButton->setObjectName(QStringLiteral("deleteProfile"));
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profiles);
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profiles, 1);
    profileRow->addWidget(saveButton);
    profileRow->addWidget(deleteButton);
    layout->addLayout(profileRow);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createUrlTab(), tr("&URL"));
    m_tabs->addTab(createFieldsTab(), tr("&Fields"));
    layout->addWidget(m_tabs);

    auto *common = new QFormLayout;
    m_certsDirectory = fileField(this, QStringLiteral("certsDirectory"),
                                 tr("optional: ca.crt and client.<user>.crt/.key"));
    auto *certsRow = new QHBoxLayout;
    certsRow->addWidget(m_certsDirectory);
    auto *certsBrowse = new QToolButton(this);
    certsBrowse->setText(QStringLiteral("…"));
    certsBrowse->setObjectName(QStringLiteral("browseCertsDirectory"));
    certsRow->addWidget(certsBrowse);
    auto *certsLabel = new QLabel(tr("Certificates &directory:"), this);
    certsLabel->setBuddy(m_certsDirectory);
    common->addRow(certsLabel, certsRow);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    common->addRow(tr("Pass&word:"), m_password);
    m_remember = new QCheckBox(tr("Remember the password in the s&ystem keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    common->addRow(QString(), m_remember);
    layout->addLayout(common);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(40);
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_test = m_buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("test"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::startTest);
    connect(m_tester, &ConnectionTester::finished, this, &ConnectionDialog::showTestResult);
    connect(saveButton, &QPushButton::clicked, this, &ConnectionDialog::saveProfile);
    connect(deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(certsBrowse, &QToolButton::clicked, this,
            [this] { browseFile(m_certsDirectory, tr("Certificates directory"), true); });
    connect(m_profiles, &QComboBox::activated, this, &ConnectionDialog::applyProfile);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        // Carry what was entered over to the other form.
        const int previous = tab == UrlTab ? FieldsTab : UrlTab;
        m_tabs->blockSignals(true);
        m_tabs->setCurrentIndex(previous);
        const auto settings = currentSettings();
        m_tabs->setCurrentIndex(tab);
        m_tabs->blockSignals(false);
        if (settings)
            setSettings(*settings, certsDirectory());
        validate();
    });
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::validate);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::validate);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionDialog::validate);

    loadProfiles();
    validate();
    resize(620, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::createUrlTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_url = new QLineEdit(page);
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setPlaceholderText(
        QStringLiteral("postgresql://maxroach@localhost:26257/movr?sslmode=verify-full"));
    m_url->setClearButtonEnabled(true);
    form->addRow(tr("U&RL or keyword string:"), m_url);
    auto *hint = new QLabel(tr("postgresql://, postgres:// and cockroachdb:// URLs, or libpq "
                               "\"host=… port=…\" strings. A password typed in the URL is used "
                               "but never saved."),
                            page);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    return page;
}

QWidget *ConnectionDialog::createFieldsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_host = new QLineEdit(QStringLiteral("localhost"), page);
    m_host->setObjectName(QStringLiteral("host"));
    form->addRow(tr("&Host:"), m_host);
    m_port = new QSpinBox(page);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(26257);
    form->addRow(tr("P&ort:"), m_port);
    m_database = new QLineEdit(QStringLiteral("movr"), page);
    m_database->setObjectName(QStringLiteral("database"));
    form->addRow(tr("Data&base:"), m_database);
    m_user = new QLineEdit(QStringLiteral("root"), page);
    m_user->setObjectName(QStringLiteral("user"));
    form->addRow(tr("U&ser:"), m_user);
    m_sslMode = new QComboBox(page);
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    m_sslMode->addItems(ConnectionSettings::sslModes());
    m_sslMode->setCurrentText(QStringLiteral("verify-full"));
    form->addRow(tr("SSL &mode:"), m_sslMode);
    const auto fileRow = [this, page, form](QLineEdit *&edit, const QString &name,
                                            const QString &label, const QString &title) {
        edit = fileField(page, name, tr("optional"));
        auto *row = new QHBoxLayout;
        row->addWidget(edit);
        auto *browse = new QToolButton(page);
        browse->setText(QStringLiteral("…"));
        row->addWidget(browse);
        QLineEdit *target = edit;
        connect(browse, &QToolButton::clicked, this,
                [this, target, title] { browseFile(target, title, false); });
        auto *rowLabel = new QLabel(label, page);
        rowLabel->setBuddy(edit);
        form->addRow(rowLabel, row);
    };
    fileRow(m_caFile, QStringLiteral("caFile"), tr("C&A certificate:"), tr("CA certificate"));
    fileRow(m_certFile, QStringLiteral("certFile"), tr("Client c&ertificate:"),
            tr("Client certificate"));
    fileRow(m_keyFile, QStringLiteral("keyFile"), tr("Client &key:"), tr("Client key"));
    return page;
}

Result<ConnectionSettings> ConnectionDialog::currentSettings() const
{
    Result<ConnectionSettings> settings = ConnectionSettings{};
    if (m_tabs->currentIndex() == UrlTab) {
        settings = ConnectionSettings::parse(m_url->text());
        if (!settings)
            return settings;
    } else {
        if (m_host->text().trimmed().isEmpty())
            return DbError::make(ErrorClass::InvalidInput, tr("Enter a host."));
        ConnectionSettings fields;
        fields.setValue(QStringLiteral("host"), m_host->text().trimmed());
        fields.setValue(QStringLiteral("port"), QString::number(m_port->value()));
        if (!m_database->text().trimmed().isEmpty())
            fields.setValue(QStringLiteral("dbname"), m_database->text().trimmed());
        if (!m_user->text().trimmed().isEmpty())
            fields.setValue(QStringLiteral("user"), m_user->text().trimmed());
        fields.setValue(QStringLiteral("sslmode"), m_sslMode->currentText());
        const std::pair<QLineEdit *, const char *> files[] = {
            {m_caFile, "sslrootcert"}, {m_certFile, "sslcert"}, {m_keyFile, "sslkey"}};
        for (const auto &[edit, keyword] : files) {
            const QString path = edit->text().trimmed();
            if (path.isEmpty())
                continue;
            if (!QFileInfo::exists(path))
                return DbError::make(ErrorClass::InvalidInput, tr("File not found: %1").arg(path));
            fields.setValue(QLatin1String(keyword), path);
        }
        settings = fields;
    }
    if (!m_password->text().isEmpty())
        settings->setValue(QStringLiteral("password"), m_password->text());
    if (!certsDirectory().isEmpty()) {
        const Status applied = settings->applyCertsDirectory(certsDirectory());
        if (!applied)
            return applied.error();
    }
    return settings;
}

QString ConnectionDialog::certsDirectory() const
{
    return m_certsDirectory->text().trimmed();
}

void ConnectionDialog::setSettings(const ConnectionSettings &settings,
                                   const QString &certsDirectory)
{
    ConnectionSettings shown = settings;
    const QString password = shown.value(QStringLiteral("password"));
    shown.remove(QStringLiteral("password"));
    // The certificates directory fills the file keywords itself.
    if (!certsDirectory.isEmpty()) {
        for (const char *keyword : {"sslrootcert", "sslcert", "sslkey"})
            shown.remove(QLatin1String(keyword));
    }
    const QSignalBlocker blockUrl(m_url);
    m_url->setText(shown.toUrl());
    m_host->setText(shown.host());
    m_port->setValue(shown.port());
    m_database->setText(shown.database());
    m_user->setText(shown.user());
    if (!shown.sslMode().isEmpty())
        m_sslMode->setCurrentText(shown.sslMode());
    m_caFile->setText(shown.value(QStringLiteral("sslrootcert")));
    m_certFile->setText(shown.value(QStringLiteral("sslcert")));
    m_keyFile->setText(shown.value(QStringLiteral("sslkey")));
    m_certsDirectory->setText(certsDirectory);
    if (!password.isEmpty())
        m_password->setText(password);
    validate();
}

void ConnectionDialog::showFailure(const DbError &error)
{
    if (error.connectFailure == ConnectFailure::AuthenticationFailed) {
        m_password->clear(); // before the message: editing the fields shows "Ready to…"
        m_password->setFocus();
    }
    showTestResult(std::nullopt, error);
}

void ConnectionDialog::validate()
{
    const auto settings = currentSettings();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(settings.hasValue());
    m_test->setEnabled(settings.hasValue());
    if (!settings) {
        setMessageColor(SemanticColors::Role::Error);
        m_message->setText(m_tabs->currentIndex() == UrlTab && m_url->text().trimmed().isEmpty()
                               ? tr("Enter a URL, or use the Fields tab.")
                               : settings.error().message);
    } else if (!m_tester->isTesting()) {
        setMessageColor(std::nullopt);
        m_message->setText(tr("Ready to connect to %1.").arg(settings->displayName()));
    }
}

void ConnectionDialog::setMessageColor(std::optional<SemanticColors::Role> color)
{
    m_messageColor = color;
    Theme::setTextColor(m_message,
                        color ? SemanticColors::foreground(*color, palette()) : QColor());
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_message)
        setMessageColor(m_messageColor);
}

void ConnectionDialog::startTest()
{
    const auto settings = currentSettings();
    if (!settings)
        return;
    setMessageColor(std::nullopt);
    m_message->setText(tr("Testing %1…").arg(settings->displayName()));
    m_tester->test(*settings);
}

void ConnectionDialog::showTestResult(const std::optional<ServerInfo> &info,
                                      const std::optional<DbError> &error)
{
    if (info) {
        setMessageColor(SemanticColors::Role::Success);
        m_message->setText(
            tr("Connected: %1, database %2 as %3; %4.")
                .arg(info->displayName(), info->database, info->user, info->tlsDescription()));
    } else {
        setMessageColor(SemanticColors::Role::Error);
        m_message->setText(error ? error->message : tr("Could not connect."));
        m_message->setToolTip(error ? error->detail : QString());
    }
    Q_EMIT testFinished(info.has_value());
}

void ConnectionDialog::loadProfiles()
{
    m_profiles->clear();
    m_profileList = ConnectionProfiles::saved();
    const int savedCount = int(m_profileList.size());
    m_profileList += ConnectionProfiles::recent();
    m_profiles->addItem(tr("(new connection)"));
    if (m_demo)
        m_profiles->addItem(tr("The running demo database"), DemoItem);
    for (int i = 0; i < m_profileList.size(); ++i) {
        const ConnectionProfile &profile = m_profileList.at(i);
        // The item's data is the profile's index in m_profileList.
        m_profiles->addItem(i < savedCount ? profile.name : tr("Recent: %1").arg(profile.name), i);
        if (i == savedCount - 1 && i + 1 < m_profileList.size())
            m_profiles->insertSeparator(m_profiles->count());
    }
}

void ConnectionDialog::setRunningDemo(const ConnectionSettings &settings)
{
    m_demo = settings;
    loadProfiles();
}

void ConnectionDialog::selectProfile(const ConnectionProfile &profile)
{
    for (int i = 0; i < m_profileList.size(); ++i) {
        if (m_profileList.at(i).name != profile.name || m_profileList.at(i).url != profile.url)
            continue;
        const int comboIndex = m_profiles->findData(i);
        m_profiles->setCurrentIndex(comboIndex);
        applyProfile(comboIndex);
        return;
    }
    if (auto settings = ConnectionSettings::parse(profile.url))
        setSettings(*settings, profile.certsDirectory);
}

void ConnectionDialog::applyProfile(int comboIndex)
{
    bool listed = false;
    const int index = m_profiles->itemData(comboIndex).toInt(&listed);
    const quint64 choice = ++m_profileChoice;
    if (listed && index == DemoItem && m_demo) {
        m_tabs->setCurrentIndex(UrlTab);
        m_password->clear();
        setSettings(*m_demo);
        m_remember->setChecked(false);
        return;
    }
    if (!listed || index < 0 || index >= m_profileList.size())
        return; // "(new connection)"
    const ConnectionProfile &profile = m_profileList.at(index);
    auto settings = ConnectionSettings::parse(profile.url);
    if (!settings)
        return;
    m_tabs->setCurrentIndex(UrlTab);
    m_password->clear();
    setSettings(*settings, profile.certsDirectory);
    m_remember->setChecked(profile.rememberPassword);
    if (profile.rememberPassword) {
        m_passwords->read(profile.name, [this, choice](const QString &password, const QString &) {
            // Only for the profile still chosen, and never over what the user typed since.
            if (!password.isEmpty() && choice == m_profileChoice && m_password->text().isEmpty())
                m_password->setText(password);
        });
    }
}

void ConnectionDialog::saveProfile()
{
    const auto settings = currentSettings();
    if (!settings)
        return;
    // Not getText(): a nested event loop would hold up the Test in flight and the keychain's
    // replies. The name is asked with open(); the profile is saved when it is given.
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("profileName"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Save connection"));
    ask->setLabelText(tr("Profile name:"));
    ask->setTextValue(settings->displayName());
    connect(ask, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { storeProfile(name.trimmed()); });
    ask->open();
}

void ConnectionDialog::storeProfile(const QString &name)
{
    // The fields may have changed while the name was asked: what is saved is what they say now.
    const auto settings = currentSettings();
    if (!settings || name.isEmpty())
        return;
    ConnectionProfile profile;
    profile.name = name;
    profile.url = ConnectionProfiles::storableUrl(*settings);
    profile.certsDirectory = certsDirectory();
    profile.rememberPassword = m_remember->isChecked() && !m_password->text().isEmpty();
    ConnectionProfiles::save(profile);
    if (profile.rememberPassword) {
        m_passwords->write(name, m_password->text(), [this](const QString &error) {
            if (!error.isEmpty())
                m_message->setText(tr("Profile saved; the password was not: %1").arg(error));
        });
    } else {
        m_passwords->remove(name); // no longer remembered: nothing stays in the keychain
    }
    loadProfiles();
    m_profiles->setCurrentText(name);
}

void ConnectionDialog::deleteProfile()
{
    bool listed = false;
    const int index = m_profiles->currentData().toInt(&listed);
    if (!listed || index < 0 || index >= ConnectionProfiles::saved().size())
        return; // "(new connection)" or a recent connection (listed after the saved ones)
    const QString name = m_profileList.at(index).name;
    ConnectionProfiles::remove(name);
    m_passwords->remove(name);
    loadProfiles();
}

void ConnectionDialog::browseFile(QLineEdit *target, const QString &title, bool directory)
{
    // Not the static getters: they run a nested event loop. open() and a signal instead.
    auto *browse = new QFileDialog(this, title, target->text());
    browse->setObjectName(QStringLiteral("browseFile"));
    browse->setAttribute(Qt::WA_DeleteOnClose);
    browse->setFileMode(directory ? QFileDialog::Directory : QFileDialog::ExistingFile);
    if (directory)
        browse->setOption(QFileDialog::ShowDirsOnly);
    const QPointer<QLineEdit> field(target);
    connect(browse, &QFileDialog::fileSelected, this, [field](const QString &path) {
        if (field && !path.isEmpty())
            field->setText(path);
    });
    browse->open();
}

void ConnectionDialog::accept()
{
    const auto settings = currentSettings();
    if (!settings)
        return;
    // The demo's address changes at each start: not a connection to offer again.
    const bool demo = m_demo && ConnectionProfiles::storableUrl(*settings) ==
                                    ConnectionProfiles::storableUrl(*m_demo);
    if (!demo)
        ConnectionProfiles::addRecent(*settings, certsDirectory());
    QDialog::accept();
}
