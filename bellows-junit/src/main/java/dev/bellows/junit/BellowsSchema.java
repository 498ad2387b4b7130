package dev.bellows.junit;

import dev.bellows.Bellows;
import dev.bellows.BellowsConfig;
import dev.bellows.ConfigurationException;
import dev.bellows.lint.FlywayLoader;
import dev.bellows.legacy.LegacyEngines;
import dev.bellows.load.MigrationLoader;
import dev.bellows.load.Placeholders;
import dev.bellows.load.Paths;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.run.RunOptions;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Phase hooks: fresh databases with the migrations applied up to a point of a rolling upgrade, for
 * a project's own compatibility tests. Inject it into any test of a class annotated with
 * {@link BellowsMigrations}:
 *
 * <pre>{@code
 * @Test
 * void release11ReadsBooksDuringTheRolloutOf12(BellowsSchema schema) {
 *     BookRepository11 repo = new BookRepository11(schema.afterExpand("1.2").dataSource());
 *     ...
 * }
 * }</pre>
 *
 * Each call creates a new database (on the embedded PostgreSQL, or the server named by
 * {@code bellows.shadow.url}), so tests may write freely.
 */
public final class BellowsSchema {

    private final Settings settings;
    private final MigrationSet migrations;
    private final Supplier<ScratchServer> server;
    private final java.util.Optional<dev.bellows.queries.QueryLog> recording;

    BellowsSchema(Settings settings, Supplier<ScratchServer> server) {
        this(settings, server, java.util.Optional.empty());
    }

    BellowsSchema(Settings settings, Supplier<ScratchServer> server,
                  java.util.Optional<dev.bellows.queries.QueryLog> recording) {
        this.settings = settings;
        this.recording = recording;
        dev.bellows.sql.SqlSyntax syntax = settings.dialect().syntax();
        // ${name} placeholders replaced as upgrade replaces them: an undefined one fails here, naming file and line
        this.migrations = settings.flyway() ? FlywayLoader.load(settings.location(), syntax)
                : Placeholders.resolve(MigrationLoader.load(settings.location(), syntax), settings.placeholders(),
                syntax);
        this.server = server;
    }

    /** The releases found, oldest first. */
    public List<Release> releases() {
        return migrations.releases();
    }

    /**
     * A database just after {@code expand(release)}: every earlier release completely applied
     * (expand, migrate, contract, in rollout order), then the release's expand phase. The previous
     * release's code must still work here. With a legacy history, its own engine builds the database first and
     * Bellows records the baseline at {@code legacy.release}; only the releases after it are applied.
     */
    public BellowsDatabase afterExpand(String release) {
        requireLayout();
        Release target = known(release);
        settings.legacy().filter(l -> legacyCovers(target)).ifPresent(l -> {
            throw new ConfigurationException("release " + release + " is part of the legacy " + l.engineName()
                    + " history (legacy.release " + l.release() + "): it has no expand phase of its own; use "
                    + "afterContract(\"" + l.release() + "\") for the schema the legacy history builds, or afterExpand of "
                    + "a release after it");
        });
        BellowsDatabase db = server.get().create();
        Bellows bellows = legacyFirst(bellows(db), db);
        previous(target).ifPresent(p -> applyThrough(bellows, p));
        bellows.expand(target);
        return db;
    }

    /**
     * A database just after {@code contract(release)}: the release and every earlier one completely applied. With a
     * legacy history, {@code afterContract(legacy.release)} is the database its engine built, with the baseline.
     */
    public BellowsDatabase afterContract(String release) {
        requireLayout();
        Release target = known(release);
        settings.legacy().filter(l -> target.compareTo(l.release()) < 0).ifPresent(l -> {
            throw new ConfigurationException("release " + release + " is inside the legacy " + l.engineName()
                    + " history, which is built whole (legacy.release " + l.release() + "); use afterContract(\""
                    + l.release() + "\") or a later release");
        });
        BellowsDatabase db = server.get().create();
        applyThrough(legacyFirst(bellows(db), db), target);
        return db;
    }

    /**
     * With a legacy history, the new database {@code db} is first built by its own engine (the real Flyway or
     * Liquibase: its order, placeholders, repeatable migrations, callbacks), then the baseline is recorded at
     * {@code legacy.release}, as {@code bellows upgrade} does on an empty database. Returns {@code bellows}.
     */
    private Bellows legacyFirst(Bellows bellows, BellowsDatabase db) {
        settings.legacy().ifPresent(l -> {
            LegacyEngines.open(l, db.settings()).migrate(line -> { });
            bellows.runner().baseline(l.release());
        });
        return bellows;
    }

    /** Whether the legacy history stands for {@code release}: counted as applied by the baseline, never run. */
    private boolean legacyCovers(Release release) {
        return settings.legacy().filter(l -> release.compareTo(l.release()) <= 0).isPresent();
    }

    /**
     * {@code dataSource} wrapped so that every statement sent through it is recorded into the query
     * manifest of the release named by the class's {@link RecordQueries} (for data sources the test
     * builds itself; {@link AfterExpand} / {@link AfterContract} DataSource parameters are recorded already).
     */
    public javax.sql.DataSource recording(javax.sql.DataSource dataSource) {
        if (recording.isEmpty()) {
            throw new ConfigurationException("recording(DataSource) needs @RecordQueries(release = \"...\") on the "
                    + "test class, to know whose manifest the statements go into");
        }
        return recordingIfAsked(dataSource);
    }

    javax.sql.DataSource recordingIfAsked(javax.sql.DataSource dataSource) {
        return recording.map(log -> QueryRecorder.wrap(dataSource, log)).orElse(dataSource);
    }

    /** A new empty database on the same server, e.g. to run your own migration tool against. */
    public BellowsDatabase empty() {
        return server.get().create();
    }

    Settings settings() {
        return settings;
    }

    MigrationSet migrations() {
        return migrations;
    }

    Supplier<ScratchServer> server() {
        return server;
    }

    /** The rollout order: for each release, expand and migrate, then contract. */
    private void applyThrough(Bellows bellows, Release last) {
        for (Release r : releases()) {
            if (r.compareTo(last) > 0) {
                break;
            }
            if (legacyCovers(r)) {
                continue;
            }
            bellows.upgrade(r);
            bellows.contract(r);
        }
    }

    private java.util.Optional<Release> previous(Release target) {
        return releases().stream().filter(r -> r.compareTo(target) < 0)
                .filter(r -> !legacyCovers(r))
                .reduce((a, b) -> b);
    }

    private void requireLayout() {
        if (settings.flyway()) {
            throw new ConfigurationException("the phase hooks need the release/phase layout (RELEASE/expand/001_x.sql);"
                    + " @BellowsMigrations(flyway = true) supports the lint and verify checks only");
        }
    }

    private Bellows bellows(BellowsDatabase db) {
        return new Bellows(new BellowsConfig(settings.location(), db.settings(), RunOptions.defaults(),
                settings.legacy(), settings.placeholders()));
    }

    private Release known(String name) {
        Release r = Release.of(name);
        if (settings.legacy().filter(l -> l.release().equals(r)).isPresent()) {
            return r;
        }
        if (!releases().contains(r)) {
            throw new ConfigurationException("release " + name + " is not in " + Paths.display(settings.location())
                    + " (releases: " + releases().stream().map(Release::name).collect(Collectors.joining(", "))
                    + settings.legacy().map(l -> "; the legacy history is release " + l.release()).orElse("") + ")");
        }
        return r;
    }
}
