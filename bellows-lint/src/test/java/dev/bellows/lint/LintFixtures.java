package dev.bellows.lint;

import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.ArrayList;
import java.util.List;

/** Builds in-memory migration histories for lint tests. */
public final class LintFixtures {

    private LintFixtures() {
    }

    public static Migration migration(LintDialect dialect, String release, Phase phase, int number, String sql) {
        String name = release + "/" + phase.id() + "/" + String.format("%03d_test.sql", number);
        return InlineMigration.of(dialect, Release.of(release), phase, number, name, sql);
    }

    /** Lints {@code sql} as a loose file in {@code phase}. */
    public static LintReport lint(LintDialect dialect, Phase phase, String sql) {
        return Linter.lintSql(sql, "test.sql", phase, LintOptions.of(dialect));
    }

    public static LintReport lint(LintOptions options, Phase phase, String sql) {
        return Linter.lintSql(sql, "test.sql", phase, options);
    }

    /** A history: alternating release/phase specs ("1.0/expand") and SQL. */
    public static LintReport history(LintDialect dialect, String... specAndSql) {
        List<Migration> ms = new ArrayList<>();
        for (int i = 0; i + 1 < specAndSql.length; i += 2) {
            String[] spec = specAndSql[i].split("/");
            ms.add(migration(dialect, spec[0], Phase.fromId(spec[1]).orElseThrow(), i + 1, specAndSql[i + 1]));
        }
        return Linter.lint(ms, LintOptions.of(dialect));
    }

    public static List<String> ruleIds(LintReport r) {
        return r.active().stream().map(Finding::ruleId).toList();
    }
}
