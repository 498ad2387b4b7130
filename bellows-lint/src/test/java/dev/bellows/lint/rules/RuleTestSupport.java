package dev.bellows.lint.rules;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.RuleExample;
import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Failing and passing SQL for one rule: {@code flags(…)} and {@code passes(…)}. */
abstract class RuleTestSupport {

    static final LintDialect PG = LintDialect.POSTGRESQL;
    static final LintDialect MYSQL = LintDialect.MYSQL;
    static final Phase EXPAND = Phase.EXPAND;
    static final Phase MIGRATE = Phase.MIGRATE;
    static final Phase CONTRACT = Phase.CONTRACT;

    private final String ruleId;

    RuleTestSupport(String ruleId) {
        this.ruleId = ruleId;
    }

    /** Runs the examples the test class declares for RuleRegistryTest ({@code static examples()}). */
    @TestFactory
    Stream<DynamicTest> declaredExamplesHold() throws ReflectiveOperationException {
        Method m = getClass().getDeclaredMethod(RuleExample.METHOD);
        m.setAccessible(true);
        return ((List<?>) m.invoke(null)).stream().map(RuleExample.class::cast)
                .map(e -> DynamicTest.dynamicTest((e.flagged() ? "flags " : "passes ") + e.what(),
                        () -> assertThat(e.failure(ruleId)).as(e.what()).isNull()));
    }

    /** Asserts the rule flags the SQL (a loose file in {@code phase}); returns its findings. */
    List<Finding> flags(LintDialect dialect, Phase phase, String sql) {
        return flags(LintFixtures.lint(dialect, phase, sql), sql);
    }

    List<Finding> flags(LintOptions options, Phase phase, String sql) {
        return flags(LintFixtures.lint(options, phase, sql), sql);
    }

    List<Finding> flags(LintReport report, String what) {
        List<Finding> mine = mine(report);
        assertThat(mine).as(ruleId + " should flag: " + what + "\nall findings: " + report.findings()).isNotEmpty();
        for (Finding f : mine) {
            assertThat(f.message()).isNotBlank();
            assertThat(f.help()).isNotEmpty();
            assertThat(f.line()).isPositive();
        }
        return mine;
    }

    void passes(LintDialect dialect, Phase phase, String sql) {
        passes(LintFixtures.lint(dialect, phase, sql), sql);
    }

    void passes(LintOptions options, Phase phase, String sql) {
        passes(LintFixtures.lint(options, phase, sql), sql);
    }

    void passes(LintReport report, String what) {
        assertThat(mine(report)).as(ruleId + " should pass: " + what).isEmpty();
        assertThat(report.findings()).as("no statement should be unrecognized in: " + what)
                .noneMatch(f -> f.ruleId().equals("unrecognized-statement") && !ruleId.equals("unrecognized-statement"));
    }

    private List<Finding> mine(LintReport report) {
        return report.active().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
