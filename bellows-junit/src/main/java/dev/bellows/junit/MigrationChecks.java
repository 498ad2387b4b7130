package dev.bellows.junit;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Release;
import dev.bellows.model.Severity;
import dev.bellows.queries.QueryManifests;
import dev.bellows.verify.ShadowSpec;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyReport;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dynamic tests of {@link BellowsMigrationTests}: lint, one test per migration file; verify, one
 * test per release (what it did on a real database, judged against the release before it).
 */
final class MigrationChecks {

    private MigrationChecks() {
    }

    static Stream<DynamicNode> of(BellowsSchema schema) {
        return Stream.of(lint(schema), verify(schema));
    }

    /** One test per checked migration: the linter's findings for that file, the whole history replayed. */
    static DynamicNode lint(BellowsSchema schema) {
        Settings settings = schema.settings();
        LintDialect dialect = LintDialect.named(settings.dialect().id());
        LintOptions options = LintOptions.of(dialect);
        if (settings.lintStats().isPresent()) {
            options = options.withStats(settings.lintStats().get());
        }
        // As bellows lint and the Maven plugin: a legacy Flyway folder's files, then the releases up to the cut, only
        // build the schema model; the releases after it are judged.
        LintOptions lintOptions = options;
        List<Migration> legacyFiles = settings.legacy()
                .filter(l -> l.engine().equals(dev.bellows.legacy.LegacyConfig.FLYWAY))
                .map(l -> Linter.flywayHistory(java.nio.file.Path.of(l.location()), l.release(), settings.placeholders(),
                        lintOptions))
                .orElse(List.of());
        LintReport report = Linter.lint(legacyFiles, schema.migrations().migrations(), settings.judgedAfter(), options);
        Map<String, List<Finding>> byFile = report.findings().stream()
                .collect(Collectors.groupingBy(Finding::file));
        List<DynamicTest> tests = schema.migrations().migrations().stream()
                .filter(m -> settings.checked(m.release()))
                .map(m -> DynamicTest.dynamicTest(m.id(), m.path().toUri(),
                        () -> assertPasses("lint", byFile.getOrDefault(m.displayPath(), List.of()), settings)))
                .toList();
        return DynamicContainer.dynamicContainer("lint (" + dialect.id() + ")", tests);
    }

