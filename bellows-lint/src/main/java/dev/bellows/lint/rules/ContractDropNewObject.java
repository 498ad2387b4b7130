package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/**
 * Contract must not drop what the same release's expand added: release N uses it. Transition shims
 * are the exception: triggers and trigger functions that keep old and new columns in sync, and a
 * view that keeps a renamed table's old name alive, exist only for release N-1 and belong in
 * contract(N).
 */
public final class ContractDropNewObject implements Rule {

    public static final RuleInfo INFO = new RuleInfo("contract-drop-new-object", Severity.ERROR, RuleInfo.BOTH,
            "Contract drops what this release's expand added",
            "Expand added the object for release N, which now runs everywhere; dropping it in the same release's "
                    + "contract breaks release N itself.",
            "Drop it in a later release's contract, once no release in service uses it. Triggers, trigger "
                    + "functions and views under a renamed table's old name only serve release N-1: dropping them "
                    + "in contract(N) is the expected clean-up and is not flagged.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.CONTRACT) {
            return;
        }
        if (s.verb() == Verb.DROP && s.type() != ObjectType.OTHER) {
            for (String name : s.names()) {
                if (ctx.createdEarlierThisRelease(s.type(), name) && !ctx.isTransitionShim(s.type(), name)) {
                    report(ctx, s.at(), s.type().label() + " " + name);
                }
            }
        }
        if (s.isAlterTable()) {
            for (AlterAction a : s.actions(Op.DROP_COLUMN)) {
                if (ctx.columnCreatedEarlierThisRelease(s.table(), a.column())) {
                    report(ctx, a.at(), "column " + s.table() + "." + a.column());
                }
            }
        }
    }

    private void report(StatementContext ctx, Token at, String what) {
        ctx.report(this, at, "dropping " + what + " in contract of release " + ctx.release() + ", whose expand "
                        + "added it: release " + ctx.release() + " uses it and breaks",
                "Keep " + what + " in release " + ctx.release() + ".",
                "If it is really unused, drop it in the contract phase of a later release.");
    }
}
