package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;

/** Additions belong in expand: in contract they arrive after release N already runs. */
public final class ContractAddition implements Rule {

    public static final RuleInfo INFO = new RuleInfo("contract-addition", Severity.WARNING, RuleInfo.BOTH,
            "Table, column or index added in contract",
            "Contract runs after every instance already runs release N, so release N cannot have used what contract "
                    + "adds; it probably belongs to release N+1 and should be added in its expand.",
            "Move the addition to the expand phase of the release that uses it.");

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
        if (s.verb() == Verb.CREATE && (s.type() == ObjectType.TABLE && !s.has(Flag.TEMPORARY)
                || s.type() == ObjectType.INDEX)) {
            report(ctx, s.at(), s.type().label() + " " + (s.name() == null ? "on " + s.table() : s.name()));
        }
        if (s.isAlterTable()) {
            for (AlterAction a : s.actions()) {
                if (a.op() == Op.ADD_COLUMN) {
                    report(ctx, a.at(), "column " + s.table() + "." + a.column());
                } else if (a.op() == Op.ADD_INDEX) {
                    report(ctx, a.at(), "index " + (a.newName() == null ? "on " + s.table() : a.newName()));
                }
            }
        }
    }

    private void report(StatementContext ctx, Token at, String what) {
        ctx.report(this, at, "adding " + what + " in contract: contract runs after release N is rolled out, so "
                        + "release N cannot rely on it",
                "Move it to the expand phase of the release whose code uses it.",
                "If it replaces something dropped here, add the replacement in expand and keep only the drop in "
                        + "contract.");
    }
}
