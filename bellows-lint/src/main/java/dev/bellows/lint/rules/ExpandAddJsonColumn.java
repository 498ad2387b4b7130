package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** PostgreSQL: a json column breaks SELECT DISTINCT / UNION over the table's rows. */
public final class ExpandAddJsonColumn implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-add-json-column", Severity.WARNING, RuleInfo.POSTGRESQL,
            "json column added to an existing table",
            "The json type has no equality operator: once a table has a json column, release N-1's SELECT DISTINCT * or UNION over SELECT * of that table fails with \"could not identify an equality operator for type json\". jsonb has one.",
            "Use jsonb; if it must be json, make sure no query of release N-1 selects the table's rows with DISTINCT, UNION, INTERSECT or EXCEPT over *.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || !s.isAlterTable() || ctx.isNewTable(s.table())) {
            return;
        }
        for (AlterAction a : s.actions()) {
            boolean json = (a.op() == Op.ADD_COLUMN || a.op() == Op.ALTER_COLUMN_TYPE) && a.definition() != null
                    && a.definition().type() != null && a.definition().type().base().equals("json");
            if (json) {
                String t = s.table();
                ctx.report(this, a.at(), "column " + t + "." + a.column() + " of type json: json has no equality "
                                + "operator, so release N-1's SELECT DISTINCT or UNION over the rows of " + t
                                + " (SELECT *) fails once it exists",
                        "Use jsonb instead: ALTER TABLE " + t + " ADD COLUMN " + a.column() + " jsonb.",
                        "If it must be json, check that release N-1 never selects * from " + t
                                + " with DISTINCT, UNION, INTERSECT or EXCEPT.");
            }
        }
    }
}
