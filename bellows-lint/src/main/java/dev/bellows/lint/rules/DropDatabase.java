package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.sql.Token;

import java.util.List;
import dev.bellows.model.Severity;

/** DROP DATABASE has no place in a rolling-upgrade migration. */
public final class DropDatabase implements Rule {

    public static final RuleInfo INFO = new RuleInfo("drop-database", Severity.ERROR, RuleInfo.BOTH,
            "DROP DATABASE in a migration",
            "A migration runs inside one database for every release; dropping a database (on MySQL also DROP SCHEMA) removes everything in it at once, for every release and every service that uses it, and cannot be rolled back.",
            "Drop databases by hand or by infrastructure tooling, after checking that nothing connects to them; never from a rolling-upgrade migration.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        List<Token> t = s.source().tokens();
        if (s.verb() == Verb.DROP && s.type() == ObjectType.OTHER && t.size() > 2 && t.get(1).is("DATABASE")) {
            String name = t.get(t.size() - 1).identifier();
            ctx.report(this, s.at(), "DROP DATABASE " + name + " removes the whole database for every release and "
                            + "every service that uses it; it cannot be undone",
                    "Remove the statement from the migration.",
                    "Check that nothing connects to " + name + " any more, back it up, and drop it by hand or with "
                            + "your infrastructure tooling.");
        }
    }
}
