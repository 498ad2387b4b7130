package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Data changes on existing tables belong in migrate, not expand. */
public final class ExpandDataChange implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-data-change", Severity.ERROR, RuleInfo.BOTH,
            "Data changed on an existing table in expand",
            "Expand must be quick DDL that release N-1 survives. A data change on an existing table holds row "
                    + "locks for its whole run, races with release N-1 still writing the rows, and is not resumable.",
            "Move it to migrate as a batched, idempotent step.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        boolean dataChange = s.verb() == Verb.UPDATE || s.verb() == Verb.DELETE || s.verb() == Verb.TRUNCATE
                || s.verb() == Verb.INSERT && s.has(Flag.FROM_SELECT);
        if (ctx.phase() != Phase.EXPAND || !dataChange || ctx.isNewTable(s.table())) {
            return;
        }
        String verb = s.verb() == Verb.INSERT ? "INSERT … SELECT" : s.verb().name();
        ctx.report(this, s.at(), verb + " on existing table " + s.table() + " in expand changes data while release "
                        + "N-1 still writes it, and holds its row locks until expand commits",
                "Move the " + verb + " on " + s.table() + " to the migrate phase of this release.",
                "Write it in batches bounded by key range (e.g. WHERE id >= :lo AND id < :lo + 1000), "
                        + "each committed alone, safe to re-run.");
    }
}
