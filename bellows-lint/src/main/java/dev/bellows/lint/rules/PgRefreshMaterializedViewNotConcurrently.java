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
 * PostgreSQL: REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the view for
 * the whole query. A view created by this release has no readers yet and passes.
 */
public final class PgRefreshMaterializedViewNotConcurrently implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-refresh-matview-not-concurrently", Severity.ERROR,
            RuleInfo.POSTGRESQL, "REFRESH MATERIALIZED VIEW without CONCURRENTLY",
            "A plain refresh takes ACCESS EXCLUSIVE on the materialized view while it runs the view's whole query: "
                    + "every read of the view waits until it is done.",
            "Give the view a unique index (plain columns, no WHERE), then REFRESH MATERIALIZED VIEW CONCURRENTLY: "
                    + "reads go on during the refresh.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (s.verb() != Verb.REFRESH || s.has(Flag.CONCURRENTLY) || s.name() == null
                || ctx.isNew(ObjectType.MATERIALIZED_VIEW, s.name())) {
            return;
        }
        String v = s.name();
        ctx.report(this, s.at(), "REFRESH MATERIALIZED VIEW " + v + " without CONCURRENTLY takes ACCESS EXCLUSIVE "
                        + "on " + v + ": every read of " + v + " waits until the view's query has run in full",
                "If " + v + " has no unique index yet: CREATE UNIQUE INDEX CONCURRENTLY " + v.replace('.', '_')
                        + "_key ON " + v + " (<columns that identify a row>); (plain columns, no WHERE)",
                "REFRESH MATERIALIZED VIEW CONCURRENTLY " + v + "; (reads go on; the view must already be populated)");
    }
}
