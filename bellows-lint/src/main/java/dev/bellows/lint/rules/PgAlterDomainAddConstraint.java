package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.sql.Token;

import java.util.List;
import dev.bellows.model.Severity;

/** PostgreSQL: ALTER DOMAIN ADD CONSTRAINT / SET NOT NULL scans every table that uses the domain. */
public final class PgAlterDomainAddConstraint implements Rule {

    public static final RuleInfo INFO = new RuleInfo("pg-alter-domain-add-constraint", Severity.ERROR, RuleInfo.POSTGRESQL,
            "Constraint added to a domain without NOT VALID",
            "ALTER DOMAIN … ADD CONSTRAINT (and SET NOT NULL) checks every column of every table that uses the domain, reading each table in full while holding a lock that blocks its writes.",
            "Add the CHECK constraint NOT VALID (new values are checked at once), then VALIDATE CONSTRAINT in a later file.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        List<Token> t = s.source().tokens();
        if (s.verb() != Verb.ALTER || t.size() < 4 || !t.get(1).is("DOMAIN")) {
            return;
        }
        String domain = t.get(2).identifier();
        boolean add = t.stream().anyMatch(k -> k.is("ADD"));
        boolean setNotNull = t.size() > 5 && t.get(3).is("SET") && t.get(4).is("NOT") && t.get(5).is("NULL");
        boolean notValid = t.size() > 2 && t.get(t.size() - 2).is("NOT") && t.get(t.size() - 1).is("VALID");
        if (add && !notValid || setNotNull) {
            ctx.report(this, s.at(), (setNotNull ? "SET NOT NULL on" : "adding a constraint to") + " domain " + domain
                            + " checks every column of type " + domain + " in every table, reading each table in "
                            + "full while its writes are blocked",
                    "ALTER DOMAIN " + domain + " ADD CONSTRAINT … CHECK (…) NOT VALID; (new values are checked, "
                            + "no scan)",
                    "In a later file: ALTER DOMAIN " + domain + " VALIDATE CONSTRAINT …;");
        }
    }
}
