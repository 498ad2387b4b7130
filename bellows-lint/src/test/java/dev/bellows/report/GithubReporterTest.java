package dev.bellows.report;

import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.model.Finding;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GithubReporterTest {

    private static String write(Report report) throws Exception {
        StringWriter out = new StringWriter();
        Reporters.named("github").write(report, out);
        return out.toString();
    }

    @Test
    void oneAnnotationPerUnwaivedFindingOnItsLine() throws Exception {
        String sql = "-- bellows:allow expand-drop-column reason: unused since 1.2\n"
                + "ALTER TABLE books DROP COLUMN legacy;\nCREATE INDEX books_isbn ON books (isbn);";
        String out = write(LintFixtures.lint(LintDialect.POSTGRESQL, Phase.EXPAND, sql).toReport());
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith(
                "::error file=test.sql,line=3,col=1,title=bellows pg-create-index-not-concurrently::CREATE INDEX books_isbn")
                .contains("%0A1. Write CREATE INDEX CONCURRENTLY books_isbn ON books");
    }

    @Test
    void escapesWhatGithubRequiresInMessagesAndProperties() throws Exception {
        Finding f = new Finding("some-rule", Severity.WARNING, "db/a,b:c%.sql", 2, 5, "100% of rows\r\nscanned: twice",
                List.of("1. do x, then y"), null);
        String out = write(new Report("bellows lint", List.of(f), List.of(), List.of()));
        assertThat(out).isEqualTo("::warning file=db/a%2Cb%3Ac%25.sql,line=2,col=5,title=bellows some-rule"
                + "::100%25 of rows%0D%0Ascanned: twice%0A1. do x, then y\n");
    }

    @Test
    void aFindingWithoutALineAnnotatesTheFile() throws Exception {
        Finding f = new Finding("verify-rewrite", Severity.ERROR, "db/1.1/expand/001.sql", 0, 0, "rewrote books",
                List.of(), null);
        assertThat(write(new Report("bellows verify", List.of(f), List.of(), List.of())))
                .isEqualTo("::error file=db/1.1/expand/001.sql,title=bellows verify-rewrite::rewrote books\n");
    }
}
