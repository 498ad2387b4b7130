package dev.bellows.lint;

import dev.bellows.model.Finding;
import dev.bellows.model.Phase;

import java.util.List;
import java.util.function.Supplier;

/**
 * One failing or passing case of a rule, declared by the rule's test class in
 * {@code static List<RuleExample> examples()}. {@code RuleRegistryTest} runs every rule's examples
 * and requires, for each dialect the rule covers, at least one flagged and one passing example; the
 * rule's own test class runs them too ({@code RuleTestSupport#declaredExamplesHold}).
 *
 * @param dialect the dialect it is linted as
 * @param flagged whether the rule must report it (true) or must not (false)
 * @param what    the SQL, for messages
 * @param report  lints it
 */
public record RuleExample(LintDialect dialect, boolean flagged, String what, Supplier<LintReport> report) {

    /** The name of the static method every rule test class declares. */
    public static final String METHOD = "examples";

    public static RuleExample flags(LintDialect d, Phase phase, String sql) {
        return new RuleExample(d, true, phase.id() + ": " + sql, () -> LintFixtures.lint(d, phase, sql));
    }

    public static RuleExample passes(LintDialect d, Phase phase, String sql) {
        return new RuleExample(d, false, phase.id() + ": " + sql, () -> LintFixtures.lint(d, phase, sql));
    }

    public static RuleExample flags(LintOptions o, Phase phase, String sql) {
        return new RuleExample(o.dialect(), true, phase.id() + " " + o + ": " + sql,
                () -> LintFixtures.lint(o, phase, sql));
    }

    public static RuleExample passes(LintOptions o, Phase phase, String sql) {
        return new RuleExample(o.dialect(), false, phase.id() + " " + o + ": " + sql,
                () -> LintFixtures.lint(o, phase, sql));
    }

    /** A history ({@code "1.0/expand", sql, "1.1/expand", sql, …}) whose findings include the rule's. */
    public static RuleExample flagsHistory(LintDialect d, String... specAndSql) {
        return new RuleExample(d, true, String.join(" | ", specAndSql), () -> LintFixtures.history(d, specAndSql));
    }

    public static RuleExample passesHistory(LintDialect d, String... specAndSql) {
        return new RuleExample(d, false, String.join(" | ", specAndSql), () -> LintFixtures.history(d, specAndSql));
    }

    /** The rule's active findings for this example. */
    public List<Finding> findings(String ruleId) {
        return report.get().active().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Null when the example holds for the rule, else why not. */
    public String failure(String ruleId) {
        LintReport r = report.get();
        List<Finding> mine = r.active().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        if (!flagged && !ruleId.equals("unrecognized-statement")
                && r.findings().stream().anyMatch(f -> f.ruleId().equals("unrecognized-statement"))) {
            return ruleId + ": a passing example must be SQL Bellows recognizes (" + dialect.id() + ") " + what;
        }
        if (flagged && mine.isEmpty()) {
            return ruleId + " should flag (" + dialect.id() + ") " + what;
        }
        if (!flagged && !mine.isEmpty()) {
            return ruleId + " should pass (" + dialect.id() + ") " + what + " but reported " + mine;
        }
        if (flagged && mine.stream().anyMatch(f -> f.message().isBlank() || f.help().isEmpty() || f.line() <= 0)) {
            return ruleId + " reported without message, safe steps or line: " + mine;
        }
        return null;
    }
}
