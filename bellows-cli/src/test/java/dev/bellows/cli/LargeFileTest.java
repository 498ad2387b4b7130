package dev.bellows.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration file that needs more memory to split than the JVM has (an 8 MB file under a 64 MB heap:
 * the same ratio as a 60 MB file under a 512 MB one) is a clear error naming the file and what to do,
 * not a raw OutOfMemoryError with a stack trace.
 */
class LargeFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileTooLargeForTheHeapIsAClearErrorNotAnOutOfMemoryError() throws Exception {
        Path file = dir.resolve("db/migrations/1.0/expand/001_seed.sql");
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("CREATE TABLE big (id int PRIMARY KEY, payload text);\n");
            for (int i = 0; i < 80_000; i++) {
                w.write("INSERT INTO big (id, payload) VALUES (" + i + ", '" + "x".repeat(70) + "');\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                BellowsCli.class.getName(), "lint", "--location", dir.resolve("db/migrations").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isNotZero();
        assertThat(text).contains("001_seed.sql", "needs more memory than this Java process has",
                "BELLOWS_JAVA_OPTS=-Xmx4g", "Nothing was run").doesNotContain("java.lang.OutOfMemoryError");
    }
}
