package dev.bellows.junit;

import dev.bellows.ConfigurationException;
import dev.bellows.db.Dialect;
import dev.bellows.model.Release;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link BellowsMigrations} annotation resolved once: the location as a directory, the dialect,
 * the cut-over release, and the database server (system properties win over the annotation).
 */
record Settings(Path location, boolean flyway, Dialect dialect, boolean allowWaivers,
                Optional<Release> startAfter, Optional<String> url, String user, String password,
                Optional<dev.bellows.lint.TableStats> lintStats) {

    static final String LINT_STATS_PROPERTY = "bellows.lint.stats";

    static final String URL_PROPERTY = "bellows.shadow.url";
    static final String USER_PROPERTY = "bellows.shadow.user";
    static final String PASSWORD_PROPERTY = "bellows.shadow.password";
    static final String DIALECT_PROPERTY = "bellows.shadow.dialect";
    private static final String CLASSPATH = "classpath:";

    static Settings of(BellowsMigrations a, Class<?> testClass) {
        String url = System.getProperty(URL_PROPERTY, a.url());
        String user = System.getProperty(USER_PROPERTY, a.user());
        String password = System.getProperty(PASSWORD_PROPERTY, a.password());
        Dialect dialect = dialect(System.getProperty(DIALECT_PROPERTY, ""), a.dialect(), url);
        return new Settings(locate(a.location(), testClass), a.flyway(), dialect, a.allowWaivers(),
                since(a),
                url.isBlank() ? Optional.empty() : Optional.of(url.trim()), user.isBlank() ? null : user,
                password, lintStats(System.getProperty(LINT_STATS_PROPERTY, a.lintStats()), a));
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
        if (!location.startsWith(CLASSPATH)) {
            Path dir = Path.of(location);
            if (!Files.isDirectory(dir)) {
                throw new ConfigurationException("@BellowsMigrations(location = \"" + location + "\"): "
                        + dir.toAbsolutePath().normalize() + " is not a directory; give a path relative to "
                        + Path.of("").toAbsolutePath() + " or classpath:DIR");
            }
            return dir;
        }
        String resource = location.substring(CLASSPATH.length()).replaceAll("^/+", "");
        URL url = testClass.getClassLoader().getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new ConfigurationException("@BellowsMigrations(location = \"" + location + "\"): "
                    + (url == null ? "no directory " + resource + " on the test class path"
                    : resource + " is inside " + url + ", not a directory; keep migrations unpacked on the "
                    + "class path"));
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new ConfigurationException("@BellowsMigrations(location = \"" + location + "\"): " + e.getMessage());
        }
    }

    /** Whether a release is checked: every release after the cut-over, or all without one. */
    boolean checked(Release release) {
        return startAfter.map(cut -> release.compareTo(cut) > 0).orElse(true);
    }
}
