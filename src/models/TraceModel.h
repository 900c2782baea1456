#pragma once

#include "worker/TraceTypes.h"

#include <QAbstractItemModel>
#include <QHash>

#include <deque>
#include <memory>
#include <vector>

// The statement trace as a tree for the SQL panel: action → attempt → statement.
// Appended to from worker replies and the workload (on the GUI thread).
//
// A bounded ring: it keeps at most `maximumActions` actions (default 5,000) and at most
// `maximumEntries` statements (default 50,000); past either cap the oldest actions are dropped
// whole (beginRemoveRows on the top level), so a long workload run at hundreds of operations a
// second keeps memory flat. The newest action is never dropped. At the defaults the trace
// holds a few tens of megabytes at most (a statement's text is shared between its copies).
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
        SourceRole,                     // TraceSource (as int) of the row's action
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
    void setMaximumEntries(int maximum);
    int maximumEntries() const { return m_maximumEntries; }
    // The statements held now (at most maximumEntries, unless one action alone has more).
    int entryCount() const { return m_entryCount; }
    static constexpr int DefaultMaximumActions = 5000;
    static constexpr int DefaultMaximumEntries = 50000;
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
    int rowOf(const Action *action) const;
    void trim();
    static TraceOutcome outcomeOf(const Action &action);
    QVariant actionData(const Action &action, int column, int role) const;
    QVariant attemptData(const Action &action, const Attempt &attempt, int column, int role) const;
    QVariant statementData(const TraceEntry &entry, int column, int role) const;

    // A ring: rows are the positions in m_actions; an action's row is its sequence number
    // minus the sequence number of the first one held (so finding it costs nothing).
    std::deque<std::unique_ptr<Action>> m_actions;
    QHash<quint64, Action *> m_byId;
    quint64 m_firstSequence = 0;
    quint64 m_nextSequence = 0;
    int m_entryCount = 0;
    int m_maximumActions = DefaultMaximumActions;
    int m_maximumEntries = DefaultMaximumEntries;
};
