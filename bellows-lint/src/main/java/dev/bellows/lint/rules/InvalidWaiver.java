package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.Rules;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.Waiver;
import dev.bellows.model.Severity;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

/** A waiver must name known rules and give its reason; otherwise it waives nothing and is an error. */
public final class InvalidWaiver implements Rule {

    public static final RuleInfo INFO = new RuleInfo("invalid-waiver", Severity.ERROR, RuleInfo.BOTH,
            "Waiver without a reason, for an unknown rule, or after the last statement",
            "A waiver silences a safety rule; without a reason reviewers cannot judge it, and a misspelt rule id "
                    + "silences nothing while looking as if it did.",
            "Write -- bellows:allow <rule-id> reason: <why it is safe here>.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        for (Waiver w : ctx.waiversHere()) {
            Token at = new Token(TokenType.SYMBOL, "--", 0, 0, w.line(), w.column());
            if (w.scope() == Waiver.Scope.NOTHING) {
                ctx.report(this, at, "this bellows:allow comment comes after the last statement, so it waives nothing",
                        "Move it above the statement it waives, or onto the same line after that statement's ;");
                continue;
            }
            if (w.ruleIds().isEmpty()) {
                ctx.report(this, at, "this bellows:allow comment names no rule, so it waives nothing",
                        "Write it as: -- bellows:allow <rule-id> reason: <why it is safe here>",
                        "List the rule ids with: bellows lint --list-rules");
                continue;
            }
            if (w.reason().isBlank()) {
                ctx.report(this, at, "the waiver of " + String.join(", ", w.ruleIds())
                                + " gives no reason, so it waives nothing",
                        "Add the reason: -- bellows:allow " + String.join(", ", w.ruleIds())
                                + " reason: <why it is safe here>");
            }
            for (String id : w.ruleIds()) {
                // A waiver may also name a rule of the verifier: lint passes it on, verify applies it.
                if (Rules.byId(id).isEmpty() && dev.bellows.verify.VerifyRule.byId(id).isEmpty()) {
                    ctx.report(this, at, "the waiver names unknown rule '" + id + "', so it waives nothing",
                            "Use one of the ids listed by: bellows lint --list-rules (or a verify-… rule of bellows verify)"
                                    + Rules.closeMatches(id).stream().findFirst().map(m -> " (did you mean " + m + "?)")
                                    .orElse(""));
                }
            }
        }
    }
}
