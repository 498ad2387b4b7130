package dev.bellows.verify;

import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.model.Severity;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LintComparisonTest {

    @TempDir
    Path dir;

    private static Finding lint(String rule, String file, int line) {
        return new Finding(rule, Severity.ERROR, file, line, 1, "lint says " + rule, List.of(), null);
    }

    @Test
    void reportsLintFindingsTheDatabaseDidNotConfirmAndProblemsLintMissed() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int, s varchar(10), legacy text);\n")
                .file("1.1/expand/001_changes.sql", """
                        ALTER TABLE t ALTER COLUMN n TYPE bigint;
                        ALTER TABLE t ALTER COLUMN s TYPE varchar(20);
                        DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN legacy'; END $$;
                        """);
        TestDatabase db = Databases.postgres();
        VerifyReport r = Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        String file = r.migrations().get(1).migration().displayPath();
        List<Finding> lintFindings = List.of(
                lint("pg-rewriting-type-change", file, 1),     // confirmed: int -> bigint rewrote t
                lint("pg-rewriting-type-change", file, 2),     // not confirmed: varchar widening is metadata only
                lint("migrate-unbounded-dml", file, 3));       // not observable by verify: ignored
        LintComparison c = LintComparison.compare(lintFindings, r);
        assertThat(c.agreed()).isEqualTo(1);
        assertThat(c.unconfirmed()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("compare-lint-unconfirmed");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).contains("pg-rewriting-type-change", "showed no verify-rewrite");
        });
        assertThat(c.missed()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("compare-lint-missed");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.message()).contains("verify-dropped-column");
        });
        VerifyReport with = c.addTo(r);
        assertThat(with.failed()).isEqualTo(r.failed());
        assertThat(with.notes()).anySatisfy(n -> assertThat(n).contains("1 agreed"));
    }

    private VerifyReport verify(MigrationTree tree) {
        TestDatabase db = Databases.postgres();
        return Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
    }

    @Test
    void matchesAFindingOnAClauseLineToTheStatementThatContainsIt() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int, s varchar(10));\n")
                .file("1.1/expand/001_changes.sql", """
                        ALTER TABLE t
                            ADD COLUMN note text,
                            ALTER COLUMN n TYPE bigint;
                        """);
        VerifyReport r = verify(tree);
        String file = r.migrations().get(1).migration().displayPath();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("verify-rewrite"));
        LintComparison c = LintComparison.compare(List.of(lint("pg-rewriting-type-change", file, 3)), r);
        assertThat(c.missed()).isEmpty();
        assertThat(c.unconfirmed()).isEmpty();
        assertThat(c.agreed()).isEqualTo(1);
        // a line outside every statement belongs to none
        assertThat(LintComparison.compare(List.of(lint("pg-rewriting-type-change", file, 4)), r).missed())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("verify-rewrite"));
    }

    @Test
    void theRealLinterAndVerifyAgreeOnAValidationInTheTransactionThatAddedTheConstraint() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", """
                        CREATE DOMAIN code AS text;
                        CREATE TABLE t (id int PRIMARY KEY, n int, s varchar(10) CHECK (s <> ''), c code);
                        """)
                .file("1.1/expand/001_check.sql", """
                        ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;
                        ALTER TABLE t
                            VALIDATE CONSTRAINT n_positive;
                        """)
                .file("1.1/expand/002_widen.sql", "ALTER TABLE t ALTER COLUMN s TYPE varchar(20);\n")
                .file("1.1/expand/003_domain.sql", "ALTER DOMAIN code ADD CONSTRAINT code_short CHECK (length(VALUE) < 9);\n");
        VerifyReport r = verify(tree);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("verify-locked-scan"))
                .extracting(f -> Path.of(f.file()).getFileName().toString())
                .containsExactlyInAnyOrder("001_check.sql", "002_widen.sql", "003_domain.sql");
        LintComparison c = LintComparison.run(tree.load(), r, new PostgresDialect());
        // each locked scan is flagged by a lint rule mapped to that hazard (the domain's new constraint
        // is also a verify-constraint-added, which no lint rule covers yet: not this test's subject)
        assertThat(c.missed()).noneSatisfy(f -> assertThat(f.message()).contains("verify-locked-scan"));
        assertThat(c.unconfirmed()).isEmpty();
        assertThat(c.agreed()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void lintAndVerifyAgreeThatIntToBigintIsARewriteNotAnIncompatibleTypeChange() {
        MigrationTree tree = new MigrationTree(dir)
                .file("1.0/expand/001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, n int);\n")
                .file("1.1/expand/001_widen.sql", "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n");
        VerifyReport r = verify(tree);
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("verify-rewrite");
        LintComparison c = LintComparison.run(tree.load(), r, new PostgresDialect());
        assertThat(c.unconfirmed()).isEmpty();
        assertThat(c.missed()).isEmpty();
        assertThat(c.agreed()).isEqualTo(1);
    }
}
