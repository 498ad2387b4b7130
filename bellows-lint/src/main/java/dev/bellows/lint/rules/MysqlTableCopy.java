package dev.bellows.lint.rules;

import dev.bellows.lint.ColumnChange;
import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/**
 * MySQL/MariaDB: column type changes, STORED generated columns, charset conversion, primary-key changes and foreign keys
 * (with checks on) copy or rebuild the table. NULL-ability changes are not flagged: InnoDB rebuilds
 * the table in place with concurrent DML allowed ({@code ALGORITHM=INPLACE, LOCK=NONE} succeeds,
 * checked on MariaDB 10.11 by OnlineDdlFactsTest); {@code expand-set-not-null} covers their
 * compatibility.
 */
public final class MysqlTableCopy implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("mysql-table-copy", Severity.ERROR, RuleInfo.MYSQL,
            "ALTER TABLE that copies or rebuilds the table",
            "Changing a column's type (other than in-place widenings), adding a STORED generated column, "
                    + "converting the charset, changing the primary key or adding a foreign key (with foreign_key_checks on) makes InnoDB copy or rebuild "
                    + "the table: hours on a big table, concurrent writes blocked for COPY, and replicas lag by the "
                    + "same time.",
            "Use gh-ost or pt-online-schema-change, or a new column + backfill + switch; pin ALGORITHM=INPLACE, "
                    + "LOCK=NONE so the server refuses instead of copying.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || ctx.isNewTable(s.table()) || pinnedOnline(s)) {
            return;
        }
        for (ColumnChange c : ctx.columnChanges()) {
            if (!c.typeChangesInPlace(ctx)) {
                report(ctx, c.action().at(), "changing the type of " + c.qualified() + " " + c.describe()
                        + (c.from() == null ? " (Bellows does not know its current type)" : ""), s.table());
            }
        }
        for (AlterAction a : s.actions()) {
            if (a.op() == Op.ADD_COLUMN && a.definition() != null && a.definition().storedGenerated()) {
                storedColumn(ctx, a, s.table());
            } else if (a.op() == Op.ADD_CONSTRAINT && a.constraint().kind() == ConstraintDef.Kind.CHECK) {
                report(ctx, a.at(), "adding CHECK constraint " + a.constraint().displayName(s.table())
                        + " (the server checks every row by copying the table)", s.table());
            } else if (a.op() == Op.ADD_COLUMN && a.definition() != null && expressionDefault(a.definition().defaultValue())
                    && !ctx.options().mysqlVersion().isMariaDb()) {
                report(ctx, a.at(), "adding " + s.table() + "." + a.definition().name() + " with the expression default "
                        + a.definition().defaultValue() + " (MySQL evaluates it for every row with ALGORITHM=COPY; "
                        + "MariaDB adds it instantly)", s.table());
            } else if (a.op() == Op.CONVERT_CHARSET) {
                report(ctx, a.at(), "converting the character set of " + s.table(), s.table());
            } else if (a.op() == Op.DROP_PRIMARY_KEY) {
                report(ctx, a.at(), "dropping the primary key of " + s.table(), s.table());
            } else if (a.op() == Op.ADD_CONSTRAINT && a.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY) {
                report(ctx, a.at(), "adding a primary key to " + s.table(), s.table());
            } else if (a.op() == Op.ADD_CONSTRAINT && a.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                report(ctx, a.at(), "adding foreign key " + a.constraint().displayName(s.table())
                        + " (with foreign_key_checks=1)", s.table());
            }
        }
    }

    /** A default written in parentheses: an expression (MySQL 8.0.13+), not a literal. */
    private static boolean expressionDefault(String value) {
        return value != null && value.strip().startsWith("(");
    }

    /** With ALGORITHM=INPLACE/INSTANT and LOCK=NONE the server refuses to copy: safe. */
    private static boolean pinnedOnline(ParsedStatement s) {
        boolean inplace = s.actions(Op.ALGORITHM).stream()
                .anyMatch(a -> a.value().equals("inplace") || a.value().equals("instant") || a.value().equals("nocopy"));
        return inplace;
    }

    /** ADD COLUMN … AS (expr) STORED: only ALGORITHM=COPY can compute it for every row. */
    private void storedColumn(StatementContext ctx, AlterAction a, String table) {
        String c = a.definition().name();
        String type = a.definition().type() == null ? "<type>" : a.definition().type().toString();
        String expr = a.definition().storedExpression();
        ctx.report(this, a.at(), "adding " + table + "." + c + " as a STORED generated column needs ALGORITHM=COPY: "
                        + "InnoDB copies " + table + " to compute it for every row; on a big table this runs for "
                        + "hours, blocks concurrent writes, and lags replicas",
                "Add it VIRTUAL instead (no copy; index it if reads need it): ALTER TABLE " + table + " ADD COLUMN "
                        + c + " " + type + " AS (" + expr + ") VIRTUAL;",
                "If it must be STORED, run the ALTER with gh-ost or pt-online-schema-change on " + table + ".");
    }

    private void report(StatementContext ctx, Token at, String what, String table) {
        ctx.report(this, at, what + " makes InnoDB copy or rebuild " + table + ": on a big table this runs for "
                        + "hours, blocks concurrent writes when it copies, and lags replicas",
                "Append ALGORITHM=INPLACE, LOCK=NONE to see whether the server can do it online (it refuses "
                        + "otherwise, instead of blocking).",
                "Otherwise run it with gh-ost or pt-online-schema-change on " + table + ".",
                "For a type change: add a new column, backfill it in migrate, switch the code, drop the old column "
                        + "in contract.");
    }
}
