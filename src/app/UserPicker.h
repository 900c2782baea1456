#pragma once

#include "RowPicker.h"

// Picks a user of one city by name (or the start of their id).
class UserPicker : public RowPicker
{
    Q_OBJECT

public:
    UserPicker(BrowseWorker *worker, const QString &city, QWidget *parent = nullptr);
};
