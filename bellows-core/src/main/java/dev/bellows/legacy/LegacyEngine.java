package dev.bellows.legacy;

import dev.bellows.db.ConnectionSettings;

/**
 * Service-provider interface of a legacy migration engine. Implementations live outside bellows-core (the
 * optional module {@code bellows-legacy} runs the real Flyway and Liquibase) and are found with
 * {@link java.util.ServiceLoader}, so an application that has no legacy history ships neither engine.
 */
public interface LegacyEngine {

    /** {@code flyway} or {@code liquibase}: the key under {@code legacy:} in bellows.yaml. */
    String id();

    /** The legacy history of {@code config} on the database {@code db}; nothing is read or run yet. */
    LegacyHistory open(LegacyConfig config, ConnectionSettings db);
}
