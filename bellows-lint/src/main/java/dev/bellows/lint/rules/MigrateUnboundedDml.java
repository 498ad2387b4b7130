package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** In migrate, UPDATE and DELETE must be bounded: a LIMIT, a key range or a batch subquery. */
public final class MigrateUnboundedDml implements Rule {

    public static final RuleInfo INFO = new RuleInfo("migrate-unbounded-dml", Severity.ERROR, RuleInfo.BOTH,
            "Unbounded UPDATE or DELETE in migrate",
            "One statement over the whole table locks every row it touches until it commits, blocking release N-1 "
                    + "and N writers; it bloats the table and replicas lag, and if it is interrupted all its work "
                    + "is lost.",
            "Update in batches bounded by a key range or a LIMITed subquery, committing each batch.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.MIGRATE || (s.verb() != Verb.UPDATE && s.verb() != Verb.DELETE)
                || s.has(Flag.BOUNDED)) {
            return;
        }
        String t = s.table();
        String verb = s.verb().name();
        ctx.report(this, s.at(), verb + " on " + t + " has no bound (no LIMIT, key range or batch subquery): it "
                        + "locks every matching row of " + t + " until it commits, blocking writers of both releases",
                "Bound it by key: " + verb + (s.verb() == Verb.UPDATE ? " " + t + " SET … " : " FROM " + t + " ")
                        + "WHERE id >= :lo AND id < :lo + 1000 AND <your condition>.",
                "Run it repeatedly, one batch per transaction, moving :lo forward until no rows are left.",
                "Keep it idempotent (the condition must skip rows already done) so an interrupted run can resume.");
    }
}
