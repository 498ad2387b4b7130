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

    Settings settings(Map<String, String> extra, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>(extra);
        flags.put("url", url);
        flags.put("user", user);
        flags.put("password", password);
        flags.put("location", location == null ? null : location.toString());
        return Settings.resolve(flags, environment, Optional.ofNullable(config));
    }
}
