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

/**
 * PostgreSQL REINDEX without CONCURRENTLY blocks writes and reads that use the index; REINDEX
 * CONCURRENTLY needs PostgreSQL 12.
 */
public final class PgReindexNotConcurrently implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-reindex-not-concurrently", Severity.ERROR,
            RuleInfo.POSTGRESQL, "REINDEX without CONCURRENTLY",
            "REINDEX locks the table against writes (SHARE) and the index against every query that would use it "
                    + "(ACCESS EXCLUSIVE) for the whole rebuild.",
            "REINDEX … CONCURRENTLY (PostgreSQL 12+), outside a transaction block; before 12, build a new index "
                    + "concurrently and drop the old one concurrently.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (s.verb() != Verb.REINDEX || s.type() == ObjectType.TABLE && ctx.isNewTable(s.table())
                || s.type() == ObjectType.INDEX && ctx.isNew(ObjectType.INDEX, s.name())) {
            return;
        }
        String target = s.type().label().toUpperCase() + (s.name() == null ? "" : " " + s.name());
        boolean supported = ctx.options().pgVersion().atLeast(12, 0);
        if (!supported) {
            ctx.report(this, s.at(), "REINDEX " + target + " blocks writes while it runs, and PostgreSQL "
                            + ctx.options().pgVersion() + " has no REINDEX CONCURRENTLY (it came in 12)",
                    "Create a replacement index with CREATE INDEX CONCURRENTLY under a new name.",
                    "DROP INDEX CONCURRENTLY the old index, then ALTER INDEX … RENAME the new one.");
        } else if (!s.has(Flag.CONCURRENTLY)) {
            ctx.report(this, s.at(), "REINDEX " + target + " blocks writes to the table and queries that use the "
                            + "index until the rebuild ends",
                    "Write REINDEX " + s.type().label().toUpperCase() + " CONCURRENTLY"
                            + (s.name() == null ? "" : " " + s.name()) + ".",
                    "Keep it alone outside BEGIN/COMMIT; if it fails, drop the leftover *_ccnew index.");
        }
    }
}
