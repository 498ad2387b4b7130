package dev.bellows.instances;

import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The JVM shutdown hook removes the row, and the daemon heartbeat thread never keeps a JVM alive. */
class ShutdownHookTest {

    @ParameterizedTest
    @ValueSource(strings = {"exit", "wait"})
    void theRowIsRemovedWhenTheJvmEnds(String how) throws Exception {
        TestDatabase db = Databases.postgres();
        Markers.expanded(db, "1.0");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShutdownHookProbe.class.getName(), db.url(), "probe-" + how, how)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("registered")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as("child output:\n" + seen).isEqualTo("registered");
            if (how.equals("wait")) {
                assertThat(db.count("SELECT count(*) FROM bellows_instances")).isEqualTo(1);
                child.destroy(); // SIGTERM
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            assertThat(db.count("SELECT count(*) FROM bellows_instances")).as("the hook removed the row").isZero();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void withoutTheHookTheRowStaysUntilItExpires() throws Exception {
        TestDatabase db = Databases.postgres();
        Markers.expanded(db, "1.0");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShutdownHookProbe.class.getName(), db.url(), "probe-nohook", "nohook")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child JVM ended by itself").isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(db.count("SELECT count(*) FROM bellows_instances")).isEqualTo(1);
        } finally {
            child.destroyForcibly();
        }
    }
}
