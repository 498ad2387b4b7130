package dev.bellows.db;

import dev.bellows.DatabaseException;
import dev.bellows.testing.SilentServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A PostgreSQL address that accepts connections and never answers is an error within the login timeout. */
class ConnectTimeoutTest {

    @Test
    void aServerThatAcceptsAndNeverAnswersIsAnErrorNotAHang() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://127.0.0.1:" + silent.port()
                    + "/app", "app", "s3cr3t-pw");
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                assertThatThrownBy(settings::connect).isInstanceOf(DatabaseException.class)
                        .hasMessageContaining("cannot connect to jdbc:postgresql://127.0.0.1:")
                        .hasMessageContaining("loginTimeout=15 s")
                        .hasMessageContaining("?loginTimeout=60")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t-pw"));
            });
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
        }
    }
}
