package dev.bellows.cli;

import dev.bellows.cli.LintCliRunner.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    @Test
    void printsTheRulePage() {
        Run r = LintCliRunner.run("explain", "pg-create-index-not-concurrently");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("# pg-create-index-not-concurrently").contains("## Safe steps")
                .contains("CREATE INDEX CONCURRENTLY");
    }

    @Test
    void unknownRuleExitsTwoWithCloseMatches() {
        Run r = LintCliRunner.run("explain", "expand-drop-colum");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown rule 'expand-drop-colum'").contains("expand-drop-column");
    }

    @Test
    void helpShowsAnExample() {
        Run r = LintCliRunner.run("explain", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Example:").contains("bellows explain pg-create-index-not-concurrently");
    }
}
