#pragma once

#include "worker/TraceTypes.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

// The statement trace as a tree for the SQL panel: action → attempt → statement.
// Appended to from worker replies (on the GUI thread); keeps the newest `maximumActions`.
// An outcome entry (TraceEntry::isOutcome) is no row: it tells how its action ended
// (committed, refused, failed, unknown, not sent), which gives the action its look and text.
// Without one, an action whose last attempt failed counts as failed, else as committed.
// A statement the server skipped after an earlier failure in its pipeline is "not sent":
// greyed, and not a failure.
class TraceModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        StatementColumn,
        ParametersColumn,
        DurationColumn,
        RowsColumn,
        SqlStateColumn,
        ColumnCount
    };
    enum Role {
        EntriesRole = Qt::UserRole + 1, // QList<TraceEntry> of the row and all below it
        KindRole,                       // NodeKind
        FailedRole,                     // bool: the row or something below it failed
        RetryRole,                      // bool: an attempt > 1, or an action that retried
        ReadRole,                       // bool: a browse read (not an edit)
        OutcomeRole,                    // TraceOutcome (as int) of the row's action
        NotSentRole,                    // bool: a statement queued but never executed
    };
    enum class NodeKind { Action, Attempt, Statement };
    Q_ENUM(NodeKind)

    explicit TraceModel(QObject *parent = nullptr);
    ~TraceModel() override;

    void append(const QList<TraceEntry> &entries);
    void clear();
    void setMaximumActions(int maximum);
    int maximumActions() const { return m_maximumActions; }
    // Every entry in order, for "Save log".
    QList<TraceEntry> allEntries() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Attempt;
    struct Action;
    struct Node;
    void appendOne(const TraceEntry &entry);
    // The action `entry` belongs to (created when new), and its row.
    Action *actionFor(const TraceEntry &entry, int &row);
    void trim();
    static TraceOutcome outcomeOf(const Action &action);
    QVariant actionData(const Action &action, int column, int role) const;
    QVariant attemptData(const Action &action, const Attempt &attempt, int column, int role) const;
    QVariant statementData(const TraceEntry &entry, int column, int role) const;

    std::vector<std::unique_ptr<Action>> m_actions;
    QHash<quint64, Action *> m_byId;
    int m_maximumActions = 2000;
};

// Filters the trace by action: everything, edits only (no browse reads), by outcome
// (committed edits, refused, failed, unknown, not sent), or the actions that retried.
// Retries are their own filter: an action that committed after a retry is no failure.
class TraceFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Filter {
        Everything,
        EditsOnly,
        FailuresOnly,
        CommittedOnly,
        RefusedOnly,
        UnknownOnly,
        NotSentOnly,
        RetriesOnly
    };
    Q_ENUM(Filter)

    explicit TraceFilterModel(QObject *parent = nullptr);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Filter m_filter = Filter::Everything;
};
