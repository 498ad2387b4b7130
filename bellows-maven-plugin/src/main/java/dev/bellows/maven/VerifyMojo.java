package dev.bellows.maven;

import dev.bellows.RefusedException;
import dev.bellows.db.Dialect;
import dev.bellows.lint.FlywayLoader;
import dev.bellows.load.MigrationLoader;
import dev.bellows.load.Placeholders;
import dev.bellows.model.Finding;
import dev.bellows.model.Severity;
import dev.bellows.verify.Seed;
import dev.bellows.verify.ShadowSpec;
import dev.bellows.verify.TextReport;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyOutput;
import dev.bellows.verify.VerifyReport;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs the migrations on a throwaway PostgreSQL (embedded by default) and reports what they really
 * did: locks, rewrites, dropped or renamed objects, and whether each expanded schema still serves the
 * previous release. Fails the build on an error verdict. With a legacy history ({@code legacy:} in bellows.yaml or
 * {@code legacyFlyway}/{@code legacyLiquibase} with {@code legacyRelease}), the real Flyway or Liquibase builds the
 * shadow's schema first and only the releases after {@code legacyRelease} are run and judged.
 * Example: {@code mvn bellows:verify -Dbellows.since=1.4}
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractBellowsMojo {

    /**
     * postgresql or mysql; when not set, taken from {@code shadowUrl} when that is given, else {@code BELLOWS_DIALECT},
     * then bellows.yaml, then postgresql.
     */
    @Parameter(property = "bellows.dialect")
    String dialect;

    /** An empty database to verify on instead of the embedded PostgreSQL (needed for mysql). */
    @Parameter(property = "bellows.shadowUrl")
    String shadowUrl;

    /** User for {@code shadowUrl}. */
    @Parameter(property = "bellows.shadowUser")
    String shadowUser;

    /** Password for {@code shadowUrl}; never printed. */
    @Parameter(property = "bellows.shadowPassword")
    String shadowPassword;

    /**
     * Verify a Flyway folder ({@code V<version>__<desc>.sql}) instead of {@code location}: each file is
     * its own release, expand unless its header says {@code -- bellows:phase contract}.
     */
    @Parameter(property = "bellows.flyway")
    File flyway;

    /**
     * Releases up to this one are not judged: they only build the shadow's schema (the CLI's {@code --since}). With
     * a legacy history ({@code legacy.release}), the newer of the two.
     */
    @Parameter(property = "bellows.since")
    String since;

    /** Fill every table up to this many generated rows after each release, so rewrites and scans have data. */
    @Parameter(property = "bellows.rows", defaultValue = "0")
    int rows;

    /**
     * SQL to run after all phases of a release, as {@code RELEASE=FILE} relative to the project, e.g.
     * {@code <seeds><seed>1.0=src/test/sql/seed.sql</seed></seeds>}.
     */
    @Parameter
    List<String> seeds = new ArrayList<>();

    /** Also write the report to this file, e.g. {@code target/bellows-verify.json}. */
    @Parameter(property = "bellows.verifyOutput")
    File verifyOutput;

    /** The format of {@code verifyOutput}: json (with what every statement did), sarif, text or html. */
    @Parameter(property = "bellows.verifyFormat", defaultValue = "json")
    String verifyFormat;

    /**
     * The run as one self-contained HTML page (timeline, locks, rewrites, scans, findings with their SQL and
     * advice), written on every run, passed or failed.
     */
    @Parameter(property = "bellows.htmlReport", defaultValue = "${project.build.directory}/bellows-verify.html")
    File htmlReport;

    @Override
    void run() {
        VerifyOutput.requireKnown(verifyFormat); // an unknown format fails before the shadow database starts
        dev.bellows.config.Settings settings = settings();
        Dialect d = blankToNull(dialect) != null ? Dialect.named(dialect.trim())
                : blankToNull(shadowUrl) != null ? Dialect.forUrl(shadowUrl.trim())
                : Dialect.named(settings.get("dialect").orElse("postgresql"));
        ShadowSpec shadow = blankToNull(shadowUrl) != null
                ? ShadowSpec.url(shadowUrl.trim(), blankToNull(shadowUser), shadowPassword)
                : new ShadowSpec.Embedded(OptionalInt.empty());
        java.util.Map<String, String> values = placeholders(settings);
        VerifyOptions options = new VerifyOptions(d, shadow, seeds.stream().map(this::seed).toList(), rows)
                .withQueries(flyway != null ? dev.bellows.queries.QueryManifests.none()
                        : queryManifests(location(settings), d.syntax()));
        if (since(since).isPresent()) {
            options = options.withSince(since(since).get());
        }
        if (flyway == null) {
            // a legacy history (bellows.yaml legacy:, or the legacy* parameters): its engine builds the shadow first
            options = options.withLegacy(legacy(settings, values));
        }
        VerifyReport report = Verifier.verify(flyway != null ? FlywayLoader.load(flyway.toPath(), d.syntax())
                : Placeholders.resolve(MigrationLoader.load(location(settings), d.syntax()), values, d.syntax()),
                options);
        Reports.log(getLog(), TextReport.render(report, false));
        if (verifyOutput != null) {
            write(verifyOutput, VerifyOutput.render(report, verifyFormat, true));
        }
        if (htmlReport != null) {
            write(htmlReport, VerifyOutput.render(report, "html", true));
        }
        if (report.failed()) {
            Finding first = report.findings().stream().filter(f -> !f.waived() && f.severity() == Severity.ERROR)
                    .findFirst().orElseThrow();
            throw new RefusedException("verify found " + report.errors() + " error(s) and " + report.warnings()
                    + " warning(s) on " + report.server() + "; first: " + Reports.oneLine(first));
        }
    }

    private Seed seed(String spec) {
        Seed seed = Seed.parse(spec);
        return basedir == null ? seed : new Seed(seed.release(), basedir.toPath().resolve(seed.file()));
    }

    private void write(File file, String text) {
        try {
            if (file.getParentFile() != null) {
                Files.createDirectories(file.getParentFile().toPath());
            }
            Files.writeString(file.toPath(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new dev.bellows.DatabaseException("cannot write " + file + ": " + e.getMessage(), e);
        }
        getLog().info("report written to " + file);
    }
}
