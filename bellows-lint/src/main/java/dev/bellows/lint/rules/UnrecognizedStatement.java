package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;

/** A statement the recognizer cannot classify is reported, never passed silently. */
public final class UnrecognizedStatement implements Rule {

    public static final RuleInfo INFO = new RuleInfo("unrecognized-statement", Severity.WARNING, RuleInfo.BOTH,
            "Statement Bellows cannot classify",
            "No rule can check a statement Bellows does not understand, so it may hide a lock, a rewrite or a "
                    + "change that breaks release N-1.",
            "Check the statement by hand; when it is safe, waive it with its reason.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.statement().verb() == Verb.UNRECOGNIZED) {
            ctx.report(this, ctx.statement().at(), "Bellows cannot classify this statement ("
                            + ctx.statement().reason() + "), so no rule checked it",
                    "Check by hand what it locks and whether release N-1 still works after it.",
                    "If it is safe, write above it: -- bellows:allow unrecognized-statement reason: <why it is safe>",
                    "If it is valid SQL, report it so the recognizer learns it.");
        }
    }
}
