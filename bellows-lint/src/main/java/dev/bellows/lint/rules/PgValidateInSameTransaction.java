package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.model.Severity;

/** PostgreSQL: VALIDATE CONSTRAINT after an ALTER TABLE of the same table in one transaction scans under the earlier lock. */
public final class PgValidateInSameTransaction implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-validate-in-same-transaction", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Constraint validated in the transaction that took the table lock",
            "VALIDATE CONSTRAINT is the online half of the NOT VALID recipe only when it runs in its own transaction. In the same transaction as the ADD CONSTRAINT (or any other ALTER TABLE of the table) it scans the whole table while the earlier statement's lock is still held: ACCESS EXCLUSIVE for a CHECK (no reads or writes), SHARE ROW EXCLUSIVE for a foreign key (no writes), until the file commits.",
            "Put VALIDATE CONSTRAINT in a later migration file (or phase), so that it runs in its own transaction.");

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
        for (AlterAction a : s.actions(Op.VALIDATE_CONSTRAINT)) {
            ParsedStatement locker = null;
            for (ParsedStatement p : ctx.surroundings().earlierInTransaction()) {
                if ((p.isAlterTable() || p.verb() == Verb.LOCK) && s.table().equals(p.table())) {
                    locker = p;
                }
            }
            if (locker == null) {
                continue;
            }
            String t = s.table();
            int line = locker.at() == null ? 0 : locker.at().line();
            ctx.report(this, a.at(), "VALIDATE CONSTRAINT " + a.value() + " scans all of " + t + " while this "
                            + "transaction still holds the lock that the ALTER TABLE " + t + " on line " + line
                            + " took: reads or writes of " + t + " wait for the whole scan",
                    "Move ALTER TABLE " + t + " VALIDATE CONSTRAINT " + a.value() + "; to a later migration file "
                            + "(or the next phase), so that it runs in its own transaction.",
                    "Keep ADD CONSTRAINT " + a.value() + " … NOT VALID where it is: it only takes a brief lock.");
        }
    }
}
