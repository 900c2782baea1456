#include "TraceModel.h"

#include "SemanticColors.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <optional>

// Internal pointers: an index's internalPointer is the Node it shows. Actions own attempts,
// attempts own their statements; a Node is one of the three.
struct TraceModel::Node
{
    NodeKind kind;
    Action *action = nullptr; // every node knows its action
    int attemptIndex = -1;    // for attempts and statements
    int entryIndex = -1;      // for statements
};

struct TraceModel::Attempt
{
    int number = 1;
    QString retryCause;
    QList<TraceEntry> entries;
    Node node;
    std::vector<std::unique_ptr<Node>> statementNodes;
};

struct TraceModel::Action
{
    quint64 id = 0;
    quint64 sequence = 0; // its row is sequence - m_firstSequence
    QString name;
    bool isRead = true; // every statement of it is a read (a page, a look-up)
    TraceSource source = TraceSource::Read;
    int entryCount = 0;                // statements in all its attempts
    std::optional<TraceEntry> outcome; // how it ended, when the worker said so
    std::vector<std::unique_ptr<Attempt>> attempts;
    Node node;
};

namespace {

QString oneLine(QString sql)
{
    sql = sql.simplified();
    if (sql.size() > 200)
        sql = sql.left(199) + QChar(0x2026);
    return sql;
}

QString formatParams(const SqlParams &params)
{
    QStringList parts;
    for (int i = 0; i < params.size(); ++i) {
        const SqlValue &value = params.at(i);
        QString shown = value ? *value : QStringLiteral("NULL");
        if (shown.size() > 40)
            shown = shown.left(39) + QChar(0x2026);
        parts << QStringLiteral("$%1=%2").arg(i + 1).arg(shown);
    }
    return parts.join(QLatin1String(", "));
}

QString formatDuration(qint64 microseconds)
{
    if (microseconds < 1000)
        return QStringLiteral("%1 µs").arg(microseconds);
    return QStringLiteral("%1 ms").arg(QLocale().toString(double(microseconds) / 1000.0, 'f', 1));
}

QVariant failureColor()
{
    return SemanticColors::foreground(SemanticColors::Role::Error);
}

QVariant notSentColor()
{
    return SemanticColors::foreground(SemanticColors::Role::Muted);
}

} // namespace

TraceModel::TraceModel(QObject *parent) : QAbstractItemModel(parent) {}

TraceModel::~TraceModel() = default;

void TraceModel::append(const QList<TraceEntry> &entries)
{
    for (const TraceEntry &entry : entries)
        appendOne(entry);
    trim();
}

int TraceModel::rowOf(const Action *action) const
{
    return int(action->sequence - m_firstSequence);
}

TraceModel::Action *TraceModel::actionFor(const TraceEntry &entry, int &actionRow)
{
    Action *action = m_byId.value(entry.actionId);
    if (!action) {
        const int row = int(m_actions.size());
        beginInsertRows({}, row, row);
        auto created = std::make_unique<Action>();
        created->id = entry.actionId;
        created->sequence = m_nextSequence++;
        created->name = entry.action;
        created->isRead = entry.isRead;
        created->source = entry.source;
        created->node = Node{NodeKind::Action, created.get(), -1, -1};
        action = created.get();
        m_byId.insert(entry.actionId, action);
        m_actions.push_back(std::move(created));
        endInsertRows();
    }
    actionRow = rowOf(action);
    return action;
}

