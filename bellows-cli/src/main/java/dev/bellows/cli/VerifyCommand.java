package dev.bellows.cli;

import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.config.Settings;
import dev.bellows.db.Dialect;
import dev.bellows.model.MigrationSet;
import dev.bellows.verify.LintComparison;
import dev.bellows.model.Release;
import dev.bellows.verify.SchemaSource;
import dev.bellows.verify.Seed;
import dev.bellows.verify.ShadowSpec;
import dev.bellows.verify.Verifier;
import dev.bellows.verify.VerifyOptions;
import dev.bellows.verify.VerifyOutput;
import dev.bellows.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Applies every migration on a throwaway database (embedded PostgreSQL by default), release "
                + "by release and phase by phase, and reports what each statement really did: objects dropped or "
                + "renamed, type changes, tables rewritten or scanned under a lock that blocks traffic. "
                + "Waivers apply as in lint: -- bellows:allow with a verify rule id, or a lint rule id that flags "
                + "the same hazard (e.g. pg-rewriting-type-change for verify-rewrite). "
                + "With query manifests (db/queries/<release>.sql) it also prepares, never executes, each release's "
                + "statements against every schema of its rollout: release N-1's after expand(N) and migrate(N), "
                + "release N's after expand(N) and contract(N). "
                + "With --schema-from, the live schema of a database (read only) is copied into the shadow first and "
                + "only the releases pending there are verified. "
                + "With a legacy history in bellows.yaml (legacy.flyway or legacy.liquibase), the real Flyway or "
                + "Liquibase builds the shadow's schema first and only the releases after legacy.release are run "
                + "and judged. "
                + "Exit 1 when a verdict fails."},
        footer = {"", "Examples:", "  bellows verify --location db/migrations --rows 1000",
                "  bellows verify --location db/migrations --queries db/queries",
                "  bellows verify --compare-lint --format sarif > verify.sarif",
                "  bellows verify --schema-from jdbc:postgresql://db.example.com/app --rows-from-stats",
                "  bellows verify --schema-from jdbc:postgresql://replica/app --since 1.4   (no Bellows history there)",
                "  bellows verify --format html > verify.html",
                "  bellows verify --placeholder schema=app   ($${schema} in the files, as upgrade replaces it)",
                "  bellows verify --layout flat --location db/migrations   (golang-migrate, dbmate, numbered .sql)",
                "  bellows verify --dialect mysql --shadow-url jdbc:mariadb://localhost/verify_shadow "
                        + "--shadow-user root --format json"})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--location", paramLabel = "DIR",
            description = "Directory with the release directories (default: db/migrations).")
    Path location;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./bellows.yaml when present).")
    Path config;

    @Option(names = "--dialect", paramLabel = "DIALECT",
            description = "postgresql (default) or mysql; taken from --shadow-url when given.")
    String dialect;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (with every statement's observations), sarif, github (GitHub "
                    + "Actions annotations), or html (one self-contained page: timeline, locks, rewrites, scans, "
                    + "findings; redirect it to a file).")
    String format;

    @Option(names = "--shadow-url", paramLabel = "JDBC_URL",
            description = "An empty database to verify on instead of the embedded PostgreSQL.")
    String shadowUrl;

    @Option(names = "--shadow-user", paramLabel = "USER", description = "User for --shadow-url.")
    String shadowUser;

    @Option(names = "--shadow-password", paramLabel = "PASSWORD",
            description = "Password for --shadow-url; never printed.")
    String shadowPassword;

    @Option(names = "--pg-version", paramLabel = "MAJOR",
            description = "PostgreSQL major version of the embedded shadow (only the bundled one is available).")
    Integer pgVersion;

    @Option(names = "--seed", paramLabel = "RELEASE=FILE",
            description = "SQL to run after all phases of RELEASE (repeatable), e.g. --seed 1.0=seed.sql.")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--rows", paramLabel = "N", defaultValue = "0",
            description = "Fill every table up to N generated rows after each release, so rewrites and scans "
                    + "have data (PostgreSQL). A column a later migration makes a foreign key gets existing parent "
                    + "keys; a migration that fails only on generated rows runs again without them, with a note.")
    int rows;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "bellows (default: RELEASE/PHASE/NNN_name.sql) or flat: one folder of numbered files "
                    + "(golang-migrate NNNN_name.up.sql, dbmate -- migrate:up, plain NNN_name.sql), each file its own "
                    + "release in number order; .down.sql files are not read.")
    String layout;

    @Option(names = "--schema-from", paramLabel = "JDBC_URL",
            description = "Copy the schema of this live database (tables, columns, types, defaults, constraints, "
                    + "indexes, sequences, views, functions, triggers, enum types, extensions the shadow has; no data) "
                    + "into the shadow, then verify only the releases pending there per its Bellows history. Only "
                    + "reads it; needs no superuser. User and password: --schema-from-user/--schema-from-password, "
                    + "else --user/BELLOWS_USER/bellows.yaml like the other commands.")
    String schemaFrom;

    @Option(names = "--schema-from-user", paramLabel = "USER",
            description = "User for --schema-from (default: the configured user).")
    String schemaFromUser;

    @Option(names = "--schema-from-password", paramLabel = "PASSWORD",
            description = "Password for --schema-from (default: the configured password); never printed.")
    String schemaFromPassword;

    @Option(names = "--user", paramLabel = "USER",
            description = "User of the configured database (used by --schema-from).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Password of the configured database; never printed.")
    String password;

    @Option(names = "--since", paramLabel = "RELEASE",
            description = "Releases up to RELEASE are not judged: they only build the shadow's schema. With "
                    + "--schema-from on a database without Bellows history: the release its schema amounts to "
                    + "(releases up to it are not run, later ones are verified on its schema).")
    String since;

    @Option(names = "--placeholder", paramLabel = "NAME=VALUE",
            description = "Value of $${NAME} in the migrations (and the legacy history), as upgrade replaces it; "
                    + "repeatable (env BELLOWS_PLACEHOLDERS_NAME; bellows.yaml placeholders:). An undefined one is "
                    + "an error naming file and line.")
    List<String> placeholders = new ArrayList<>();

    @Option(names = "--rows-from-stats",
            description = "With --schema-from: give every copied table as many generated rows as the live "
                    + "statistics report (at most --rows-cap), so rewrites and scans are measured at that size and "
                    + "notes estimate how long each would lock the live table (PostgreSQL).")
    boolean rowsFromStats;

    @Option(names = "--rows-cap", paramLabel = "N", defaultValue = "100000",
            description = "Most rows generated per table by --rows-from-stats (default: 100000).")
    int rowsCap;

    @Option(names = "--compare-lint",
            description = "Also lint the migrations and report where lint and the database disagree: lint findings "
                    + "not confirmed, observed problems lint missed (as warnings).")
    boolean compareLint;

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Option(names = {"-v", "--observations"},
            description = "Also print what every statement did (catalog changes, locks, rewrites, scans).")
    boolean observations;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    BellowsCli parent;

    @Override
    public Integer call() {
        Map<String, String> flags = new HashMap<>();
        flags.put("location", location == null ? null : location.toString());
        flags.put("dialect", dialect);
        flags.put("user", user);
        flags.put("password", password);
        Settings settings = Settings.resolve(flags, parent == null ? Map.of() : parent.environment,
                Optional.ofNullable(config));
        Path dir = settings.get("location").map(Path::of).orElse(BellowsConfig.DEFAULT_LOCATION);
        Dialect d = dialect != null ? Dialect.named(dialect)
                : shadowUrl != null ? Dialect.forUrl(shadowUrl)
                : schemaFrom != null ? Dialect.forUrl(schemaFrom)
                : Dialect.named(settings.get("dialect").orElse("postgresql"));
        VerifyOutput.requireKnown(format);
        if (pgVersion != null && shadowUrl != null) {
            throw new ConfigurationException("--pg-version picks the embedded PostgreSQL; it cannot be used with "
                    + "--shadow-url (that server's version is what it is)");
        }
        ShadowSpec shadow = shadowUrl != null
                ? ShadowSpec.url(shadowUrl, shadowUser, shadowPassword)
                : new ShadowSpec.Embedded(pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion));
        VerifyOptions options = new VerifyOptions(d, shadow, seeds.stream().map(Seed::parse).toList(), rows);
        if (since != null) {
            options = options.withSince(Release.parse(since).orElseThrow(() -> new ConfigurationException(
                    "--since " + since + ": not a release version; write it like 1.4 or 2026.2")));
        }
        if (rowsFromStats && schemaFrom == null) {
            throw new ConfigurationException("--rows-from-stats reads the statistics of the --schema-from database; "
                    + "pass --schema-from JDBC_URL too, or use --rows N for a fixed number of rows");
        }
        if (schemaFrom != null) {
            SchemaSource source = new SchemaSource(schemaFrom,
                    schemaFromUser != null ? schemaFromUser : settings.get("user").orElse(null),
                    schemaFromPassword != null ? schemaFromPassword : settings.get("password").orElse(null),
                    rowsFromStats, rowsCap);
            options = options.withSchemaFrom(source);
        }
        Map<String, String> values = settings.placeholders(placeholders);
        // legacy: in bellows.yaml (or BELLOWS_LEGACY_*): its engine builds the shadow first, as on every fresh database
        options = options.withLegacy(settings.legacy(values));
        MigrationSet set = Layouts.load(dir, Layouts.flat(layout), d.syntax(), values);
        options = options.withQueries(queries.load(dir, d.syntax()));
        VerifyReport report = Verifier.verify(set, options);
        if (compareLint) {
            report = LintComparison.run(set, report, d).addTo(report);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(VerifyOutput.render(report, format, observations, BellowsCli.palette(parent)));
        out.flush();
        return report.failed() ? 1 : 0;
    }
}