    /**
     * One test per checked release: all its migrations run on a throwaway database after every
     * earlier release, judged by the verifier against the release before it. The database work
     * happens once, when the first of these tests runs.
     */
    static DynamicNode verify(BellowsSchema schema) {
        Settings settings = schema.settings();
        Supplier<VerifyReport> report = memoize(() -> {
            BellowsDatabase db = schema.server().get().create();
            // the query manifests beside the migrations (db/queries) are proved when they exist
            VerifyReport r = Verifier.verify(schema.migrations(), VerifyOptions.defaults(settings.dialect())
                    .withShadow(ShadowSpec.url(db.url(), db.user(), db.password()))
                    // a legacy history: its own engine (the real Flyway or Liquibase) builds the database first
                    .withLegacy(settings.legacy())
                    .withQueries(settings.flyway() ? QueryManifests.none() : QueryManifests.load(
                            QueryManifests.defaultDirectory(settings.location()), false, settings.dialect().syntax())));
            HtmlReportFile.write(r, settings);
            return r;
        });
        Map<String, Release> releaseOf = schema.migrations().migrations().stream()
                .collect(Collectors.toMap(Migration::displayPath, Migration::release, (a, b) -> a));
        List<Release> checked = schema.releases().stream().filter(settings::checked).toList();
        // A migration at or before since is not checked, but it must apply: when it does not, nothing after it
        // can be verified, so the first checked release fails with it.
        Predicate<Finding> uncheckedFailure = f -> f.ruleId().equals(FAILED) && releaseOf.containsKey(f.file())
                && !settings.checked(releaseOf.get(f.file()));
        List<DynamicTest> tests = new ArrayList<>();
        Release previous = null;
        // the first Bellows release after a legacy history is judged against the schema that history built
        Optional<Release> legacy = settings.legacy().map(dev.bellows.legacy.LegacyConfig::release);
        for (Release r : schema.releases()) {
            if (settings.checked(r)) {
                Release release = r;
                // A finding tied to no migration file is judged with the newest release, so none is lost.
                Predicate<Finding> mine = f -> releaseOf.containsKey(f.file())
                        ? release.equals(releaseOf.get(f.file())) : release.equals(checked.get(checked.size() - 1));
                Release prior = previous;
                Release before = legacy.filter(l -> l.compareTo(release) < 0)
                        .filter(l -> prior == null || prior.compareTo(l) < 0).orElse(prior);
                String name = before == null ? "release " + r + " (the first)"
                        : "release " + r + " after " + before;
                boolean first = release.equals(checked.get(0));
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    if (first) {
                        failOnUncheckedFailures(report.get().findings().stream().filter(uncheckedFailure).toList(),
                                settings);
                    }
                    checkRelease(schema, release, report.get(), mine);
                }));
            }
            previous = r;
        }
        return DynamicContainer.dynamicContainer("verify on " + where(settings), tests);
    }

    /** The rule id of a statement that failed on the shadow database. */
    private static final String FAILED = "verify-failed";

    /** Fails the first checked release when a migration at or before the cut-over did not apply. */
    private static void failOnUncheckedFailures(List<Finding> failures, Settings settings) {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder("not verifiable: a migration at or before since = "
                + settings.judgedAfter().map(Release::toString).orElse("?") + " does not apply, so nothing after it "
                + "ran. Releases up to the cut-over are not checked, but they must still apply:\n");
        for (Finding f : failures) {
            b.append(line(f)).append('\n');
            f.help().forEach(h -> b.append("    ").append(h).append('\n'));
        }
        throw new AssertionFailedError(b.toString().stripTrailing());
    }

    private static void checkRelease(BellowsSchema schema, Release release, VerifyReport report,
                                     Predicate<Finding> mine) {
        assertPasses("verify", report.findings().stream().filter(mine).toList(), schema.settings());
        List<String> ran = report.migrations().stream().map(o -> o.migration().displayPath()).toList();
        List<String> notRun = schema.migrations().of(release).stream().filter(m -> !ran.contains(m.displayPath()))
                .map(Migration::displayPath).toList();
        if (!notRun.isEmpty()) {
            throw new TestAbortedException("not verified: " + String.join(", ", notRun) + " did not run ("
                    + String.join("; ", report.notes()) + ")");
        }
    }

    private static String where(Settings settings) {
        return settings.url().map(u -> "a throwaway database next to "
                + new ConnectionSettings(u, null, null).safeUrl()).orElse("the embedded PostgreSQL");
    }

    /** Fails with every error finding (and every waived one when waivers are not allowed), as the CLI prints them. */
    static void assertPasses(String tool, List<Finding> findings, Settings settings) {
        List<Finding> failing = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> !f.waived() || !settings.allowWaivers()).toList();
        // Warnings do not fail the test; they go to the test's output, where reports and IDEs show them.
        findings.stream().filter(f -> f.severity() == Severity.WARNING && !f.waived())
                .forEach(f -> System.out.println(tool + ": " + line(f)));
        if (failing.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(tool + " found " + failing.size() + " problem"
                + (failing.size() == 1 ? "" : "s") + ":\n");
        for (Finding f : failing) {
            b.append(line(f)).append('\n');
            if (f.waived()) {
                b.append("    (waived: ").append(f.waiver()).append(" — but waivers are not allowed here: "
                        + "@BellowsMigrations(allowWaivers = false))\n");
            }
            f.help().forEach(h -> b.append("    ").append(h).append('\n'));
        }
        throw new AssertionFailedError(b.toString().stripTrailing());
    }

    /** A finding as the CLI prints it: {@code file:line:column: severity[rule] message}. */
    private static String line(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + "[" + f.ruleId() + "] "
                + f.message();
    }

    /** Computes once, on first use; a failure is rethrown to every caller. */
    static <T> Supplier<T> memoize(Supplier<T> compute) {
        return new Supplier<>() {
            private Optional<T> value;
            private RuntimeException failure;

            @Override
            public synchronized T get() {
                if (value == null && failure == null) {
                    try {
                        value = Optional.of(compute.get());
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return value.orElseThrow();
            }
        };
    }
}
