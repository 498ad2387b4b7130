package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;

/** A migration file must close every transaction it opens and must not nest them. */
public final class TransactionControl implements Rule {

    public static final RuleInfo INFO = new RuleInfo("transaction-control", Severity.ERROR, RuleInfo.BOTH,
            "BEGIN without COMMIT, or a nested BEGIN, inside a migration",
            "A BEGIN that the file never commits leaves the rest of the run in an open transaction (its locks held until the connection ends, its work lost on a crash); a second BEGIN inside a transaction is ignored by PostgreSQL (a warning) and on MySQL silently commits the first. Either way the file does not run the way it reads.",
            "Let the runner manage transactions (one per file on PostgreSQL); if you write BEGIN, close it with COMMIT in the same file, once.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (s.verb() != Verb.BEGIN) {
            return;
        }
        if (ctx.inTransactionBlock()) {
            ctx.report(this, s.at(), "BEGIN inside a transaction this file already opened: PostgreSQL ignores it "
                            + "(with a warning), MySQL commits the first transaction, so the file no longer runs "
                            + "as one unit",
                    "Remove the inner BEGIN (and its COMMIT), or COMMIT the first transaction before it.");
            return;
        }
        boolean closed = ctx.surroundings().laterInFile().stream().anyMatch(p -> p.verb() == Verb.END);
        if (!closed) {
            ctx.report(this, s.at(), "BEGIN is never committed in this file: the rest of the run stays in an open "
                            + "transaction, its locks held and its work lost if the connection ends",
                    "Add COMMIT after the statements the transaction is for, in the same file.",
                    "Or remove BEGIN: the runner already runs a PostgreSQL file in one transaction.");
        }
    }
}
