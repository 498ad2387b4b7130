package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

import java.util.List;

/** PostgreSQL: a unique constraint or primary key added to an existing table builds its index under ACCESS EXCLUSIVE. */
public final class PgUniqueNotUsingIndex implements Rule {

    public static final RuleInfo INFO = new RuleInfo("pg-unique-not-using-index", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Unique constraint or primary key not built USING INDEX",
            "ADD UNIQUE / ADD PRIMARY KEY builds the index while holding ACCESS EXCLUSIVE: no reads or writes of "
                    + "the table for the whole build.",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT … UNIQUE (or PRIMARY KEY) USING INDEX.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || ctx.isNewTable(s.table())) {
            return;
        }
        for (AlterAction a : s.actions(Op.ADD_CONSTRAINT)) {
            ConstraintDef k = a.constraint();
            boolean unique = k.kind() == ConstraintDef.Kind.UNIQUE || k.kind() == ConstraintDef.Kind.PRIMARY_KEY;
            if (!unique || k.usingIndex()) {
                continue;
            }
            String t = s.table();
            String name = k.displayName(t);
            List<String> cols = k.columns();
            String index = name.endsWith("_idx") ? name : name + "_idx";
            String kind = k.kind() == ConstraintDef.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
            ctx.report(this, a.at(), "adding " + k.kind().label() + " " + name + " to " + t + " builds its index "
                            + "under ACCESS EXCLUSIVE: no reads or writes of " + t + " until it is built",
                    (a.column() != null ? "Add column " + a.column() + " without " + kind + " first. " : "")
                            + "CREATE UNIQUE INDEX CONCURRENTLY " + index + " ON " + t + " (" + String.join(", ", cols)
                            + "); (alone, outside a transaction block)",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + kind + " USING INDEX " + index + ";");
        }
    }
}
