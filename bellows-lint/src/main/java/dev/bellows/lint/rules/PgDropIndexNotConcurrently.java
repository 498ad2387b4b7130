package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;

/** PostgreSQL DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table. */
public final class PgDropIndexNotConcurrently implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-drop-index-not-concurrently", Severity.ERROR,
            RuleInfo.POSTGRESQL, "DROP INDEX without CONCURRENTLY",
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: while it waits behind any running query, "
                    + "every later read and write of the table queues behind it.",
            "DROP INDEX CONCURRENTLY, alone outside a transaction block.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.is(Verb.DROP, ObjectType.INDEX) || s.has(Flag.CONCURRENTLY)) {
            return;
        }
        for (String index : s.names()) {
            String table = ctx.schema().tableOfIndex(index).orElse(null);
            if (ctx.isNew(ObjectType.INDEX, index) || table != null && ctx.isNewTable(table)) {
                continue;
            }
            String on = table == null ? "its table" : table;
            ctx.report(this, s.at(), "DROP INDEX " + index + " takes an ACCESS EXCLUSIVE lock on " + on
                            + ": reads and writes of " + on + " queue behind it",
                    "Write DROP INDEX CONCURRENTLY " + (s.has(Flag.IF_EXISTS) ? "IF EXISTS " : "") + index + ".",
                    "Keep it alone in its file, outside BEGIN/COMMIT, one index per statement.");
        }
    }
}
