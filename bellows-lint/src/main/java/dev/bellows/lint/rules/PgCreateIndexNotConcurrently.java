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

/** PostgreSQL CREATE INDEX without CONCURRENTLY blocks writes for the whole build. */
public final class PgCreateIndexNotConcurrently implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-create-index-not-concurrently", Severity.ERROR,
            RuleInfo.POSTGRESQL, "CREATE INDEX without CONCURRENTLY",
            "CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole "
                    + "index build (reads continue).",
            "CREATE INDEX CONCURRENTLY, alone outside a transaction block.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.is(Verb.CREATE, ObjectType.INDEX) || s.has(Flag.CONCURRENTLY) || ctx.isNewTable(s.table())) {
            return;
        }
        String name = s.name() == null ? "" : s.name() + " ";
        ctx.report(this, s.at(), "CREATE INDEX " + name + "on " + s.table() + " blocks all writes to " + s.table()
                        + " (SHARE lock) until the index is built",
                "Write CREATE " + (s.has(Flag.UNIQUE) ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + name + "ON "
                        + s.table() + " (…).",
                "Keep it alone in its file, outside BEGIN/COMMIT: CONCURRENTLY cannot run in a transaction block.",
                "If it fails it leaves an INVALID index: DROP INDEX CONCURRENTLY it before retrying.");
    }
}
