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
