package dev.bellows.verify;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.Linter;
import dev.bellows.lint.ServerVersion;
import dev.bellows.model.Finding;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the linter and the observed behaviour disagree, statement by statement: lint findings the
 * database did not confirm, and verify findings no lint rule flagged. Only lint rules whose
 * hazard verify can observe take part ({@link #OBSERVABLE}); the others (timeouts, batching,
 * MySQL algorithms, waiver syntax) are left out.
 *
 * @param agreed      statements × rule where both agree
 * @param unconfirmed lint findings the database did not confirm
 * @param missed      verify findings lint did not flag
 */
public record LintComparison(int agreed, List<Finding> unconfirmed, List<Finding> missed) {

    /** Lint rule id to the verify rule that observes the same hazard ({@link VerifyRule#lintRules()}). */
    static final Map<String, String> OBSERVABLE = observable();

    private static Map<String, String> observable() {
        Map<String, String> m = new java.util.HashMap<>();
        for (VerifyRule r : VerifyRule.values()) {
            r.lintRules().forEach(l -> m.put(l, r.id()));
        }
        return Map.copyOf(m);
    }

    public LintComparison {
        unconfirmed = List.copyOf(unconfirmed);
        missed = List.copyOf(missed);
    }

    private record Key(String file, int line, String rule) {
    }

    /**
     * Lints {@code set} for the shadow server's version and compares lint's findings with the
     * verification of the same migrations.
     */
    public static LintComparison run(MigrationSet set, VerifyReport report, Dialect dialect) {
        LintOptions options = LintOptions.of(LintDialect.named(dialect.id()));
        String version = report.server().substring(report.server().indexOf(' ') + 1);
        try {
            ServerVersion v = ServerVersion.parse(version);
            // only the dialect's own version is read by its rules, so setting both is harmless
            options = options.withPgVersion(v).withMysqlVersion(v);
        } catch (ConfigurationException e) {
            // unparseable version: lint with its defaults
        }
        return compare(Linter.lint(set, options).findings(), report);
    }

    /**
     * Compares lint's findings with the verification of the same migrations. A finding belongs to
     * the verified statement whose lines (first to last) contain its line: lint reports the line of
     * a clause inside a statement, verify the statement's first line. A lint rule and a verify rule
     * agree when the lint rule is one of those {@link VerifyRule#lintRules() mapped} to the verify
     * rule's hazard.
     */
    public static LintComparison compare(List<Finding> lint, VerifyReport verify) {
        Map<String, List<Span>> verified = new HashMap<>();
        for (MigrationObservation m : verify.migrations()) {
            m.statements().stream().filter(s -> !s.failed())
                    .forEach(s -> verified.computeIfAbsent(m.migration().displayPath(), k -> new ArrayList<>())
                            .add(Span.of(s.statement())));
        }
        Set<Key> observed = new HashSet<>();
        for (Finding f : verify.findings()) {
            statementOf(verified, f).ifPresent(line -> observed.add(new Key(f.file(), line, f.ruleId())));
        }
        Set<Key> linted = new HashSet<>();
        List<Finding> unconfirmed = new ArrayList<>();
        Set<Key> agreedKeys = new HashSet<>();
        for (Finding f : lint) {
            String rule = OBSERVABLE.get(f.ruleId());
            Optional<Integer> statement = statementOf(verified, f);
            if (rule == null || statement.isEmpty()) {
                continue;
            }
            Key k = new Key(f.file(), statement.get(), rule);
            linted.add(k);
            if (observed.contains(k)) {
                agreedKeys.add(k);
            } else {
                boolean dataDependent = rule.equals(VerifyRule.REWRITE.id()) || rule.equals(VerifyRule.LOCKED_SCAN.id());
                unconfirmed.add(new Finding(VerifyRule.LINT_UNCONFIRMED.id(), VerifyRule.LINT_UNCONFIRMED.severity(),
                        f.file(), f.line(), f.column(), "lint " + f.ruleId() + (f.waived() ? " (waived)" : "")
                        + " flagged this statement (\"" + f.message() + "\") but running it showed no " + rule,
                        List.of(dataDependent
                                ? "The effect may need rows to show: rerun with --rows N; else a lint false positive."
                                : "A lint false positive: the database shows the statement is safe here."), null));
            }
        }
        List<Finding> missed = new ArrayList<>();
        Set<String> comparable = new HashSet<>(OBSERVABLE.values());
        for (Finding f : verify.findings()) {
            Optional<Integer> statement = statementOf(verified, f);
            if (comparable.contains(f.ruleId())
                    && (statement.isEmpty() || !linted.contains(new Key(f.file(), statement.get(), f.ruleId())))) {
                missed.add(new Finding(VerifyRule.LINT_MISSED.id(), VerifyRule.LINT_MISSED.severity(), f.file(),
                        f.line(), f.column(), "verify observed " + f.ruleId() + " (\"" + f.message()
                        + "\") but no lint rule flagged this statement",
                        List.of("A lint false negative: the static rules cannot see this (dynamic SQL, a function "
                                + "body, a type change lint did not classify)."), null));
            }
        }
        return new LintComparison(agreedKeys.size(), dedupe(unconfirmed), missed);
    }

    /** The first and last line of a statement's text in its file. */
    private record Span(int first, int last) {
        static Span of(SqlStatement s) {
            return new Span(s.line(), s.line() + (int) s.sql().chars().filter(c -> c == '\n').count());
        }
    }

    /** The first line of the verified statement of {@code f}'s file whose lines contain {@code f}'s line. */
    private static Optional<Integer> statementOf(Map<String, List<Span>> verified, Finding f) {
        return verified.getOrDefault(f.file(), List.of()).stream()
                .filter(s -> s.first() <= f.line() && f.line() <= s.last())
                .map(Span::first).findFirst();
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        Set<List<Object>> seen = new HashSet<>();
        return findings.stream()
                .filter(f -> seen.add(List.of(f.file(), f.line(), Objects.toString(f.message()))))
                .toList();
    }

    /** The report with the disagreements added as warnings. */
    public VerifyReport addTo(VerifyReport r) {
        List<Finding> all = new ArrayList<>(r.findings());
        all.addAll(unconfirmed);
        all.addAll(missed);
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("--compare-lint: " + agreed + " agreed, " + unconfirmed.size() + " lint finding(s) not confirmed, "
                + missed.size() + " observed problem(s) lint missed");
        return new VerifyReport(r.server(), r.migrations(), all, r.waivers(), notes, r.startMillis(), r.totalMillis());
    }
}
