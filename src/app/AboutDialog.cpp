#include "AboutDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "pg/PgConnection.h"

namespace {

QString libpqVersion()
{
    const int version = PgConnection::libraryVersion(); // 150018 for 15.18
    return QStringLiteral("%1.%2").arg(version / 10000).arg(version % 10000);
}

} // namespace

QString AboutDialog::versionText(const std::optional<ServerInfo> &server)
{
    QStringList lines{QStringLiteral("MovR Admin %1").arg(QStringLiteral(MOVR_VERSION)),
                      QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())),
                      QStringLiteral("libpq %1").arg(libpqVersion())};
    lines << (server ? tr("Server: %1 (%2)").arg(server->displayName(), server->versionString)
                     : tr("Server: not connected"));
    return lines.join(QLatin1Char('\n'));
}

AboutDialog::AboutDialog(const std::optional<ServerInfo> &server, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About MovR Admin"));
    auto *layout = new QVBoxLayout(this);
    auto *icon = new QLabel(this);
    icon->setPixmap(QPixmap(QStringLiteral(":/icons/movr-admin-128.png"))
                        .scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    icon->setAlignment(Qt::AlignCenter);
    layout->addWidget(icon);
    auto *title = new QLabel(tr("<h2>MovR Admin</h2><p>Manage the vehicles, rides, users and "
                                "promo codes of MovR on CockroachDB or PostgreSQL, and see every "
                                "statement sent.</p>"),
                             this);
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    auto *versions = new QLabel(
        versionText(server).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")),
        this);
    versions->setObjectName(QStringLiteral("versions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions->setAlignment(Qt::AlignCenter);
    layout->addWidget(versions);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [server] { QApplication::clipboard()->setText(versionText(server)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}
