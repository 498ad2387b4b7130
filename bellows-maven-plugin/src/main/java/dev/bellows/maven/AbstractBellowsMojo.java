package dev.bellows.maven;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.BellowsException;
import dev.bellows.ConfigurationException;
import dev.bellows.config.Settings;
import dev.bellows.run.RunOptions;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every Bellows goal shares: where the migrations are, the target database, the runner's
 * options, and one mapping of Bellows errors to Maven's: a refused step or findings fail the build
 * ({@link MojoFailureException}), bad configuration or a database error is an execution error
 * ({@link MojoExecutionException}). Each goal is a few lines over the {@link Bellows} API.
 */
public abstract class AbstractBellowsMojo extends AbstractMojo {

    /**
     * The directory with the release directories ({@code 1.0/expand/001_x.sql}, ...); when not set,
     * {@code BELLOWS_LOCATION}, then {@code location} of bellows.yaml, then {@code db/migrations}, relative to the
     * project's base directory.
     */
    @Parameter(property = "bellows.location")
    File location;

    /**
     * JDBC URL of the target database, e.g. {@code jdbc:postgresql://localhost/app}; when not set, the
     * environment variable {@code BELLOWS_URL}, then {@code url} of bellows.yaml, as for the CLI.
     */
    @Parameter(property = "bellows.url")
    String url;

    /** Database user; when not set, {@code BELLOWS_USER}, then bellows.yaml. */
    @Parameter(property = "bellows.user")
    String user;

    /**
     * Database password; when not set, {@code BELLOWS_PASSWORD}, then bellows.yaml. Bellows never prints it, but
     * {@code mvn -X} prints every parameter: in CI prefer the environment variable.
     */
    @Parameter(property = "bellows.password")
    String password;

    /**
     * The settings file (the CLI's {@code --config}); default: {@code bellows.yaml} in the project's base
     * directory when it exists. Parameters beat the environment ({@code BELLOWS_*}), which beats the file.
     */
    @Parameter(property = "bellows.config")
    File config;

    /** The project's base directory: a relative location and the default bellows.yaml are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /**
     * The legacy history's Flyway migrations folder, relative to the project (bellows.yaml {@code legacy.flyway},
     * {@code BELLOWS_LEGACY_FLYWAY}): the real Flyway runs it before Bellows' releases.
     */
    @Parameter(property = "bellows.legacyFlyway")
    String legacyFlyway;

    /** The legacy history's Liquibase changelog, relative to the project (bellows.yaml {@code legacy.liquibase}). */
    @Parameter(property = "bellows.legacyLiquibase")
    String legacyLiquibase;

    /** The release the whole legacy history amounts to (bellows.yaml {@code legacy.release}). */
    @Parameter(property = "bellows.legacyRelease")
    String legacyRelease;

    /**
     * Values of {@code ${name}} in the migrations and the legacy history, e.g.
     * {@code <placeholders><mail_domain>example.com</mail_domain></placeholders>}; they beat
     * {@code BELLOWS_PLACEHOLDERS_NAME} and bellows.yaml's {@code placeholders:}.
     */
    @Parameter
    Map<String, String> placeholders;

