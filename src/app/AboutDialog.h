#pragma once

#include "pg/ServerInfo.h"

#include <QDialog>

#include <optional>

// Help → About: the versions of the application, Qt, libpq and the connected server.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const std::optional<ServerInfo> &server, QWidget *parent = nullptr);

    // "MovR Admin 0.1.0\nQt 6.4.2\nlibpq 15.18\nServer: PostgreSQL 15.18" (also copied by the
    // Copy button, for bug reports).
    static QString versionText(const std::optional<ServerInfo> &server);
};
