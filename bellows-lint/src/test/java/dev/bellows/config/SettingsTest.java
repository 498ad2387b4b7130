package dev.bellows.config;

import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.data.BatchOptions;
import dev.bellows.run.RunOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"),
                "url: jdbc:postgresql://file/db\nuser: file-user\npassword: file-pw\nlocation: file/loc\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("url", "jdbc:postgresql://flag/db");
        flags.put("user", null);
        Map<String, String> env = Map.of("BELLOWS_URL", "jdbc:postgresql://env/db", "BELLOWS_USER", "env-user");
        Settings s = Settings.resolve(flags, env, Optional.of(yaml));
        assertThat(s.get("url")).contains("jdbc:postgresql://flag/db");
        assertThat(s.get("user")).contains("env-user");
        assertThat(s.get("password")).contains("file-pw");
        assertThat(s.get("location")).contains("file/loc");
        assertThat(s.get("dialect")).isEmpty();
    }

    @Test
    void valuesAreReadExactlyAsWritten() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"),
                "password: 0123\nuser: yes\nurl: 1e3\nlocation: 'db/m'\nlock-timeout: 250\n");
        Settings s = Settings.resolve(Map.of(), Map.of(), Optional.of(yaml));
        assertThat(s.get("password")).contains("0123");
        assertThat(s.get("user")).contains("yes");
        assertThat(s.get("url")).contains("1e3");
        assertThat(s.get("location")).contains("db/m");
        assertThat(s.get("lock-timeout")).contains("250");
    }

    @Test
    void unknownKeyInTheFileIsAnErrorNamingIt() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "url: x\nlocaton: db\n");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), Optional.of(yaml)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown key 'locaton'");
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "url: x\n  bad: [\n");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), Optional.of(yaml)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("bellows.yaml: line");
    }

    @Test
    void explicitMissingConfigFileIsAnError() {
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), Optional.of(dir.resolve("nope.yaml"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("nope.yaml: config file does not exist");
    }

    @Test
    void runOptionsTakeEachSettingFromTheFirstSourceThatHasIt() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "lock-timeout: 900\nlock-retries: 3\n"
                + "lock-wait: 5\nmax-batches: 7\nbatch-target: 150\nbatch-min: 20\nbatch-max: 400\n"
                + "batch-pause: 30\nlocation: file/loc\nurl: jdbc:postgresql://file/db\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("lock-timeout", "1200");
        flags.put("batch-size", "40");
        flags.put("lock-retries", null);
        Map<String, String> env = Map.of("BELLOWS_LOCK_RETRIES", "4", "BELLOWS_BATCH_PAUSE", "60");
        RunOptions o = Settings.resolve(flags, env, Optional.of(yaml)).runOptions();
        assertThat(o.lockTimeout()).isEqualTo(Duration.ofMillis(1200));
        assertThat(o.lockRetries()).isEqualTo(4);
        assertThat(o.lockWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.maxBatches()).isEqualTo(7);
        BatchOptions b = o.batching();
        assertThat(b.target()).isEqualTo(Duration.ofMillis(150));
        assertThat(List.of(b.initialSize(), b.minSize(), b.maxSize())).containsExactly(40, 20, 400);
        assertThat(b.pause()).isEqualTo(Duration.ofMillis(60));
        Settings s = Settings.resolve(flags, env, Optional.of(yaml));
        assertThat(s.location()).isEqualTo(Path.of("file/loc"));
        assertThat(s.connection().url()).isEqualTo("jdbc:postgresql://file/db");
    }

    @Test
    void theBackfillThrottleComesFromFlagsWithThePrimarysLogin() {
        Map<String, String> flags = Map.of("url", "jdbc:mariadb://primary/app", "user", "app", "password", "s3cret",
                "max-active-sessions", "8", "max-replica-lag", "1500",
                "replica-url", "jdbc:mariadb://r1:3306/app, jdbc:mariadb://r2:3306/app");
        BatchOptions b = Settings.resolve(flags, Map.of(), Optional.empty(), dir.resolve("bellows.yaml"))
                .runOptions().batching();
        assertThat(b.maxActiveSessions()).isEqualTo(8);
        assertThat(b.replicas().maxLag()).isEqualTo(Duration.ofMillis(1500));
        assertThat(b.replicas().urls()).containsExactly("jdbc:mariadb://r1:3306/app", "jdbc:mariadb://r2:3306/app");
        assertThat(b.replicas().user()).isEqualTo("app");
        assertThat(b.replicas().password()).isEqualTo("s3cret");
        assertThat(b.toString()).doesNotContain("s3cret");

        Map<String, String> noLag = Map.of("replica-url", "jdbc:mariadb://r1:3306/app");
        assertThatThrownBy(() -> Settings.resolve(noLag, Map.of(), Optional.empty(), dir.resolve("bellows.yaml"))
                .runOptions()).hasMessageContaining("--max-replica-lag");
        assertThat(Settings.resolve(Map.of(), Map.of(), Optional.empty(), dir.resolve("bellows.yaml")).runOptions()
                .batching().replicas().on()).isFalse();
    }

    @Test
    void nothingSetGivesTheDefaultsAndBoundsAloneClampTheFirstBatch() {
        Settings none = Settings.resolve(Map.of(), Map.of(), Optional.empty(), dir.resolve("bellows.yaml"));
        RunOptions d = RunOptions.defaults();
        RunOptions o = none.runOptions();
        assertThat(List.of(o.lockTimeout(), o.lockWait())).containsExactly(d.lockTimeout(), d.lockWait());
        assertThat(o.lockRetries()).isEqualTo(d.lockRetries());
        assertThat(o.maxBatches()).isEqualTo(d.maxBatches());
        assertThat(o.batching()).isEqualTo(d.batching());
        assertThat(none.location()).isEqualTo(BellowsConfig.DEFAULT_LOCATION);

        BatchOptions small = Settings.resolve(Map.of(), Map.of("BELLOWS_BATCH_MAX", "50"), Optional.empty(),
                dir.resolve("bellows.yaml")).runOptions().batching();
        assertThat(List.of(small.initialSize(), small.minSize(), small.maxSize())).containsExactly(50, 10, 50);
    }

    @Test
    void aBadNumberNamesWhereItCameFrom() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bellows.yaml"), "batch-pause: soon\n");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), Optional.of(yaml)).runOptions())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(yaml + ": batch-pause must be a whole number >= 0, was 'soon'");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("BELLOWS_LOCK_WAIT", "-1"), Optional.of(yaml))
                .runOptions()).hasMessageStartingWith("BELLOWS_LOCK_WAIT must be a whole number");
        assertThatThrownBy(() -> Settings.resolve(Map.of("lock-timeout", "x"), Map.of(), Optional.of(yaml))
                .namingFlags(k -> "bellows.lockTimeout").runOptions())
                .hasMessageStartingWith("bellows.lockTimeout must be a whole number");
        assertThatThrownBy(() -> Settings.resolve(Map.of("batch-min", "50"), Map.of("BELLOWS_BATCH_MAX", "10"),
                Optional.empty(), dir.resolve("none.yaml")).runOptions())
                .hasMessageContaining("--batch-min (50) <= --batch-max (10)");
    }

    @Test
    void theDefaultFileIsReadFromTheGivenPathAndABlankFlagFallsThrough() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("bellows.yaml"), "url: jdbc:postgresql://project/db\nbatch-size: 77\n");
        Map<String, String> flags = new HashMap<>();
        flags.put("url", " ");
        Settings s = Settings.resolve(flags, Map.of(), Optional.empty(), project.resolve("bellows.yaml"));
        assertThat(s.connection().url()).isEqualTo("jdbc:postgresql://project/db");
        assertThat(s.runOptions().batching().initialSize()).isEqualTo(77);
    }
}
