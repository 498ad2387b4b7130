package dev.bellows.junit;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;
import dev.bellows.legacy.LegacyConfig;
import dev.bellows.model.Release;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link BellowsMigrations} annotation resolved once: the location as a directory, the dialect,
 * the cut-over release ({@code since}), the database server (system properties win over the annotation), and the
 * legacy history and placeholder values (the annotation wins over {@code BELLOWS_*} variables, which win over
 * bellows.yaml, as for the CLI and the Maven plugin).
 */
record Settings(Path location, boolean flyway, Dialect dialect, boolean allowWaivers,
                Optional<Release> since, Optional<String> url, String user, String password,
                Optional<dev.bellows.lint.TableStats> lintStats, Optional<LegacyConfig> legacy,
                Map<String, String> placeholders) {

    static final String LINT_STATS_PROPERTY = "bellows.lint.stats";

    static final String URL_PROPERTY = "bellows.shadow.url";
    static final String USER_PROPERTY = "bellows.shadow.user";
    static final String PASSWORD_PROPERTY = "bellows.shadow.password";
    static final String DIALECT_PROPERTY = "bellows.shadow.dialect";
    private static final String CLASSPATH = "classpath:";

    static Settings of(BellowsMigrations a, Class<?> testClass) {
        return of(a, testClass, System.getenv());
    }

    static Settings of(BellowsMigrations a, Class<?> testClass, Map<String, String> environment) {
        String url = System.getProperty(URL_PROPERTY, a.url());
        String user = System.getProperty(USER_PROPERTY, a.user());
        String password = System.getProperty(PASSWORD_PROPERTY, a.password());
        Dialect dialect = dialect(System.getProperty(DIALECT_PROPERTY, ""), a.dialect(), url);
        dev.bellows.config.Settings file = fileSettings(a, environment);
        Map<String, String> placeholders = file.placeholders(placeholderPairs(a));
        Optional<LegacyConfig> legacy = legacy(a, file, placeholders, testClass);
        return new Settings(locate(a.location(), testClass), a.flyway(), dialect, a.allowWaivers(),
                since(a),
                url.isBlank() ? Optional.empty() : Optional.of(url.trim()), user.isBlank() ? null : user,
                password, lintStats(System.getProperty(LINT_STATS_PROPERTY, a.lintStats()), a), legacy, placeholders);
    }

    /**
     * The shared settings (the CLI's and the Maven plugin's {@link dev.bellows.config.Settings}): the annotation's
     * legacy attributes as its flags, then {@code BELLOWS_*} variables, then {@link BellowsMigrations#config()} or
     * ./bellows.yaml. Only {@code legacy:} and {@code placeholders:} are used from it.
     */
    private static dev.bellows.config.Settings fileSettings(BellowsMigrations a, Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        flags.put("legacy.flyway", a.legacyFlyway());
        flags.put("legacy.liquibase", a.legacyLiquibase());
        flags.put("legacy.release", a.legacyRelease());
        Optional<Path> config = a.config().isBlank() ? Optional.empty() : Optional.of(Path.of(a.config().trim()));
        try {
            return dev.bellows.config.Settings.resolve(flags, environment, config, Path.of("bellows.yaml"))
                    .namingFlags(Settings::attribute);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(config.isPresent() && e.getMessage().endsWith("fix --config")
                    ? "@BellowsMigrations(config = \"" + a.config() + "\"): " + config.get().toAbsolutePath().normalize()
                    + " does not exist; give a path relative to " + Path.of("").toAbsolutePath()
                    : e.getMessage());
        }
    }

    /** The annotation attribute of a setting, for messages: {@code legacy.release} is {@code legacyRelease}. */
    static String attribute(String key) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        String name = b.toString().equals("placeholder") ? "placeholders" : b.toString();
        return "@BellowsMigrations(" + name + ")";
    }

    /** {@code placeholders = {"name=value"}}, each checked to have a name. */
    private static List<String> placeholderPairs(BellowsMigrations a) {
        for (String pair : a.placeholders()) {
            if (pair.indexOf('=') < 1) {
                throw new ConfigurationException("@BellowsMigrations(placeholders = {..., \"" + pair + "\", ...}): "
                        + "give each as \"name=value\", e.g. placeholders = {\"mail_domain=example.com\"}");
            }
        }
        return List.of(a.placeholders());
    }

    /**
     * The legacy history, its folder or changelog relative to the working directory (as {@code location} is) or
     * {@code classpath:} on the test class path, resolved to a file. A Flyway folder as {@code location}
     * ({@code flyway = true}) is itself checked file by file: a legacy history there is left out, as the Maven
     * plugin's verify does, unless the annotation gives one (an error: the two do not go together).
     */
    private static Optional<LegacyConfig> legacy(BellowsMigrations a, dev.bellows.config.Settings file,
                                                 Map<String, String> placeholders, Class<?> testClass) {
        if (a.flyway()) {
            if (!a.legacyFlyway().isBlank() || !a.legacyLiquibase().isBlank()) {
                throw new ConfigurationException("@BellowsMigrations(flyway = true) checks a Flyway folder file by "
                        + "file; a legacy history (legacyFlyway, legacyLiquibase) builds the schema before Bellows' "
                        + "release/phase layout: use one or the other");
            }
            return Optional.empty();
        }
        return file.legacy(placeholders).map(l -> {
            String where = l.location();
            Path path = where.startsWith(CLASSPATH) ? resource(where, testClass, file.source("legacy." + l.engine()))
                    : Path.of(where);
            return new LegacyConfig(l.engine(), path.toString(), l.release(), l.placeholders());
        });
    }

    /** The table sizes file named by the annotation (or system property), read with its threshold. */
    private static Optional<dev.bellows.lint.TableStats> lintStats(String file, BellowsMigrations a) {
        if (file.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(file.trim());
        if (!java.nio.file.Files.isRegularFile(p)) {
            throw new dev.bellows.ConfigurationException("@BellowsMigrations(lintStats = \"" + file + "\"): no such "
                    + "file (from " + Path.of("").toAbsolutePath() + "); export one with bellows lint --export-stats "
                    + file + " --url JDBC_URL");
        }
        try {
            return Optional.of(dev.bellows.lint.TableStats.read(p)
                    .withThreshold(a.lintStatsMinRows(), a.lintStatsMinMb() * 1024 * 1024));
        } catch (IllegalArgumentException e) {
            throw new dev.bellows.ConfigurationException(e.getMessage());
        }
    }

    /** {@code since}, or its former name {@code startAfter}; both with different releases is an error. */
    @SuppressWarnings("deprecation")
    static Optional<Release> since(BellowsMigrations a) {
        Optional<Release> since = a.since().isBlank() ? Optional.empty() : Optional.of(Release.of(a.since().trim()));
        Optional<Release> old = a.startAfter().isBlank() ? Optional.empty()
                : Optional.of(Release.of(a.startAfter().trim()));
        if (since.isPresent() && old.isPresent() && since.get().compareTo(old.get()) != 0) {
            throw new dev.bellows.ConfigurationException("@BellowsMigrations gives since = \"" + a.since()
                    + "\" and startAfter = \"" + a.startAfter() + "\": startAfter is the former name of since; "
                    + "keep since only");
        }
        return since.or(() -> old);
    }

    /**
     * The dialect: {@code -Dbellows.shadow.dialect}, else the annotation's, else the server URL's ({@code
     * jdbc:mariadb:} is mysql), else postgresql. A dialect given explicitly must match the server's URL.
     */
    static Dialect dialect(String property, String annotation, String url) {
        String source = !property.isBlank() ? "-D" + DIALECT_PROPERTY + "=" + property.trim()
                : !annotation.isBlank() ? "@BellowsMigrations(dialect = \"" + annotation.trim() + "\")" : null;
        Dialect fromUrl = null;
        if (!url.isBlank()) {
            try {
                fromUrl = Dialect.forUrl(url.trim());
            } catch (ConfigurationException e) {
                if (source == null) {
                    throw new ConfigurationException("the database server " + url.trim() + " (" + URL_PROPERTY
                            + " or @BellowsMigrations(url)) does not tell the dialect: " + e.getMessage()
                            + "; or set @BellowsMigrations(dialect = ...) or -D" + DIALECT_PROPERTY);
                }
            }
        }
        if (source == null) {
            return fromUrl != null ? fromUrl : Dialect.named(ScratchServer.EMBEDDED_DIALECT);
        }
        Dialect d;
        try {
            d = Dialect.named(!property.isBlank() ? property.trim() : annotation.trim());
        } catch (ConfigurationException e) {
            throw new ConfigurationException(source + ": " + e.getMessage());
        }
        if (fromUrl != null && !fromUrl.id().equals(d.id())) {
            throw new ConfigurationException(source + " does not match the database server "
                    + new dev.bellows.db.ConnectionSettings(url.trim(), null, null).safeUrl() + ", which is "
                    + fromUrl.id() + ": set -D" + DIALECT_PROPERTY + "=" + fromUrl.id()
                    + " (or leave the annotation's dialect out: it is then taken from the URL)");
        }
        return d;
    }

    /** A directory relative to the working directory, or {@code classpath:DIR} on the test class's class path. */
    static Path locate(String location, Class<?> testClass) {
        String source = "@BellowsMigrations(location = \"" + location + "\")";
        if (!location.startsWith(CLASSPATH)) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                throw new ConfigurationException(source + ": "
                        + dir.toAbsolutePath().normalize() + " is not a directory; give a path relative to "
                        + Path.of("").toAbsolutePath() + " or classpath:DIR");
            }
            return dir;
        }
        return resource(location, testClass, source);
    }

    /** {@code classpath:PATH} as a file or directory on the test class's class path; {@code source} names the setting. */
    private static Path resource(String location, Class<?> testClass, String source) {
        String resource = location.substring(CLASSPATH.length()).replaceAll("^/+", "");
        URL url = testClass.getClassLoader().getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new ConfigurationException(source + " " + location + ": "
                    + (url == null ? "no " + resource + " on the test class path"
                    : resource + " is inside " + url + ", not a file or directory; keep migrations unpacked on the "
                    + "class path"));
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(source + " " + location + ": " + e.getMessage());
        }
    }

    /**
     * The release up to which releases only build the schema and are not checked: the newer of {@code since} and
     * {@code legacy.release} ({@link LegacyConfig#judgedAfter}, as for lint and verify).
     */
    Optional<Release> judgedAfter() {
        return LegacyConfig.judgedAfter(since, legacy);
    }

    /** Whether a release is checked: every release after the cut-over, or all without one. */
    boolean checked(Release release) {
        return judgedAfter().map(cut -> release.compareTo(cut) > 0).orElse(true);
    }
}