void TraceModel::appendOne(const TraceEntry &entry)
{
    int actionRow = 0;
    Action *action = actionFor(entry, actionRow);
    if (entry.isOutcome()) {
        // Not a row: it changes how the action looks.
        action->outcome = entry;
        // An action with an outcome wrote (or meant to): it is no read.
        action->isRead = false;
        if (action->source == TraceSource::Read)
            action->source = entry.source == TraceSource::Read ? TraceSource::Edit : entry.source;
        Q_EMIT dataChanged(index(actionRow, 0), index(actionRow, ColumnCount - 1));
        return;
    }
    const QModelIndex actionIndex = createIndex(actionRow, 0, &action->node);
    // A read until a statement of it is not.
    action->isRead = action->isRead && entry.isRead;
    if (action->source == TraceSource::Read)
        action->source = entry.source;

    Attempt *attempt = action->attempts.empty() ? nullptr : action->attempts.back().get();
    if (!attempt || attempt->number != entry.attempt) {
        const int row = int(action->attempts.size());
        beginInsertRows(actionIndex, row, row);
        auto created = std::make_unique<Attempt>();
        created->number = entry.attempt;
        created->retryCause = entry.retryCause;
        created->node = Node{NodeKind::Attempt, action, row, -1};
        attempt = created.get();
        action->attempts.push_back(std::move(created));
        endInsertRows();
    } else if (attempt->retryCause.isEmpty() && !entry.retryCause.isEmpty()) {
        attempt->retryCause = entry.retryCause;
    }
    const int attemptRow = attempt->node.attemptIndex;
    const QModelIndex attemptIndex = createIndex(attemptRow, 0, &attempt->node);
    const int row = int(attempt->entries.size());
    beginInsertRows(attemptIndex, row, row);
    attempt->entries.append(entry);
    attempt->statementNodes.push_back(
        std::make_unique<Node>(Node{NodeKind::Statement, action, attemptRow, row}));
    ++action->entryCount;
    ++m_entryCount;
    endInsertRows();
    // The action's and attempt's summaries (duration, failure) changed.
    Q_EMIT dataChanged(index(actionRow, 0), index(actionRow, ColumnCount - 1));
    Q_EMIT dataChanged(index(attemptRow, 0, actionIndex),
                       index(attemptRow, ColumnCount - 1, actionIndex));
}

void TraceModel::trim()
{
    // The oldest actions go whole, in one removal; the newest always stays.
    int excess = 0;
    int entriesLeft = m_entryCount;
    const int held = int(m_actions.size());
    while (excess < held - 1 &&
           (held - excess > m_maximumActions || entriesLeft > m_maximumEntries)) {
        entriesLeft -= m_actions[size_t(excess)]->entryCount;
        ++excess;
    }
    if (excess == 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    for (int i = 0; i < excess; ++i) {
        m_byId.remove(m_actions.front()->id);
        m_actions.pop_front();
    }
    m_entryCount = entriesLeft;
    m_firstSequence += quint64(excess);
    endRemoveRows();
}

void TraceModel::clear()
{
    beginResetModel();
    m_actions.clear();
    m_byId.clear();
    m_entryCount = 0;
    m_firstSequence = m_nextSequence;
    endResetModel();
}

void TraceModel::setMaximumActions(int maximum)
{
    m_maximumActions = std::max(1, maximum);
    trim();
}

void TraceModel::setMaximumEntries(int maximum)
{
    m_maximumEntries = std::max(1, maximum);
    trim();
}

QList<TraceEntry> TraceModel::allEntries() const
{
    QList<TraceEntry> entries;
    for (const auto &action : m_actions) {
        for (const auto &attempt : action->attempts)
            entries += attempt->entries;
        if (action->outcome)
            entries.append(*action->outcome);
    }
    return entries;
}

QModelIndex TraceModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_actions.size()))
            return {};
        return createIndex(row, column, &m_actions[size_t(row)]->node);
    }
    const Node *node = static_cast<const Node *>(parent.internalPointer());
    if (node->kind == NodeKind::Action) {
        if (row >= int(node->action->attempts.size()))
            return {};
        return createIndex(row, column, &node->action->attempts[size_t(row)]->node);
    }
    if (node->kind == NodeKind::Attempt) {
        const Attempt &attempt = *node->action->attempts[size_t(node->attemptIndex)];
        if (row >= int(attempt.statementNodes.size()))
            return {};
        return createIndex(row, column, attempt.statementNodes[size_t(row)].get());
    }
    return {};
}

QModelIndex TraceModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<const Node *>(child.internalPointer());
    if (node->kind == NodeKind::Action)
        return {};
    Action *action = node->action;
    if (node->kind == NodeKind::Attempt)
        return createIndex(rowOf(action), 0, &action->node);
    return createIndex(node->attemptIndex, 0, &action->attempts[size_t(node->attemptIndex)]->node);
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_actions.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = static_cast<const Node *>(parent.internalPointer());
    switch (node->kind) {
    case NodeKind::Action:
        return int(node->action->attempts.size());
    case NodeKind::Attempt:
        return int(node->action->attempts[size_t(node->attemptIndex)]->entries.size());
    case NodeKind::Statement:
        return 0;
    }
    return 0;
}

int TraceModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatementColumn:
        return tr("Statement");
    case ParametersColumn:
        return tr("Parameters");
    case DurationColumn:
        return tr("Duration");
    case RowsColumn:
        return tr("Rows");
    case SqlStateColumn:
        return tr("SQLSTATE");
    }
    return {};
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = static_cast<const Node *>(index.internalPointer());
    const Action &action = *node->action;
    if (role == KindRole)
        return QVariant::fromValue(node->kind);
    if (role == ReadRole)
        return action.isRead;
    if (role == SourceRole)
        return int(action.source);
    if (role == OutcomeRole && node->kind != NodeKind::Action)
        return int(outcomeOf(action));
    switch (node->kind) {
    case NodeKind::Action:
        return actionData(action, index.column(), role);
    case NodeKind::Attempt:
        return attemptData(action, *action.attempts[size_t(node->attemptIndex)], index.column(),
                           role);
    case NodeKind::Statement:
        return statementData(
            action.attempts[size_t(node->attemptIndex)]->entries.at(node->entryIndex),
            index.column(), role);
    }
    return {};
}

TraceOutcome TraceModel::outcomeOf(const Action &action)
{
    if (action.outcome)
        return action.outcome->outcome;
    const bool lastAttemptFailed =
        !action.attempts.empty() &&
        std::any_of(action.attempts.back()->entries.begin(), action.attempts.back()->entries.end(),
                    [](const TraceEntry &e) { return e.failed(); });
    return lastAttemptFailed ? TraceOutcome::Failed : TraceOutcome::Committed;
}

