#pragma once

#include "Privileges.h"

#include <QList>
#include <QString>

// One table privilege a statement needs, and why.
struct PrivilegeUse
{
    enum class Reason {
        Reads,            // FROM / JOIN / USING, a subquery, a data-modifying CTE's source
        Locks,            // SELECT … FOR UPDATE / FOR NO KEY UPDATE / FOR SHARE / FOR KEY SHARE
        Inserts,          // INSERT INTO
        Updates,          // UPDATE, or INSERT … ON CONFLICT DO UPDATE
        Deletes,          // DELETE FROM
        FindsRows,        // the WHERE of an UPDATE or DELETE reads the target's columns
        Returns,          // RETURNING reads the written rows
        ResolvesConflict, // INSERT … ON CONFLICT reads the conflicting row
        CockroachDbRule,  // CockroachDB asks SELECT for every UPDATE and DELETE
    };
    PrivilegeRequirement requirement;
    Reason reason;

    // False when only CockroachDB asks for it (PostgreSQL accepts the statement without).
    bool neededOnPostgres() const { return reason != Reason::CockroachDbRule; }
    // For test failures and logs (not translated).
    QString describe() const;
};

// The table privileges one SQL statement needs on PostgreSQL and CockroachDB, read from its
// text. Not a general SQL parser: a tokenizer (words, quoted identifiers, strings, $n,
// parentheses as nesting) and the clause keywords of the statements this application writes
// (WITH … AS (…), SELECT … FROM … JOIN …, locking clauses, INSERT INTO … ON CONFLICT …,
// UPDATE … SET … FROM … WHERE … RETURNING, DELETE FROM … USING … WHERE … RETURNING).
// tests/movr/tst_privileges runs every operation on PostgreSQL to prove the result is what
// the server asks for, no more and no less.
//
// The rules, from the servers' documentation:
// - Every table read (FROM, JOIN, USING, subqueries, also in a data-modifying CTE): SELECT.
// - SELECT with a locking clause: UPDATE (as well as SELECT) on each table it locks (all of
//   its FROM list, or those named after OF). PostgreSQL: "Use of FOR NO KEY UPDATE, FOR
//   UPDATE, FOR SHARE or FOR KEY SHARE requires UPDATE privilege as well"
//   (https://www.postgresql.org/docs/15/sql-select.html, Description). CockroachDB: "The
//   user must have the SELECT and UPDATE privileges on the tables used as operands"
//   (https://www.cockroachlabs.com/docs/stable/select-for-update, Required privileges;
//   cockroachdb/cockroach#57309 made it SELECT and UPDATE).
// - INSERT: INSERT; RETURNING also SELECT; ON CONFLICT also SELECT (PostgreSQL: "all forms of
//   ON CONFLICT also require SELECT privilege on any column whose values are read",
//   sql-insert.html, a bare ON CONFLICT DO NOTHING reads none; CockroachDB's insert docs ask
//   SELECT for every ON CONFLICT); DO UPDATE also UPDATE.
// - UPDATE / DELETE: UPDATE / DELETE; SELECT when a WHERE or RETURNING reads the target's
//   columns (PostgreSQL sql-update.html / sql-delete.html: "as well as the SELECT privilege
//   for any table whose values are read in the expressions or condition"), and always on
//   CockroachDB ("The user must have the SELECT and UPDATE privileges on the table",
//   cockroachlabs.com/docs/stable/update; likewise DELETE and SELECT for delete).
// Names bound by WITH are not tables.
class StatementPrivileges
{
public:
    // In the order the statement mentions them; one entry per (table, privilege), the first
    // reason found.
    static QList<PrivilegeUse> analyze(const QString &sql);
};
