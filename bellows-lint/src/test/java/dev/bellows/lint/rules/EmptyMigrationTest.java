package dev.bellows.lint.rules;

import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.RuleExample;
import dev.bellows.model.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmptyMigrationTest extends RuleTestSupport {

    EmptyMigrationTest() {
        super("empty-migration");
    }

    @Test
    void flagsEmptyBlankAndCommentOnlyFiles() {
        flags(PG, EXPAND, "");
        flags(PG, MIGRATE, "  \n\t\n");
        List<Finding> f = flags(MYSQL, CONTRACT, "-- TODO: drop the old column\n/* later */\n");
        assertThat(f.get(0).message()).contains("holds no SQL statement");
    }

    @Test
    void passesFilesWithAStatement() {
        passes(PG, EXPAND, "-- the isbn\nALTER TABLE books ADD COLUMN isbn text;");
        passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN isbn text;");
    }

    @Test
    void aWaiverInTheFileCoversIt() {
        LintReport report = LintFixtures.lint(PG, EXPAND,
                "-- bellows:allow empty-migration reason: emptied in the Flyway history\n");
        assertThat(report.findings()).filteredOn(x -> x.ruleId().equals("empty-migration"))
                .singleElement().satisfies(x -> assertThat(x.waived()).isTrue());
        assertThat(report.waivers()).hasSize(1);
    }

    /** Checked by RuleRegistryTest: a flagged and a passing case per dialect the rule covers. */
    static List<RuleExample> examples() {
        return List.of(
                RuleExample.flags(PG, EXPAND, "-- TODO: add the isbn column\n"),
                RuleExample.passes(PG, EXPAND, "ALTER TABLE books ADD COLUMN isbn text;"),
                RuleExample.flags(MYSQL, EXPAND, ""),
                RuleExample.passes(MYSQL, EXPAND, "ALTER TABLE books ADD COLUMN isbn text;"));
    }
}
