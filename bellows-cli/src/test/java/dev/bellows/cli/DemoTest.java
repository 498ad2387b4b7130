package dev.bellows.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTest {

    @Test
    void theDemoRunsEveryReleaseThroughEveryPhaseOnAnEmbeddedPostgres() {
        CliTest.Run demo = CliTest.bellows(Map.of(), "demo");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("bellows expand --to 1.0", "bellows migrate --to 1.1", "bellows contract --to 1.2")
                .contains("001_backfill_isbn.sql  done", "5,000 rows")
                .contains("next: nothing, up to date")
                .contains("== Done");
    }
}
