package dev.bellows.lint;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule has a unique id, a doc page and a test class; metadata is complete; and the test class
 * declares {@code static List<RuleExample> examples()} with, for each dialect the rule covers, at
 * least one example the rule flags and one it passes — run here, so a declared example that does
 * not hold fails this test.
 */
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
    void everyRuleTestFlagsAndPassesSqlInEachDialectTheRuleCovers() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            String id = rule.id();
            String testClass = rule.getClass().getName() + "Test";
            Method m;
            try {
                m = Class.forName(testClass).getDeclaredMethod(RuleExample.METHOD);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                problems.add(testClass + " must declare static List<RuleExample> " + RuleExample.METHOD + "()");
                continue;
            }
            if (!Modifier.isStatic(m.getModifiers()) || !List.class.isAssignableFrom(m.getReturnType())) {
                problems.add(testClass + "." + RuleExample.METHOD + "() must be static and return List<RuleExample>");
                continue;
            }
            m.setAccessible(true);
            Set<String> covered = new HashSet<>();
            for (Object o : (List<?>) m.invoke(null)) {
                RuleExample e = (RuleExample) o;
                String failure = e.failure(id);
                if (failure != null) {
                    problems.add(failure);
                } else {
                    covered.add(e.dialect().id() + (e.flagged() ? " flagged" : " passing"));
                }
            }
            for (LintDialect d : rule.info().dialects()) {
                for (String kind : List.of(" flagged", " passing")) {
                    if (!covered.contains(d.id() + kind)) {
                        problems.add(testClass + " has no" + kind + " example for " + d.id() + " that holds");
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
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
