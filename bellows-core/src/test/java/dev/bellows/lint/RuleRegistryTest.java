package dev.bellows.lint;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule has a unique id, a doc page and a test class; metadata is complete. */
class RuleRegistryTest {

    @Test
    void everyRuleHasAUniqueIdAPageAndATestClass() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : Rules.all()) {
            RuleInfo info = rule.info();
            assertThat(ids.add(info.id())).as("duplicate rule id " + info.id()).isTrue();
            assertThat(info.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(info.title()).isNotBlank();
            assertThat(info.rationale()).isNotBlank();
            assertThat(info.safeAlternative()).isNotBlank();
            assertThat(info.dialects()).isNotEmpty();
            assertThat(Rules.page(info.id())).as("doc page for " + info.id()).isPresent();
            assertThat(Rules.page(info.id()).get()).as("page of " + info.id() + " starts with its id")
                    .startsWith("# " + info.id());
            String testClass = rule.getClass().getName() + "Test";
            assertThat(exists(testClass)).as("test class " + testClass).isTrue();
        }
    }

    @Test
    void closeMatchesSuggestRealIds() {
        assertThat(Rules.closeMatches("expand-drop-tables")).first().isEqualTo("expand-drop-table");
        assertThat(Rules.closeMatches("drop-column")).contains("expand-drop-column");
        assertThat(Rules.byId("no-such-rule")).isEmpty();
    }

    private static boolean exists(String name) {
        try {
            Class.forName(name);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
