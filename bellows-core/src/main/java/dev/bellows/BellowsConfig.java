package dev.bellows;

import dev.bellows.db.ConnectionSettings;
import dev.bellows.legacy.LegacyConfig;
import dev.bellows.run.RunOptions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command needs, resolved once from CLI flags, Maven parameters or an annotation.
 *
 * @param location   the directory with the release directories
 * @param connection the target database
 * @param options      how the runner behaves
 * @param legacy       the legacy history (Flyway, Liquibase) that builds the schema up to its release, if any
 * @param placeholders values of {@code ${name}} in Bellows' own SQL files (and given to the legacy engine)
 */
public record BellowsConfig(Path location, ConnectionSettings connection, RunOptions options,
                            Optional<LegacyConfig> legacy, Map<String, String> placeholders) {

    public static final Path DEFAULT_LOCATION = Path.of("db", "migrations");

    public BellowsConfig {
        placeholders = Map.copyOf(placeholders);
    }

    /** No legacy history, no placeholders. */
    public BellowsConfig(Path location, ConnectionSettings connection, RunOptions options) {
        this(location, connection, options, Optional.empty(), Map.of());
    }

    public BellowsConfig withLegacy(Optional<LegacyConfig> history, Map<String, String> values) {
        return new BellowsConfig(location, connection, options, history, values);
    }
}
