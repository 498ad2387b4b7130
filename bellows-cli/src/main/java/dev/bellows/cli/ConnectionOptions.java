package dev.bellows.cli;

import dev.bellows.config.Settings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options every command that touches a database or migrations takes after its name.
 * Flags beat the environment (BELLOWS_URL, …), which beats bellows.yaml; {@link Settings} resolves them
 * (the Maven plugin resolves its parameters the same way).
 */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "JDBC URL of the target database (env BELLOWS_URL).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (env BELLOWS_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password (env BELLOWS_PASSWORD); never printed. "
            + "Without a value, it is asked for.", arity = "0..1", interactive = true)
    String password;

    @Option(names = "--location", paramLabel = "DIR",
            description = "Directory with the release directories (default: db/migrations).")
    Path location;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./bellows.yaml when present).")
    Path config;

    @Option(names = "--legacy-flyway", paramLabel = "DIR", description = "Legacy history: the Flyway migrations "
            + "folder the real Flyway runs before Bellows' releases (env BELLOWS_LEGACY_FLYWAY; bellows.yaml legacy.flyway).")
    String legacyFlyway;

    @Option(names = "--legacy-liquibase", paramLabel = "FILE", description = "Legacy history: the Liquibase changelog "
            + "Liquibase runs before Bellows' releases (env BELLOWS_LEGACY_LIQUIBASE; bellows.yaml legacy.liquibase).")
    String legacyLiquibase;

    @Option(names = "--legacy-release", paramLabel = "RELEASE", description = "The release the whole legacy history "
            + "amounts to; Bellows records its baseline there (env BELLOWS_LEGACY_RELEASE; bellows.yaml legacy.release).")
    String legacyRelease;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE", description = "Value of $${NAME} in the SQL files and "
            + "the legacy history; repeatable (env BELLOWS_PLACEHOLDERS_NAME; bellows.yaml placeholders:).")
    java.util.List<String> placeholders = new java.util.ArrayList<>();

    Settings settings(Map<String, String> extra, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("url", url);
        flags.put("user", user);
        flags.put("password", password);
        flags.put("location", location == null ? null : location.toString());
        flags.put("legacy.flyway", legacyFlyway);
        flags.put("legacy.liquibase", legacyLiquibase);
        flags.put("legacy.release", legacyRelease);
        return Settings.resolve(flags, environment, Optional.ofNullable(config));
    }
}
