package dev.bellows.legacy;

import dev.bellows.ConfigurationException;
import dev.bellows.model.Release;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The migrations a team ran before Bellows, still needed to build a fresh database: run by their own engine
 * ({@code flyway} or {@code liquibase}), never by Bellows.
 *
 * @param engine       {@code flyway} or {@code liquibase}
 * @param location     the Flyway migrations folder, or the Liquibase changelog file
 * @param release      the release the whole legacy history amounts to: Bellows records its baseline there
 * @param placeholders values the engine substitutes ({@code ${name}} in Flyway, Liquibase's changelog properties)
 */
public record LegacyConfig(String engine, String location, Release release, Map<String, String> placeholders) {

    public static final String FLYWAY = "flyway";
    public static final String LIQUIBASE = "liquibase";

    public LegacyConfig {
        if (!FLYWAY.equals(engine) && !LIQUIBASE.equals(engine)) {
            throw new ConfigurationException("unknown legacy engine '" + engine + "': use legacy.flyway (a Flyway "
                    + "migrations folder) or legacy.liquibase (a Liquibase changelog file)");
        }
        if (location == null || location.isBlank()) {
            throw new ConfigurationException("legacy." + engine + " needs a location (a Flyway migrations folder or a "
                    + "Liquibase changelog file)");
        }
        if (release == null) {
            throw new ConfigurationException("legacy." + engine + " is set but legacy.release is not: give the release "
                    + "the whole legacy history amounts to, e.g. legacy.release: \"1.0\"");
        }
        placeholders = Map.copyOf(new TreeMap<>(placeholders));
    }

    /** {@code Flyway} or {@code Liquibase}, for messages. */
    public String engineName() {
        return FLYWAY.equals(engine) ? "Flyway" : "Liquibase";
    }

    /**
     * The release up to which {@code lint} and {@code verify} only build the schema and judge nothing: the newer of
     * {@code --since} and {@code legacy.release} (one meaning everywhere: CLI, Maven plugin).
     */
    public static Optional<Release> judgedAfter(Optional<Release> since, Optional<LegacyConfig> legacy) {
        Optional<Release> l = legacy.map(LegacyConfig::release);
        if (l.isPresent() && (since.isEmpty() || l.get().compareTo(since.get()) > 0)) {
            return l;
        }
        return since;
    }
}
