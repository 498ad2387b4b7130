package dev.bellows.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a test class's migrations are and how to check them. With {@link BellowsMigrationTests} it
 * is the whole "our migrations are safe for rolling upgrades" test:
 *
 * <pre>{@code
 * @BellowsMigrations(location = "db/migrations")
 * class MigrationsTest implements BellowsMigrationTests {}
 * }</pre>
 *
 * It also enables the phase hooks ({@link AfterExpand}, {@link AfterContract}, {@link BellowsSchema})
 * in the class's own tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BellowsExtension.class)
public @interface BellowsMigrations {

    /**
     * The directory with the release directories: a path relative to the working directory (the
     * module's directory under Maven and Gradle), or {@code classpath:db/migrations} for a directory
     * on the test class path.
     */
    String location() default "db/migrations";

    /**
     * Whether {@link #location()} is a Flyway folder ({@code V<version>__<description>.sql}) instead of
     * the release/phase layout: each file is its own release, expand unless a comment before its first
     * statement says {@code -- bellows:phase contract}. Lint and verify work as for the layout; the
     * phase hooks need the layout.
     */
    boolean flyway() default false;

    /**
     * The database the migrations are written for: {@code postgresql} or {@code mysql} (also MariaDB). Empty (the
     * default): taken from the server's URL ({@link #url()} or {@code -Dbellows.shadow.url}) when one is given,
     * else {@code postgresql}. The system property {@code bellows.shadow.dialect} wins over this; a dialect given
     * either way must match the server's URL.
     */
    String dialect() default "";

    /**
     * Whether {@code -- bellows:allow <rule> <reason>} comments may waive a finding. When false, a
     * waived finding fails its test like any other.
     */
    boolean allowWaivers() default true;

    /**
     * The same as {@code bellows lint --since} and {@code bellows verify --since}: releases up to and including it
     * are applied (so later ones have their schema) but not checked. Empty: every release is checked.
     */
    String since() default "";

    /**
     * The former name of {@link #since()}, kept working.
     *
     * @deprecated use {@link #since()}; giving both with different releases is an error
     */
    @Deprecated
    String startAfter() default "";

    /**
     * The legacy history's Flyway migrations folder (bellows.yaml {@code legacy.flyway}, the Maven plugin's
     * {@code legacyFlyway}): a path relative to the working directory, or {@code classpath:DIR}. Every fresh
     * database the extension creates is first built by the real Flyway from it (placeholders, {@code R__},
     * callbacks, subfolders), then Bellows records the baseline at {@link #legacyRelease()} and applies only the
     * releases after it; lint replays its files into the schema model. Empty: the environment's
     * {@code BELLOWS_LEGACY_FLYWAY}, then bellows.yaml ({@link #config()}).
     */
    String legacyFlyway() default "";

    /**
     * The legacy history's Liquibase changelog file (bellows.yaml {@code legacy.liquibase}, the Maven plugin's
     * {@code legacyLiquibase}), relative to the working directory or {@code classpath:FILE}: the real Liquibase
     * builds every fresh database from it, as {@link #legacyFlyway()} does with Flyway.
     */
    String legacyLiquibase() default "";

    /**
     * The release the whole legacy history amounts to (bellows.yaml {@code legacy.release}, the Maven plugin's
     * {@code legacyRelease}): Bellows' baseline. Releases up to it are neither run nor checked; it is the cut of
     * {@link #since()} when {@code since} is not a later release.
     */
    String legacyRelease() default "";

    /**
     * Values of {@code ${name}} placeholders, each {@code "name=value"}, for Bellows' own files and the legacy
     * history (the CLI's {@code --placeholder}, the Maven plugin's {@code <placeholders>}). They win over
     * {@code BELLOWS_PLACEHOLDERS_NAME} variables and bellows.yaml's {@code placeholders:}. A placeholder in
     * Bellows' files without a value fails the test class, naming the file, line and name.
     */
    String[] placeholders() default {};

    /**
     * The settings file whose {@code legacy:} and {@code placeholders:} apply (the CLI's {@code --config}, the Maven
     * plugin's {@code config}), relative to the working directory. Empty: {@code bellows.yaml} in the working
     * directory (the module's directory under Maven and Gradle) when it exists. The annotation's attributes win
     * over the environment ({@code BELLOWS_LEGACY_*}, {@code BELLOWS_PLACEHOLDERS_*}), which wins over the file.
     * Only those keys are used: the file's {@code url} names a real database, and tests never touch it.
     */
    String config() default "";

    /**
     * JDBC URL of a database server to use instead of the embedded PostgreSQL (needed for
     * {@code dialect = "mysql"}); Bellows creates a throwaway database on it for each use and drops
     * it afterwards, so the user needs the right to create databases. The system property
     * {@code bellows.shadow.url} (with {@code bellows.shadow.user} and {@code bellows.shadow.password})
     * wins over this.
     */
    String url() default "";

    /** The user for {@link #url()}. */
    String user() default "";

    /** The password for {@link #url()}. */
    String password() default "";

    /**
     * Table sizes exported from production ({@code bellows lint --export-stats FILE --url …}; a path
     * relative to the working directory): lint's lock and rewrite findings then say their table's size,
     * and on tables below {@link #lintStatsMinRows()} rows and {@link #lintStatsMinMb()} MB they are
     * warnings, which do not fail the test. The system property {@code bellows.lint.stats} wins.
     */
    String lintStats() default "";

    /** With {@link #lintStats()}: a table below this many estimated rows (and the MB below) is small. */
    long lintStatsMinRows() default 10_000;

    /** With {@link #lintStats()}: a table below this many MB (and the rows above) is small. */
    long lintStatsMinMb() default 10;
}
