package dev.bellows.lint;

import dev.bellows.model.Phase;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaiverParserTest {

    private static Waivers parse(String sql) {
        return WaiverParser.parse(SqlSplitter.split(sql, SqlSyntax.POSTGRESQL), sql);
    }

    @Test
    void aWaiverAboveAStatementCoversThatStatementOnly() {
        Waivers w = parse("DROP TABLE a;\n-- bellows:allow expand-drop-table reason: unused since 1.2\nDROP TABLE b;\nDROP TABLE c;");
        assertThat(w.find(0, "expand-drop-table")).isEmpty();
        assertThat(w.find(1, "expand-drop-table")).get().extracting(Waiver::reason).isEqualTo("unused since 1.2");
        assertThat(w.find(2, "expand-drop-table")).isEmpty();
        assertThat(w.fileWide()).isEmpty();
    }

    @Test
    void aHeaderWaiverFollowedByABlankLineCoversTheWholeFile() {
        Waivers w = parse("-- bellows:allow pg-create-index-not-concurrently reason: tables are tiny\n\n"
                + "CREATE INDEX a ON t (a);\nCREATE INDEX b ON t (b);");
        assertThat(w.fileWide()).hasSize(1);
        assertThat(w.find(0, "pg-create-index-not-concurrently")).isPresent();
        assertThat(w.find(1, "pg-create-index-not-concurrently")).get().extracting(Waiver::fileWide).isEqualTo(true);
    }

    @Test
    void aWaiverDirectlyAboveTheFirstStatementCoversOnlyIt() {
        Waivers w = parse("-- a header comment\n\n-- bellows:allow pg-create-index-not-concurrently reason: tiny\n"
                + "CREATE INDEX a ON t (a);\nCREATE INDEX b ON t (b);");
        assertThat(w.fileWide()).isEmpty();
        assertThat(w.find(0, "pg-create-index-not-concurrently")).isPresent();
        assertThat(w.find(1, "pg-create-index-not-concurrently")).isEmpty();
    }

    @Test
    void aWaiverOnTheLineOfAStatementsEndCoversThatStatement() {
        Waivers w = parse("DROP TABLE a; -- bellows:allow expand-drop-table reason: unused\nDROP TABLE b;");
        assertThat(w.find(0, "expand-drop-table")).isPresent();
        assertThat(w.find(1, "expand-drop-table")).isEmpty();
        Waivers last = parse("DROP TABLE a;\nDROP TABLE b; -- bellows:allow expand-drop-table reason: unused");
        assertThat(last.find(1, "expand-drop-table")).isPresent();
        assertThat(last.orphans()).isEmpty();
    }

    @Test
    void aWaiverAfterTheLastStatementWaivesNothingAndIsReported() {
        String sql = "DROP TABLE a;\n-- bellows:allow expand-drop-table reason: unused\n";
        Waivers w = parse(sql);
        assertThat(w.find(0, "expand-drop-table")).isEmpty();
        assertThat(w.orphans()).singleElement().extracting(Waiver::scope).isEqualTo(Waiver.Scope.NOTHING);
        LintReport r = LintFixtures.lint(LintDialect.POSTGRESQL, Phase.EXPAND, sql);
        assertThat(LintFixtures.ruleIds(r)).containsExactlyInAnyOrder("invalid-waiver", "expand-drop-table");
    }

    @Test
    void severalRulesAndBlockComments() {
        Waivers w = parse("/* bellows:allow expand-drop-table, expand-drop-column reason: cleanup */ DROP TABLE a;");
        assertThat(w.find(0, "expand-drop-table")).isPresent();
        assertThat(w.find(0, "expand-drop-column")).isPresent();
    }

    @Test
    void aWaiverWithoutReasonWaivesNothingAndIsAnError() {
        Waivers w = parse("-- bellows:allow expand-drop-table\nDROP TABLE a;");
        assertThat(w.find(0, "expand-drop-table")).isEmpty();
        LintReport r = LintFixtures.lint(LintDialect.POSTGRESQL, Phase.EXPAND, "-- bellows:allow expand-drop-table\nDROP TABLE a;");
        assertThat(LintFixtures.ruleIds(r)).containsExactlyInAnyOrder("invalid-waiver", "expand-drop-table");
    }

    @Test
    void reportsListTheWaiversUsed() {
        LintReport r = LintFixtures.lint(LintDialect.POSTGRESQL, Phase.EXPAND,
                "-- bellows:allow expand-drop-table reason: unused since 1.2\nDROP TABLE a;");
        assertThat(r.active()).isEmpty();
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.waiver()).isEqualTo("unused since 1.2"));
        assertThat(r.waivers()).singleElement().satisfies(u -> {
            assertThat(u.ruleId()).isEqualTo("expand-drop-table");
            assertThat(u.line()).isEqualTo(1);
            assertThat(u.reason()).isEqualTo("unused since 1.2");
        });
        assertThat(r.exitCode()).isZero();
    }
}
