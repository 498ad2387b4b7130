package dev.bellows.maven;

import dev.bellows.RefusedException;
import dev.bellows.lint.LintDialect;
import dev.bellows.lint.LintOptions;
import dev.bellows.lint.LintReport;
import dev.bellows.lint.Linter;
import dev.bellows.lint.ServerVersion;
import dev.bellows.load.MigrationLoader;
import dev.bellows.model.Finding;
import dev.bellows.model.Severity;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Checks the migration files for changes that break a rolling upgrade or block traffic, by phase,
 * release history and dialect, and fails the build on an error finding. Needs no database. Bound to
 * the {@code verify} phase when listed in a POM without a phase. Example: {@code mvn bellows:lint}
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class LintMojo extends AbstractBellowsMojo {

    /** postgresql (default) or mysql (also MariaDB); when not set, {@code BELLOWS_DIALECT}, then bellows.yaml. */
    @Parameter(property = "bellows.dialect")
    String dialect;

    /** Oldest PostgreSQL version the migrations must be safe on, e.g. 12 or 16 (default 12). */
    @Parameter(property = "bellows.pgVersion")
    String pgVersion;

    /** Oldest MySQL (8.x) or MariaDB (10.x, 11.x) version (default 8.0). */
    @Parameter(property = "bellows.mysqlVersion")
    String mysqlVersion;

    /** Also write the report to this file, e.g. {@code target/bellows-lint.sarif} for code scanning. */
    @Parameter(property = "bellows.lintOutput")
    File lintOutput;

    /** The format of {@code lintOutput}: text, json or sarif. The build log always gets text. */
    @Parameter(property = "bellows.lintFormat", defaultValue = "sarif")
    String lintFormat;

    /**
     * Lint a Flyway folder ({@code V<version>__<desc>.sql}, e.g. {@code src/main/resources/db/migration})
     * as one history instead of {@code location}; each file is expand unless its header says
     * {@code -- bellows:phase contract}.
     */
    @Parameter(property = "bellows.flyway")
    File flyway;

    /**
     * Table sizes exported from production ({@code bellows lint --export-stats FILE --url …}): lock and
     * rewrite findings then say their table's size, and become warnings on tables below the threshold.
     */
    @Parameter(property = "bellows.lintStats")
    File lintStats;

    /** Read the table sizes from the configured database ({@code url}, {@code user}, {@code password}), read-only. */
    @Parameter(property = "bellows.lintStatsFromDatabase", defaultValue = "false")
    boolean lintStatsFromDatabase;

    /** With table sizes: a table below this many estimated rows (and {@code lintStatsMinMb}) is small. */
    @Parameter(property = "bellows.lintStatsMinRows", defaultValue = "10000")
    long lintStatsMinRows;

    /** With table sizes: a table below this many MB (and {@code lintStatsMinRows}) is small. */
    @Parameter(property = "bellows.lintStatsMinMb", defaultValue = "10")
    long lintStatsMinMb;

    /**
     * Releases up to this one are not judged: they only build the schema model the later ones are checked against
     * (the CLI's {@code --since}). With a legacy history ({@code legacy.release}), the newer of the two; a legacy
     * Flyway folder's files are replayed first.
     */
    @Parameter(property = "bellows.since")
    String since;

    /** Fail on warnings too. */
    @Parameter(property = "bellows.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    @Override
    java.util.Map<String, String> settingParameters() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        m.put("dialect", dialect);
        return m;
    }

    /**
     * The location as upgrade will run it (placeholders replaced), after a legacy Flyway history's files (replayed,
     * not judged), judging only the releases after {@code since} / {@code legacy.release}.
     */
    private LintReport lintLayout(dev.bellows.config.Settings settings, LintOptions options) {
        java.util.Map<String, String> values = placeholders(settings);
        java.util.Optional<dev.bellows.legacy.LegacyConfig> legacy = legacy(settings, values);
        java.util.List<dev.bellows.model.Migration> legacyFiles = legacy
                .filter(l -> l.engine().equals(dev.bellows.legacy.LegacyConfig.FLYWAY))
                .map(l -> Linter.flywayHistory(java.nio.file.Path.of(l.location()), l.release(), values, options))
                .orElse(java.util.List.of());
        dev.bellows.sql.SqlSyntax syntax = options.dialect().syntax();
        return Linter.lint(legacyFiles, dev.bellows.load.Placeholders.resolve(MigrationLoader.load(location(settings),
                        syntax), values, syntax).migrations(),
                dev.bellows.legacy.LegacyConfig.judgedAfter(since(since), legacy), options);
    }

    @Override
    void run() {
        dev.bellows.config.Settings settings = settings();
        LintDialect d = LintDialect.named(settings.get("dialect").orElse("postgresql"));
        LintOptions options = LintOptions.of(d);
        if (blankToNull(pgVersion) != null) {
            options = options.withPgVersion(ServerVersion.parse(pgVersion));
        }
        if (blankToNull(mysqlVersion) != null) {
            options = options.withMysqlVersion(ServerVersion.parse(mysqlVersion));
        }
        if (lintStats != null && lintStatsFromDatabase) {
            throw new dev.bellows.ConfigurationException("set either lintStats or lintStatsFromDatabase, not both");
        }
        dev.bellows.lint.TableStats stats = null;
        if (lintStats != null) {
            if (!lintStats.isFile()) {
                throw new dev.bellows.ConfigurationException(lintStats + ": no such stats file; export one with "
                        + "bellows lint --export-stats " + lintStats + " --url JDBC_URL");
            }
            try {
                stats = dev.bellows.lint.TableStats.read(lintStats.toPath());
            } catch (IllegalArgumentException e) {
                throw new dev.bellows.ConfigurationException(e.getMessage());
            }
        } else if (lintStatsFromDatabase) {
            String url = settings.get("url").orElseThrow(() -> new dev.bellows.ConfigurationException(
                    "lintStatsFromDatabase needs the database: set url (or BELLOWS_URL)"));
            stats = dev.bellows.lint.TableStats.read(url, settings.get("user").orElse(null),
                    settings.get("password").orElse(null), d);
        }
        if (stats != null) {
            options = options.withStats(stats.withThreshold(lintStatsMinRows, lintStatsMinMb * 1024 * 1024));
        }
        LintReport report = flyway != null ? Linter.lintFlyway(flyway.toPath(), options) : lintLayout(settings, options);
        Reports.log(getLog(), "text", report.toReport());
        Reports.write(lintOutput, lintFormat, report.toReport(), getLog());
        long failing = report.errors() + (failOnWarning ? report.warnings() : 0);
        if (failing > 0) {
            Finding first = report.active().stream()
                    .filter(f -> failOnWarning || f.severity() == Severity.ERROR).findFirst().orElseThrow();
            throw new RefusedException("lint found " + report.errors() + " error(s) and " + report.warnings()
                    + " warning(s); first: " + Reports.oneLine(first));
        }
    }
}
