package dev.bellows.config;

import dev.bellows.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
}
