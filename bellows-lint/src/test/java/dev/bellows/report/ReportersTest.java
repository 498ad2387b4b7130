package dev.bellows.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintFixtures;
import dev.bellows.lint.Rules;
import dev.bellows.model.Phase;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ReportersTest {

    private static final String SQL = "-- bellows:allow expand-drop-column reason: unused since 1.2\n"
            + "ALTER TABLE books DROP COLUMN legacy;\nCREATE INDEX books_isbn ON books (isbn);";

    private static String write(String format) throws Exception {
        StringWriter out = new StringWriter();
        Reporters.named(format).write(LintFixtures.lint(LintDialect.POSTGRESQL, Phase.EXPAND, SQL).toReport(), out);
        return out.toString();
    }

    @Test
    void textIsCompilerLikeWithHelpLinesAndWaivers() throws Exception {
        String text = write("text");
        assertThat(text).contains("test.sql:3:1: error[pg-create-index-not-concurrently] CREATE INDEX books_isbn on books");
        assertThat(text).contains("    1. Write CREATE INDEX CONCURRENTLY books_isbn ON books");
        assertThat(text).contains("waivers used:").contains("test.sql:1: allow expand-drop-column — unused since 1.2");
        assertThat(text).contains("1 error(s), 0 warning(s), 1 waived");
    }

    @Test
    void jsonHasFindingsWaiversAndSummary() throws Exception {
        JsonNode json = new ObjectMapper().readTree(write("json"));
        assertThat(json.get("findings")).hasSize(2);
        assertThat(json.get("waivers").get(0).get("reason").asText()).isEqualTo("unused since 1.2");
        assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void sarifCarriesRulesHelpLocationsAndSuppressions() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(write("sarif"));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(Rules.all().size());
        assertThat(rules.get(0).get("help").get("markdown").asText()).startsWith("# ");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(2);
        JsonNode index = results.findValue("ruleId").asText().equals("expand-drop-column") ? results.get(0) : results.get(1);
        assertThat(index.get("suppressions").get(0).get("justification").asText()).isEqualTo("unused since 1.2");
        JsonNode loc = results.get(1).get("locations").get(0).get("physicalLocation");
        assertThat(loc.get("artifactLocation").get("uri").asText()).isEqualTo("test.sql");
        assertThat(loc.get("region").get("startLine").asInt()).isEqualTo(3);
        String ruleId = results.get(1).get("ruleId").asText();
        assertThat(rules.get(results.get(1).get("ruleIndex").asInt()).get("id").asText()).isEqualTo(ruleId);
    }
}