    /** Where the BELLOWS_* variables come from; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** Skips the goal. */
    @Parameter(property = "bellows.skip", defaultValue = "false")
    boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("bellows: skipped (bellows.skip)");
            return;
        }
        try {
            run();
        } catch (BellowsException e) {
            String message = "bellows: " + e.getMessage();
            if (e.exitCode() == 1) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        }
    }

    /**
     * The goal's work. It throws {@link BellowsException}s, which {@link #execute()} maps: exit code 1
     * (refused, findings) fails the build; 2 (configuration) and 3 (database, I/O) are execution errors.
     */
    abstract void run() throws MojoExecutionException, MojoFailureException;

    /** Parameters of the goal that are also settings, by setting key ({@code lock-timeout}); null means not set. */
    Map<String, String> settingParameters() {
        return Map.of();
    }

    /**
     * The goal's parameters as the "flags" of {@link Settings}: they beat the environment ({@code BELLOWS_*}),
     * which beats bellows.yaml, exactly as for the CLI.
     */
    Settings settings() {
        Map<String, String> flags = new HashMap<>(settingParameters());
        flags.put("url", url);
        flags.put("user", user);
        flags.put("password", password);
        flags.put("location", location == null ? null : location.getPath());
        flags.put("legacy.flyway", legacyFlyway);
        flags.put("legacy.liquibase", legacyLiquibase);
        flags.put("legacy.release", legacyRelease);
        Path base = basedir == null ? Path.of("") : basedir.toPath();
        return Settings.resolve(flags, environment == null ? Map.of() : environment,
                        Optional.ofNullable(config).map(File::toPath), base.resolve("bellows.yaml"))
                .namingFlags(AbstractBellowsMojo::property);
    }

    /**
     * The -D property of a setting: {@code lock-timeout} is {@code bellows.lockTimeout}, {@code legacy.flyway}
     * {@code bellows.legacyFlyway}.
     */
    static String property(String key) {
        StringBuilder b = new StringBuilder("bellows.");
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    RunOptions runOptions(Settings s) {
        return s.runOptions().withProgress(line -> getLog().info(line));
    }

    /**
     * The query manifests, one {@code <release>.sql} per release; default: {@code queries} beside the
     * migrations' location (e.g. {@code db/queries}), used when it exists.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "bellows.queries")
    java.io.File queries;

    dev.bellows.queries.QueryManifests queryManifests(Path location, dev.bellows.sql.SqlSyntax syntax) {
        return queries != null ? dev.bellows.queries.QueryManifests.load(queries.toPath(), true, syntax)
                : dev.bellows.queries.QueryManifests.load(
                        dev.bellows.queries.QueryManifests.defaultDirectory(location), false, syntax);
    }

    Path location() {
        return location(settings());
    }

    Path location(Settings s) {
        Path p = s.location();
        return p.isAbsolute() || basedir == null ? p : basedir.toPath().resolve(p);
    }

    BellowsConfig config() {
        Settings s = settings();
        if (s.get("url").isEmpty()) {
            throw new ConfigurationException("no database URL: set <url> in the bellows-maven-plugin configuration, "
                    + "pass -Dbellows.url=jdbc:postgresql://HOST/DB (with -Dbellows.user and -Dbellows.password), "
                    + "set BELLOWS_URL or put url: in bellows.yaml");
        }
        // legacy: and placeholders: of bellows.yaml (and BELLOWS_LEGACY_*, BELLOWS_PLACEHOLDERS_*)
        java.util.Map<String, String> values = placeholders(s);
        return new BellowsConfig(location(s), s.connection(), runOptions(s), legacy(s, values), values);
    }

    /** The placeholder values: the {@code placeholders} parameter, then BELLOWS_PLACEHOLDERS_*, then bellows.yaml. */
    Map<String, String> placeholders(Settings s) {
        return s.placeholders(placeholders == null ? java.util.List.of() : placeholders.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue())).toList());
    }

    /**
     * The legacy history, its folder or changelog resolved against the project's base directory (as
     * {@code location} is), so a build started from another directory finds it.
     */
    Optional<dev.bellows.legacy.LegacyConfig> legacy(Settings s, Map<String, String> values) {
        return s.legacy(values).map(l -> {
            String where = l.location();
            if (basedir == null || where.startsWith("classpath:") || where.startsWith("filesystem:")
                    || Path.of(where).isAbsolute()) {
                return l;
            }
            return new dev.bellows.legacy.LegacyConfig(l.engine(), basedir.toPath().resolve(where).toString(),
                    l.release(), l.placeholders());
        });
    }

    /** {@code since}: a release version, or a clear error naming the parameter. */
    static Optional<dev.bellows.model.Release> since(String since) {
        if (blankToNull(since) == null) {
            return Optional.empty();
        }
        return Optional.of(dev.bellows.model.Release.parse(since.trim()).orElseThrow(() -> new ConfigurationException(
                "since (bellows.since) " + since + ": not a release version; write it like 1.4 or 2026.2")));
    }

    Bellows bellows() {
        return new Bellows(config());
    }

    /** A next step as the CLI names it ({@code contract --to 1.1}) as a Maven goal ({@code bellows:contract ...}). */
    static String goal(String cliCommand) {
        return "bellows:" + cliCommand.replace("--to ", "-Dbellows.to=");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
