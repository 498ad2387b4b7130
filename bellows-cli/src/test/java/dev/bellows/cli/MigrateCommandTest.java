package dev.bellows.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.testing.Databases;
import dev.bellows.testing.MigrationTree;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void formatJsonPrintsOneProgressEventPerLineAndTheBatchFlagsApply() throws Exception {
        TestDatabase db = Databases.postgres();
        new MigrationTree(dir)
                .file("1.0", "expand", "001_t.sql", "CREATE TABLE t (id int PRIMARY KEY, v int);\n"
                        + "INSERT INTO t (id) SELECT g FROM generate_series(1, 1000) g;")
                .file("1.0", "migrate", "001_fill.sql", "UPDATE t SET v = id WHERE id >= :from AND id < :to;");
        String[] connect = {"--url", db.url(), "--user", db.user(), "--location", dir.toString()};
        assertThat(CliTest.bellows(Map.of(), concat("expand", connect)).exit()).isZero();

        CliTest.Run run = CliTest.bellows(Map.of(), concat("migrate", connect, "--format", "json",
                "--batch-size", "100", "--batch-min", "100", "--batch-max", "100", "--batch-pause", "1"));
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            events.add(new ObjectMapper().readTree(line));
        }
        assertThat(events.get(0).get("event").asText()).isEqualTo("start");
        JsonNode done = events.get(events.size() - 1);
        assertThat(done.get("event").asText()).isEqualTo("done");
        assertThat(done.get("migration").asText()).isEqualTo("1.0/migrate/001_fill.sql");
        assertThat(done.get("rows").asLong()).isEqualTo(1000);
        assertThat(done.get("batches").asLong()).isEqualTo(10);
        assertThat(done.get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(run.err()).contains("001_fill.sql  done in");
        assertThat(db.count("SELECT count(*) FROM t WHERE v = id")).isEqualTo(1000);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliTest.Run run = CliTest.bellows(Map.of(), "migrate", "--url", "jdbc:postgresql://127.0.0.1:1/x",
                "--location", dir.toString(), "--format", "xml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--format must be text or json");
    }

    private static String[] concat(String first, String[] middle, String... rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(middle));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
