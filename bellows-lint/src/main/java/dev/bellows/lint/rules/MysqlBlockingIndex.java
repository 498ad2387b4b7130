package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/**
 * MySQL/MariaDB: FULLTEXT and SPATIAL indexes block writes while they are built. (A plain
 * secondary index is built online, INPLACE with LOCK=NONE, and is not flagged.)
 */
public final class MysqlBlockingIndex implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("mysql-blocking-index", Severity.ERROR, RuleInfo.MYSQL,
            "FULLTEXT or SPATIAL index on an existing table",
            "InnoDB builds FULLTEXT and SPATIAL indexes in place but with concurrent DML blocked (LOCK=SHARED) for "
                    + "the whole build; the first FULLTEXT index also rebuilds the table. Plain indexes are online.",
            "Build it with gh-ost or pt-online-schema-change, or in a maintenance window.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        boolean candidate = s.is(Verb.CREATE, ObjectType.INDEX) || s.isAlterTable() && s.hasAction(Op.ADD_INDEX);
        if (!candidate || s.table() == null || ctx.isNewTable(s.table())) {
            return;
        }
        if (s.is(Verb.CREATE, ObjectType.INDEX) && (s.has(Flag.FULLTEXT) || s.has(Flag.SPATIAL))) {
            report(ctx, s.at(), s.has(Flag.FULLTEXT) ? "FULLTEXT" : "SPATIAL", s.table());
        }
        if (s.isAlterTable()) {
            for (AlterAction a : s.actions(Op.ADD_INDEX)) {
                if (a.value().equals("fulltext") || a.value().equals("spatial")) {
                    report(ctx, a.at(), a.value().toUpperCase(), s.table());
                }
            }
        }
    }

    private void report(StatementContext ctx, Token at, String kind, String table) {
        ctx.report(this, at, "adding a " + kind + " index to " + table + " blocks writes to " + table
                        + " until the index is built",
                "Build it with gh-ost or pt-online-schema-change on " + table + ", or in a maintenance window.",
                "If the table is small, waive it: -- bellows:allow mysql-blocking-index reason: <table size>");
    }
}
