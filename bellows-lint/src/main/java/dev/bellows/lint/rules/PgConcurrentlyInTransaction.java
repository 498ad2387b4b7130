package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.Verb;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

/** CONCURRENTLY cannot run inside an explicit transaction block. */
public final class PgConcurrentlyInTransaction implements Rule {

    public static final RuleInfo INFO = new RuleInfo("pg-concurrently-in-transaction", Severity.ERROR,
            RuleInfo.POSTGRESQL, "CONCURRENTLY inside a transaction block",
            "CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY refuse to run inside BEGIN … COMMIT: the "
                    + "migration fails at that statement, after the statements before it ran.",
            "Put the concurrent statement in its own file, without BEGIN/COMMIT around it.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        // REFRESH MATERIALIZED VIEW CONCURRENTLY may run in a transaction block (OnlineDdlFactsTest)
        if (s.has(Flag.CONCURRENTLY) && s.verb() != Verb.REFRESH && ctx.inTransactionBlock()) {
            ctx.report(this, s.at(), s.verb().name() + " … CONCURRENTLY inside BEGIN … COMMIT fails with \"cannot "
                            + "run inside a transaction block\"",
                    "Remove the BEGIN/COMMIT around it, or move it to a file of its own.",
                    "Bellows runs such a statement alone, outside any transaction.");
        }
    }
}