QVariant TraceModel::actionData(const Action &action, int column, int role) const
{
    QList<TraceEntry> entries;
    for (const auto &attempt : action.attempts)
        entries += attempt->entries;
    const bool failed =
        std::any_of(entries.begin(), entries.end(), [](const TraceEntry &e) { return e.failed(); });
    const bool retried = action.attempts.size() > 1;
    const TraceOutcome outcome = outcomeOf(action);
    const QString why = action.outcome ? action.outcome->error : QString();
    switch (role) {
    case EntriesRole:
        return QVariant::fromValue(action.outcome ? entries + QList<TraceEntry>{*action.outcome}
                                                  : entries);
    case FailedRole:
        return failed;
    case RetryRole:
        return retried;
    case OutcomeRole:
        return int(outcome);
    case Qt::FontRole:
        if (column == StatementColumn) {
            QFont font;
            font.setBold(true);
            // Nothing was written: refused and not sent read as notes, not as events.
            font.setItalic(outcome == TraceOutcome::Refused || outcome == TraceOutcome::NotSent);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        // Each outcome its own colour; a retry is shown on the attempt rows, not here.
        switch (outcome) {
        case TraceOutcome::Committed:
            return action.isRead
                       ? QVariant()
                       : QVariant(SemanticColors::foreground(SemanticColors::Role::Success));
        case TraceOutcome::Refused:
            return SemanticColors::foreground(SemanticColors::Role::Info);
        case TraceOutcome::Failed:
            return failureColor();
        case TraceOutcome::Unknown:
            return SemanticColors::foreground(SemanticColors::Role::Warning);
        case TraceOutcome::NotSent:
            return notSentColor();
        case TraceOutcome::None:
            break;
        }
        return {};
    case Qt::ToolTipRole:
    case Qt::DisplayRole: {
        QString said;
        switch (outcome) {
        case TraceOutcome::Committed:
            said = action.isRead ? QString() : tr("Committed.");
            break;
        case TraceOutcome::Refused:
            said = why.isEmpty() ? tr("Refused; nothing was written.")
                                 : tr("Refused; nothing was written: %1").arg(why);
            break;
        case TraceOutcome::Failed:
            said = why.isEmpty() ? tr("Failed.") : tr("Failed: %1").arg(why);
            break;
        case TraceOutcome::Unknown:
            said = why.isEmpty() ? tr("Unknown whether it committed.")
                                 : tr("Unknown whether it committed: %1").arg(why);
            break;
        case TraceOutcome::NotSent:
            said = why.isEmpty() ? tr("Not sent.") : tr("Not sent: %1").arg(why);
            break;
        case TraceOutcome::None:
            break;
        }
        if (role == Qt::ToolTipRole)
            return said.isEmpty() ? QVariant() : QVariant(said);
        qint64 total = 0;
        for (const TraceEntry &entry : entries)
            total += entry.durationUs;
        switch (column) {
        case StatementColumn: {
            const QDateTime at = entries.isEmpty() && action.outcome ? action.outcome->startedAt
                                 : entries.isEmpty()                 ? QDateTime()
                                                                     : entries.first().startedAt;
            const QString time = at.isValid()
                                     ? at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"))
                                     : QString();
            QString text = QStringLiteral("%1  %2").arg(time, action.name);
            if (retried)
                text += tr("  (%1 attempts)").arg(action.attempts.size());
            if (!said.isEmpty())
                text += QStringLiteral("  — ") + said;
            return text;
        }
        case DurationColumn:
            return formatDuration(total);
        case RowsColumn:
            return entries.size() == 1 ? tr("1 statement")
                                       : tr("%1 statements").arg(entries.size());
        }
        return {};
    }
    }
    return {};
}

QVariant TraceModel::attemptData(const Action &, const Attempt &attempt, int column, int role) const
{
    const bool failed = std::any_of(attempt.entries.begin(), attempt.entries.end(),
                                    [](const TraceEntry &e) { return e.failed(); });
    const bool injected = std::any_of(attempt.entries.begin(), attempt.entries.end(),
                                      [](const TraceEntry &e) { return e.injected; });
    switch (role) {
    case EntriesRole:
        return QVariant::fromValue(attempt.entries);
    case FailedRole:
        return failed;
    case RetryRole:
        return attempt.number > 1;
    case Qt::BackgroundRole:
        return attempt.number > 1 ? QVariant(SemanticColors::retry().background) : QVariant();
    case Qt::ForegroundRole:
        if (attempt.number > 1)
            return SemanticColors::retry().foreground; // readable on the amber background
        return failed ? failureColor() : QVariant();
    case Qt::ToolTipRole:
        return attempt.retryCause.isEmpty() ? QVariant() : QVariant(attempt.retryCause);
    case Qt::DisplayRole:
        if (column == StatementColumn) {
            if (attempt.number == 1)
                return injected ? tr("Attempt 1 (retry error injected)") : tr("Attempt 1");
            return attempt.retryCause.isEmpty() ? tr("Attempt %1 (retry)").arg(attempt.number)
                                                : tr("Attempt %1 — retry after: %2")
                                                      .arg(attempt.number)
                                                      .arg(attempt.retryCause);
        }
        if (column == DurationColumn) {
            qint64 total = 0;
            for (const TraceEntry &entry : attempt.entries)
                total += entry.durationUs;
            return formatDuration(total);
        }
        return {};
    }
    return {};
}

QVariant TraceModel::statementData(const TraceEntry &entry, int column, int role) const
{
    switch (role) {
    case EntriesRole:
        return QVariant::fromValue(QList<TraceEntry>{entry});
    case FailedRole:
        return entry.failed();
    case RetryRole:
        return entry.attempt > 1;
    case NotSentRole:
        return entry.notSent;
    case Qt::ForegroundRole:
        if (entry.notSent)
            return notSentColor();
        if (entry.injected)
            return SemanticColors::foreground(SemanticColors::Role::Accent);
        return entry.failed() ? failureColor() : QVariant();
    case Qt::FontRole:
        if (column == StatementColumn || column == ParametersColumn) {
            QFont font(QStringLiteral("monospace"));
            font.setItalic(entry.notSent);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == DurationColumn || column == RowsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (entry.notSent)
            return tr("Not sent: an earlier statement in the same pipeline failed, so the server "
                      "skipped this one.");
        if (column == SqlStateColumn || entry.failed())
            return entry.error.isEmpty() ? QVariant() : QVariant(entry.error);
        if (column == StatementColumn)
            return entry.sql;
        if (column == ParametersColumn)
            return formatParams(entry.params);
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case StatementColumn:
            if (entry.notSent)
                return tr("[not sent] %1").arg(oneLine(entry.sql));
            return entry.injected ? tr("[injected] %1").arg(oneLine(entry.sql))
                                  : oneLine(entry.sql);
        case ParametersColumn:
            return formatParams(entry.params);
        case DurationColumn:
            return formatDuration(entry.durationUs);
        case RowsColumn:
            return entry.rows < 0 ? QString() : QLocale().toString(entry.rows);
        case SqlStateColumn:
            return entry.sqlState;
        }
        return {};
    }
    return {};
}
