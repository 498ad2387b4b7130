package dev.bellows.junit;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.model.Severity;
import dev.bellows.run.Command;
import dev.bellows.run.MigrationFailedException;
import dev.bellows.run.RunOptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The dynamic tests of {@link BellowsMigrationTests}: lint, one test per migration file; apply, one
 * test per migration file run on a real database in rollout order.
 */
final class MigrationChecks {

    private MigrationChecks() {
    }

    static Stream<DynamicNode> of(BellowsSchema schema) {
        return Stream.of(lint(schema), apply(schema));
    }

    /** One test per checked migration: the linter's findings for that file, the whole history replayed. */
    static DynamicNode lint(BellowsSchema schema) {
        Settings settings = schema.settings();
        LintDialect dialect = LintDialect.named(settings.dialect().id());
        LintReport report = Linter.lint(schema.migrations(), LintOptions.of(dialect));
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
     * One test per checked migration: it applies on a real database, in rollout order (each release's
     * expand, migrate, then contract), after every migration before it.
     */
    static DynamicNode apply(BellowsSchema schema) {
        Rollout rollout = new Rollout(schema);
        List<DynamicTest> tests = schema.migrations().migrations().stream()
                .filter(m -> schema.settings().checked(m.release()))
                .map(m -> DynamicTest.dynamicTest(m.id(), m.path().toUri(), () -> rollout.check(m)))
                .toList();
        return DynamicContainer.dynamicContainer("applies on " + rollout.where(), tests);
    }

    /** Runs the phases on one throwaway database as the tests ask for them, remembering each outcome. */
    private static final class Rollout {
        private final BellowsSchema schema;
        private final Map<String, Optional<RuntimeException>> outcomes = new HashMap<>();
        private Bellows bellows;
        private RuntimeException firstFailure;

        Rollout(BellowsSchema schema) {
            this.schema = schema;
        }

        String where() {
            return schema.settings().url().map(u -> "a throwaway database next to "
                    + new ConnectionSettings(u, null, null).safeUrl()).orElse("the embedded PostgreSQL");
        }

        void check(Migration m) {
            Optional<RuntimeException> failure = runThrough(m.release(), m.phase());
            if (failure.isEmpty()) {
                return;
            }
            RuntimeException e = failure.get();
            if (!(e instanceof MigrationFailedException f)) {
                throw e; // no database, or a refused step: every test says so
            }
            if (f.file().equals(m.displayPath())) {
                throw new AssertionFailedError(e.getMessage(), e);
            }
            if (failedAfter(f, m)) {
                return; // applied before the failing file of the same phase
            }
            throw new TestAbortedException("not applied: an earlier migration failed: " + e.getMessage());
        }

        /** Whether {@code f} failed on a later file of {@code m}'s own phase, so {@code m} was applied. */
        private boolean failedAfter(MigrationFailedException f, Migration m) {
            return schema.migrations().of(m.release(), m.phase()).stream()
                    .filter(x -> x.displayPath().equals(f.file())).anyMatch(x -> x.number() > m.number());
        }

        /** Applies every phase in rollout order up to {@code (release, phase)}; the outcome of that phase. */
        private Optional<RuntimeException> runThrough(Release release, Phase phase) {
            for (Release r : schema.releases()) {
                for (Phase p : Phase.values()) {
                    String key = key(r, p);
                    if (!outcomes.containsKey(key)) {
                        outcomes.put(key, Optional.ofNullable(firstFailure == null ? run(r, p) : firstFailure));
                    }
                    if (r.equals(release) && p == phase) {
                        return outcomes.get(key);
                    }
                }
            }
            throw new IllegalStateException(release + "/" + phase.id() + " is not a step of the rollout");
        }

        private RuntimeException run(Release r, Phase p) {
            try {
                if (bellows == null) {
                    bellows = new Bellows(new BellowsConfig(schema.settings().location(),
                            schema.server().get().create().settings(), RunOptions.defaults()));
                }
                bellows.run(Command.valueOf(p.name()), r);
                return null;
            } catch (RuntimeException e) {
                firstFailure = e;
                return e;
            }
        }

        private static String key(Release r, Phase p) {
            return r.name() + "/" + p.id();
        }
    }

    /** Fails with every error finding (and every waived one when waivers are not allowed), as the CLI prints them. */
    static void assertPasses(String tool, List<Finding> findings, Settings settings) {
        List<Finding> failing = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> !f.waived() || !settings.allowWaivers()).toList();
        if (failing.isEmpty()) {
            return;
        }
        StringBuilder b = new StringBuilder(tool + " found " + failing.size() + " problem"
                + (failing.size() == 1 ? "" : "s") + ":\n");
        for (Finding f : failing) {
            b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().id()).append('[').append(f.ruleId()).append("] ").append(f.message())
                    .append('\n');
            if (f.waived()) {
                b.append("    (waived: ").append(f.waiver()).append(" — but waivers are not allowed here: "
                        + "@BellowsMigrations(allowWaivers = false))\n");
            }
            f.help().forEach(h -> b.append("    ").append(h).append('\n'));
        }
        throw new AssertionFailedError(b.toString().stripTrailing());
    }
}
