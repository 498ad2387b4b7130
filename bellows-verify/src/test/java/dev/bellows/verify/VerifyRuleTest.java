package dev.bellows.verify;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyRuleTest {

    @Test
    void everyLintRuleOfAVerifyRuleExistsAndDescribesTheHazardOfOneVerifyRuleOnly() {
        java.util.Map<String, VerifyRule> owner = new java.util.HashMap<>();
        for (VerifyRule r : VerifyRule.values()) {
            for (String lint : r.lintRules()) {
                assertThat(dev.bellows.lint.Rules.byId(lint)).as("lint rule " + lint + " of " + r.id()).isPresent();
                assertThat(owner.put(lint, r)).as(lint + " listed by two verify rules").isNull();
                assertThat(VerifyRule.forLintRule(lint)).contains(r);
            }
        }
        assertThat(VerifyRule.REWRITE.lintRules()).contains("pg-rewriting-type-change", "pg-table-rewrite",
                "pg-volatile-default");
        assertThat(VerifyRule.LOCKED_SCAN.lintRules()).contains("pg-set-not-null-scan", "pg-constraint-not-valid",
                "pg-unique-not-using-index", "pg-create-index-not-concurrently");
        assertThat(VerifyRule.DROPPED_COLUMN.lintRules()).containsExactly("expand-drop-column");
        assertThat(LintComparison.OBSERVABLE).hasSize(owner.size());
    }

    @Test
    void everyRuleHasAUniqueIdATitleADescriptionAndATestThatProducesIt() throws IOException {
        assertThat(Arrays.stream(VerifyRule.values()).map(VerifyRule::id).distinct().count())
                .isEqualTo(VerifyRule.values().length);
        String tests;
        try (Stream<Path> files = Files.list(Path.of("src/test/java/dev/bellows/verify"))) {
            tests = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("VerifyRuleTest.java"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
        }
        for (VerifyRule r : VerifyRule.values()) {
            assertThat(r.id()).matches("(verify|compare-lint)-[a-z-]+");
            assertThat(r.title()).isNotBlank();
            assertThat(r.description()).isNotBlank();
            assertThat(tests).as("a test asserting " + r.id()).contains("\"" + r.id() + "\"");
        }
    }
}
