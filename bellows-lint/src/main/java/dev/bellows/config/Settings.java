package dev.bellows.config;

import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.data.BatchOptions;
import dev.bellows.data.ReplicaWatch;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;
import dev.bellows.run.RunOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings resolved from three sources, the first that has a value winning: command-line flags (or the
 * Maven plugin's parameters), environment variables ({@code BELLOWS_URL}, …), then {@code bellows.yaml}.
 * The CLI and the Maven plugin both turn them into a {@link BellowsConfig} here: {@link #location()},
 * {@link #connection()} and {@link #runOptions()}.
 */
public final class Settings {

    /** The keys a bellows.yaml may hold; the environment variable of each is BELLOWS_ + upper case. */
    public static final Set<String> KEYS = Set.of("url", "user", "password", "location", "dialect",
            "lock-timeout", "lock-retries", "lock-wait", "max-batches",
            "batch-target", "batch-size", "batch-min", "batch-max", "batch-pause",
            "max-active-sessions", "max-commit-latency", "max-replica-lag", "replica-url",
            "legacy.flyway", "legacy.liquibase", "legacy.release");

    /** The nested maps a bellows.yaml may hold: {@code legacy:} (with its own {@code placeholders:}) and {@code placeholders:}. */
    static final Set<String> MAPS = Set.of("legacy", "placeholders", "legacy.placeholders");

    private final Map<String, String> flags;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final Path fileName;
    private final Function<String, String> flagName;

    private Settings(Map<String, String> flags, Map<String, String> env, Map<String, String> file, Path fileName,
                     Function<String, String> flagName) {
        this.flags = flags;
        this.env = env;
        this.file = file;
        this.fileName = fileName;
        this.flagName = flagName;
    }

    /**
     * @param flags  values given on the command line (absent keys or null values mean "not given")
     * @param env    the environment
     * @param config an explicit config file (must exist), or empty to use ./bellows.yaml when present
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> config) {
        return resolve(flags, env, config, Path.of("bellows.yaml"));
    }

    /**
     * @param flags       values given as flags or build parameters (absent keys or null values mean "not given")
     * @param env         the environment
     * @param config      an explicit config file (must exist), or empty to use {@code defaultFile} when present
     * @param defaultFile the bellows.yaml read when no config is given and it exists (the Maven plugin passes the
     *                    project's base directory's)
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env, Optional<Path> config,
                                   Path defaultFile) {
        Path file = config.orElse(defaultFile);
        Map<String, String> fromFile = Map.of();
        if (config.isPresent() && !Files.isRegularFile(file)) {
            throw new ConfigurationException(file + ": config file does not exist; fix --config");
        }
        if (Files.isRegularFile(file)) {
            fromFile = SettingsFile.read(file);
        }
        return new Settings(flags, env, fromFile, file, key -> "--" + key.replace('.', '-'));
    }

    /**
     * The same settings, with flags named {@code name.apply(key)} in messages (the CLI's are {@code --lock-timeout};
     * the Maven plugin's {@code bellows.lockTimeout}).
     */
    public Settings namingFlags(Function<String, String> name) {
        return new Settings(flags, env, file, fileName, name);
    }

    /** The environment variable of a key: {@code BELLOWS_} and the key in upper case, {@code -} as {@code _}. */
    public static String variable(String key) {
        return "BELLOWS_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /**
     * Values of {@code ${name}} placeholders, for Bellows' own SQL files and the legacy engine: bellows.yaml's
     * {@code legacy.placeholders}, then its {@code placeholders}, then {@code BELLOWS_PLACEHOLDERS_NAME} variables
     * (name in lower case), then {@code name=value} flags; a later source wins.
     */
    public Map<String, String> placeholders(java.util.List<String> flagValues) {
        Map<String, String> out = new java.util.TreeMap<>();
        file.forEach((k, v) -> {
            if (k.startsWith("legacy.placeholders.") && v != null) {
                out.put(k.substring("legacy.placeholders.".length()), v);
            }
        });
        file.forEach((k, v) -> {
            if (k.startsWith("placeholders.") && v != null) {
                out.put(k.substring("placeholders.".length()), v);
            }
        });
        env.forEach((k, v) -> {
            if (k.startsWith("BELLOWS_PLACEHOLDERS_") && k.length() > 21 && v != null) {
                out.put(k.substring(21).toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        for (String pair : flagValues == null ? java.util.List.<String>of() : flagValues) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new ConfigurationException(flagName.apply("placeholder") + " " + pair
                        + ": give NAME=VALUE, e.g. --placeholder mail_domain=example.com");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return out;
    }

    /** The legacy history (legacy.flyway or legacy.liquibase, with legacy.release), if one is configured. */
    public Optional<dev.bellows.legacy.LegacyConfig> legacy(Map<String, String> placeholders) {
        Optional<String> flyway = get("legacy.flyway");
        Optional<String> liquibase = get("legacy.liquibase");
        if (flyway.isPresent() && liquibase.isPresent()) {
            throw new ConfigurationException("both " + source("legacy.flyway") + " and " + source("legacy.liquibase")
                    + " are set: a project has one legacy history; keep one of them");
        }
        if (flyway.isEmpty() && liquibase.isEmpty()) {
            get("legacy.release").ifPresent(r -> {
                throw new ConfigurationException(source("legacy.release") + " is set without legacy.flyway or "
                        + "legacy.liquibase: name the legacy history (a Flyway folder or a Liquibase changelog)");
            });
            return Optional.empty();
        }
        String engine = flyway.isPresent() ? "flyway" : "liquibase";
        String release = get("legacy.release").orElseThrow(() -> new ConfigurationException(
                source("legacy." + engine) + " is set but legacy.release is not: give the release the whole legacy "
                        + "history amounts to, e.g. legacy.release: \"1.0\" in bellows.yaml or "
                        + flagName.apply("legacy.release") + " 1.0"));
        return Optional.of(new dev.bellows.legacy.LegacyConfig(engine, flyway.orElseGet(liquibase::get),
                dev.bellows.model.Release.of(release), placeholders));
    }

    public Optional<String> get(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown setting " + key);
        }
        String v = flags.get(key);
        if (isBlank(v)) {
            v = env.get(variable(key));
        }
        if (isBlank(v)) {
            v = file.get(key);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    private static boolean isBlank(String v) {
        return v == null || v.isBlank();
    }

    /** Where the value of {@code key} comes from, for messages: the flag, the variable or the file's key. */
    public String source(String key) {
        if (!isBlank(flags.get(key))) {
            return flagName.apply(key);
        }
        if (!isBlank(env.get(variable(key)))) {
            return variable(key);
        }
        return fileName + ": " + key;
    }

    /** The release directories: {@code location}, else {@link BellowsConfig#DEFAULT_LOCATION}; relative as given. */
    public Path location() {
        return get("location").map(Path::of).orElse(BellowsConfig.DEFAULT_LOCATION);
    }

    /** The target database: url, user and password (each may be null). */
    public ConnectionSettings connection() {
        return new ConnectionSettings(get("url").map(String::trim).orElse(null), get("user").orElse(null), get("password").orElse(null));
    }

    /** {@link RunOptions#defaults()} with the lock and batch settings. */
    public RunOptions runOptions() {
        return runOptions(RunOptions.defaults());
    }

    /**
     * {@code base} with what is set of lock-timeout (ms), lock-retries, lock-wait (s), max-batches and the batch
     * settings; its progress, contract guard and batch listener are kept.
     */
    public RunOptions runOptions(RunOptions base) {
        return base.withLockTimeout(millis("lock-timeout", base.lockTimeout()),
                        (int) Math.min(Integer.MAX_VALUE, number("lock-retries", base.lockRetries())),
                        base.retryBackoff())
                .withLockWait(get("lock-wait").map(v -> Duration.ofSeconds(parse("lock-wait", v)))
                        .orElse(base.lockWait()))
                .withMaxBatches(number("max-batches", base.maxBatches()))
                .withBatching(batching(base.batching()));
    }

    /**
     * Batch sizing and pacing of the migrate phase: batch-target (ms), batch-size, batch-min, batch-max and
     * batch-pause (ms) over {@code d}. When only the bounds are set, the first size is the default clamped to them.
     */
    public BatchOptions batching(BatchOptions d) {
        int min = (int) Math.min(Integer.MAX_VALUE, number("batch-min", d.minSize()));
        int max = (int) Math.min(Integer.MAX_VALUE, number("batch-max", d.maxSize()));
        int initial = get("batch-size").map(v -> (int) Math.min(Integer.MAX_VALUE, parse("batch-size", v)))
                .orElse(Math.max(min, Math.min(max, d.initialSize())));
        return d.withSizes(initial, min, max)
                .withTarget(millis("batch-target", d.target()))
                .withPause(millis("batch-pause", d.pause()))
                .withMaxActiveSessions((int) Math.min(Integer.MAX_VALUE,
                        number("max-active-sessions", d.maxActiveSessions())))
                .withReplicas(replicas(d.replicas()))
                .withMaxCommitLatency(millis("max-commit-latency", d.maxCommitLatency()));
    }

    /** max-replica-lag (ms) and replica-url (comma-separated JDBC URLs; the primary's user and password). */
    private ReplicaWatch replicas(ReplicaWatch d) {
        Duration lag = millis("max-replica-lag", d.maxLag());
        List<String> urls = get("replica-url").map(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(u -> !u.isEmpty()).toList()).orElse(d.urls());
        for (String url : urls) {
            Dialect.forUrl(url);
        }
        if (!urls.isEmpty() && lag.isZero()) {
            throw new ConfigurationException(source("replica-url") + " names replicas but --max-replica-lag is not "
                    + "set: add e.g. --max-replica-lag 1000 (milliseconds)");
        }
        return new ReplicaWatch(lag, urls, get("user").orElse(d.user()), get("password").orElse(d.password()));
    }

    private Duration millis(String key, Duration fallback) {
        return get(key).map(v -> Duration.ofMillis(parse(key, v))).orElse(fallback);
    }

    private long number(String key, long fallback) {
        return get(key).map(v -> parse(key, v)).orElse(fallback);
    }

    private long parse(String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(source(key) + " must be a whole number >= 0, was '" + value + "'");
        }
    }
}
