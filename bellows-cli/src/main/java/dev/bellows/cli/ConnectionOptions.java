package dev.bellows.cli;

import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.config.Settings;
import dev.bellows.data.BatchOptions;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.run.RunOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options every command that touches a database or migrations takes after its name.
 * Flags beat the environment (BELLOWS_URL, …), which beats bellows.yaml.
 */
public final class ConnectionOptions {

    @Option(names = "--url", description = "JDBC URL of the target database (env BELLOWS_URL).")
    String url;

    @Option(names = "--user", description = "Database user (env BELLOWS_USER).")
    String user;

    @Option(names = "--password", description = "Database password (env BELLOWS_PASSWORD); never printed. "
            + "Without a value, it is asked for.", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--location", description = "Directory with the release directories (default: db/migrations).")
    Path location;

    @Option(names = "--config", description = "Settings file (default: ./bellows.yaml when present).")
    Path config;

    Settings settings(Map<String, String> extra, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("url", url);
        flags.put("user", user);
        flags.put("password", password);
        flags.put("location", location == null ? null : location.toString());
        return Settings.resolve(flags, environment, Optional.ofNullable(config));
    }

    Path location(Settings s) {
        return s.get("location").map(Path::of).orElse(BellowsConfig.DEFAULT_LOCATION);
    }

    ConnectionSettings connection(Settings s) {
        return new ConnectionSettings(s.get("url").orElse(null), s.get("user").orElse(null),
                s.get("password").orElse(null));
    }

    static Duration millis(String name, Optional<String> value, Duration fallback) {
        return value.map(v -> Duration.ofMillis(number(name, v))).orElse(fallback);
    }

    static long number(String name, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number >= 0, was '" + value + "'");
        }
    }

    static RunOptions runOptions(Settings s) {
        RunOptions d = RunOptions.defaults();
        return d.withLockTimeout(millis("lock-timeout", s.get("lock-timeout"), d.lockTimeout()),
                        (int) (long) s.get("lock-retries").map(v -> number("lock-retries", v))
                                .orElse((long) d.lockRetries()),
                        d.retryBackoff())
                .withLockWait(s.get("lock-wait").map(v -> Duration.ofSeconds(number("lock-wait", v)))
                        .orElse(d.lockWait()))
                .withMaxBatches(s.get("max-batches").map(v -> number("max-batches", v)).orElse(d.maxBatches()))
                .withBatching(batching(s, d.batching()));
    }

    /** Batch sizing and pacing of the migrate phase, from --batch-* flags, BELLOWS_BATCH_*, or bellows.yaml. */
    static BatchOptions batching(Settings s, BatchOptions d) {
        int min = (int) s.get("batch-min").map(v -> number("batch-min", v)).orElse((long) d.minSize()).longValue();
        int max = (int) s.get("batch-max").map(v -> number("batch-max", v)).orElse((long) d.maxSize()).longValue();
        int initial = s.get("batch-size").map(v -> (int) number("batch-size", v))
                .orElse(Math.max(min, Math.min(max, d.initialSize())));
        return d.withSizes(initial, min, max)
                .withTarget(millis("batch-target", s.get("batch-target"), d.target()))
                .withPause(millis("batch-pause", s.get("batch-pause"), d.pause()));
    }
}
