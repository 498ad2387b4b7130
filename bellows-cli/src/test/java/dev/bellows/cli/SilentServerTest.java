package dev.bellows.cli;

import dev.bellows.testing.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every command that connects to a database other than the one of {@code --url} (the live schema of
 * {@code verify --schema-from}, the table sizes of {@code lint --url}) connects the way the runner
 * does: with the dialect's connect and login timeouts, and a message that says which options gave
 * the URL, never the password. Against an address that accepts and never answers, with the URL's own
 * {@code loginTimeout=2}, each ends in seconds with Bellows' message (a plain driver connection would
 * end as fast, but without it).
 */
class SilentServerTest {

    @TempDir
    Path dir;

    @Test
    void lintUrlAndVerifySchemaFromGiveUpOnASilentServerSayingWhichOptionsToCheck() throws Exception {
        Path migrations = dir.resolve("db/migrations/1.0/expand");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("001_t.sql"), "CREATE TABLE t (id int PRIMARY KEY);\n");
        Path location = dir.resolve("db/migrations");
        try (SilentServer silent = new SilentServer()) {
            int port = silent.port();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> check(location, port));
        }
    }

    private static void check(Path location, int port) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/app?loginTimeout=2";
        CliTest.Run lint = CliTest.bellows(Map.of("BELLOWS_PASSWORD", "s3cr3t-pw"), "lint", "--location",
                location.toString(), "--url", url, "--user", "app");
        assertThat(lint.exit()).as(lint.out() + lint.err()).isNotZero();
        assertThat(lint.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:" + port,
                "unless the URL sets them", "lint --url, --user, --password").doesNotContain("s3cr3t-pw");

        CliTest.Run verify = CliTest.bellows(Map.of(), "verify", "--location", location.toString(),
                "--schema-from", url, "--schema-from-user", "app", "--schema-from-password", "s3cr3t-pw");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isNotZero();
        assertThat(verify.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:" + port,
                "unless the URL sets them", "--schema-from, --schema-from-user, --schema-from-password")
                .doesNotContain("s3cr3t-pw");
    }
}
