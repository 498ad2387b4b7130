package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Expand must not drop a table: release N-1 still uses it. */
public final class ExpandDropTable implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-drop-table", Severity.ERROR, RuleInfo.BOTH,
            "Table dropped in expand",
            "Expand runs while release N-1 serves traffic; its reads and writes of the table fail from the moment "
                    + "the table is gone, and a rollback of the deploy cannot bring the data back.",
            "Stop using the table in release N, then drop it in that release's contract phase.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || !s.is(Verb.DROP, ObjectType.TABLE)) {
            return;
        }
        for (String table : s.names()) {
            if (!ctx.isNewTable(table)) {
                ctx.report(this, s.at(), "dropping table " + table + " in expand breaks release N-1, which still "
                                + "reads and writes it (every query on " + table + " fails)",
                        "Remove every use of " + table + " from the application in release N.",
                        "Move DROP TABLE " + table + " to the contract phase of release N, which runs once no "
                                + "instance of release N-1 is left.");
            }
        }
    }
}
