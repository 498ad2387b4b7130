package dev.bellows.maven;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.BellowsException;
import dev.bellows.ConfigurationException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.run.RunOptions;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Duration;
import java.util.Map;

/**
 * What every Bellows goal shares: where the migrations are, the target database, the runner's
 * options, and one mapping of Bellows errors to Maven's: a refused step or findings fail the build
 * ({@link MojoFailureException}), bad configuration or a database error is an execution error
 * ({@link MojoExecutionException}). Each goal is a few lines over the {@link Bellows} API.
 */
public abstract class AbstractBellowsMojo extends AbstractMojo {

    /** The directory with the release directories ({@code 1.0/expand/001_x.sql}, ...). */
    @Parameter(property = "bellows.location", defaultValue = "${project.basedir}/db/migrations")
    File location;

    /**
     * JDBC URL of the target database, e.g. {@code jdbc:postgresql://localhost/app}; when not set, the
     * environment variable {@code BELLOWS_URL}, as for the CLI.
     */
    @Parameter(property = "bellows.url")
    String url;

    /** Database user; when not set, {@code BELLOWS_USER}. */
    @Parameter(property = "bellows.user")
    String user;

    /**
     * Database password; when not set, {@code BELLOWS_PASSWORD}. Bellows never prints it, but
     * {@code mvn -X} prints every parameter: in CI prefer the environment variable.
     */
    @Parameter(property = "bellows.password")
    String password;

    /** Where BELLOWS_URL, BELLOWS_USER and BELLOWS_PASSWORD come from; tests replace it. */
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

    RunOptions runOptions() {
        return RunOptions.defaults().withProgress(line -> getLog().info(line));
    }

    java.nio.file.Path location() {
        if (location == null) {
            throw new ConfigurationException("no migration location: set <location> or -Dbellows.location=DIR");
        }
        return location.toPath();
    }

    BellowsConfig config() {
        String u = setting(url, "BELLOWS_URL");
        if (u == null) {
            throw new ConfigurationException("no database URL: set <url> in the bellows-maven-plugin configuration, "
                    + "pass -Dbellows.url=jdbc:postgresql://HOST/DB (with -Dbellows.user and -Dbellows.password) "
                    + "or set BELLOWS_URL");
        }
        return new BellowsConfig(location(), new ConnectionSettings(u.trim(), setting(user, "BELLOWS_USER"),
                setting(password, "BELLOWS_PASSWORD")), runOptions());
    }

    /** The parameter, or else the environment variable, or null. */
    private String setting(String parameter, String variable) {
        return blankToNull(parameter) != null ? parameter : blankToNull(environment.get(variable));
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

    static Duration millis(String name, long value) {
        if (value < 0) {
            throw new ConfigurationException(name + " must be 0 or more, was " + value);
        }
        return Duration.ofMillis(value);
    }
}
