package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

/** MySQL/MariaDB: ALGORITHM=COPY or LOCK=SHARED|EXCLUSIVE asks for a blocking table change. */
public final class MysqlCopyAlgorithm implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("mysql-copy-algorithm", Severity.ERROR, RuleInfo.MYSQL,
            "ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE",
            "ALGORITHM=COPY rebuilds the table into a copy with concurrent writes blocked; LOCK=SHARED blocks "
                    + "writes and LOCK=EXCLUSIVE blocks reads too, for the whole operation. (MariaDB 11.2+ can copy "
                    + "online with ALGORITHM=COPY, LOCK=NONE.)",
            "Ask for ALGORITHM=INPLACE or INSTANT with LOCK=NONE, so the server refuses rather than blocks; use "
                    + "gh-ost or pt-online-schema-change when a copy is unavoidable.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        boolean clauses = s.hasAction(Op.ALGORITHM) || s.hasAction(Op.LOCK);
        if (!clauses || s.table() == null || ctx.isNewTable(s.table())) {
            return;
        }
        boolean onlineCopy = ctx.options().mysqlVersion().isMariaDb() && ctx.options().mysqlVersion().atLeast(11, 2)
                && s.actions(Op.LOCK).stream().anyMatch(a -> a.value().equals("none"));
        for (AlterAction a : s.actions()) {
            boolean copy = a.op() == Op.ALGORITHM && a.value().equals("copy") && !onlineCopy;
            boolean lock = a.op() == Op.LOCK && (a.value().equals("shared") || a.value().equals("exclusive"));
            if (copy || lock) {
                String what = copy ? "ALGORITHM=COPY" : "LOCK=" + a.value().toUpperCase();
                String blocks = copy || a.value().equals("shared") ? "writes to " + s.table()
                        : "reads and writes of " + s.table();
                ctx.report(this, a.at(), what + " blocks " + blocks + " for the whole operation",
                        "Write ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT): the server then refuses an "
                                + "operation it cannot do online instead of blocking.",
                        "If it must copy " + s.table() + ", run the change with gh-ost or pt-online-schema-change"
                                + " (or on MariaDB 11.2+: ALGORITHM=COPY, LOCK=NONE).");
            }
        }
    }
}
