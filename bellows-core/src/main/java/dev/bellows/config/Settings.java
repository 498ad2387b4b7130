package dev.bellows.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bellows.ConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings resolved from three sources, the first that has a value winning: command-line flags,
 * environment variables ({@code BELLOWS_URL}, …), then {@code bellows.yaml}.
 */
public final class Settings {

    /** The keys a bellows.yaml may hold; the environment variable of each is BELLOWS_ + upper case. */
    public static final Set<String> KEYS = Set.of("url", "user", "password", "location", "dialect",
            "lock-timeout", "lock-retries", "lock-wait", "max-batches",
            "batch-target", "batch-size", "batch-min", "batch-max", "batch-pause");

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;

    private Settings(Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
        this.flags = flags;
        this.env = env;
        this.file = file;
    }

    /**
     * @param flags  values given on the command line (absent keys or null values mean "not given")
     * @param env    the environment
     * @param config an explicit config file (must exist), or empty to use ./bellows.yaml when present
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> config) {
        Path file = config.orElse(Path.of("bellows.yaml"));
        Map<String, String> fromFile = Map.of();
        if (config.isPresent() && !Files.isRegularFile(file)) {
            throw new ConfigurationException(file + ": config file does not exist; fix --config");
        }
        if (Files.isRegularFile(file)) {
            fromFile = readYaml(file);
        }
        return new Settings(flags, env, fromFile);
    }

    static Map<String, String> readYaml(Path file) {
        Map<?, ?> raw;
        try {
            Object parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (parsed == null) {
                return Map.of();
            }
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new ConfigurationException(file + ": expected key: value pairs such as 'url: jdbc:postgresql://"
                        + "localhost/app'");
            }
            raw = m;
        } catch (JacksonException e) {
            throw new ConfigurationException(file + ": line " + e.getLocation().getLineNr() + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!KEYS.contains(key)) {
                throw new ConfigurationException(file + ": unknown key '" + key + "'; known keys: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
            if (e.getValue() instanceof Map || e.getValue() instanceof Iterable) {
                throw new ConfigurationException(file + ": '" + key + "' must be a single value");
            }
            out.put(key, e.getValue() == null ? null : String.valueOf(e.getValue()));
        }
        return out;
    }

    public Optional<String> get(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        String v = flags.get(key);
        if (v == null) {
            v = env.get("BELLOWS_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        if (v == null) {
            v = file.get(key);
        }
        return Optional.ofNullable(v).filter(s -> !s.isEmpty());
    }
}
