package dev.bellows.run;

import dev.bellows.DatabaseException;
import dev.bellows.RefusedException;
import dev.bellows.db.ConnectionSettings;
import dev.bellows.db.Dialect;
import dev.bellows.history.Actor;
import dev.bellows.history.AppliedMigration;
import dev.bellows.history.HistoryTable;
import dev.bellows.legacy.LegacyConfig;
import dev.bellows.legacy.LegacyEngines;
import dev.bellows.legacy.LegacyHistory;
import dev.bellows.legacy.LegacyStatus;
import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies phases to a database: one migrator at a time (advisory lock), files and history checked
 * first, the phase order of the rolling-upgrade invariant enforced, the contract gate asked, then
 * each file run by {@link MigrationExecutor} and each completed phase marked in history.
 */
public final class Runner {

    private final ConnectionSettings db;
    private final Dialect dialect;
    private final MigrationSet migrations;
    private final RunOptions options;
    private final HistoryTable history;
    private final Consumer<String> progress;
    private final Optional<LegacyConfig> legacy;

    public Runner(ConnectionSettings db, MigrationSet migrations, RunOptions options) {
        this(db, migrations, options, Optional.empty());
    }

    /**
     * @param legacy the legacy history run by its own engine before Bellows' releases (its baseline is recorded
     *               at its release once it is complete), if any
     */
    public Runner(ConnectionSettings db, MigrationSet migrations, RunOptions options, Optional<LegacyConfig> legacy) {
        this.legacy = legacy;
        this.db = db;
        this.dialect = db.dialect();
        this.migrations = migrations;
        this.options = options;
        this.history = new HistoryTable(dialect);
        this.progress = options.progress();
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The files against the history, read without locking or creating anything. */
    public SchemaState state() {
        try (Connection c = db.connect()) {
            return state(c);
        } catch (SQLException e) {
            throw new DatabaseException("cannot read " + HistoryTable.NAME + ": " + e.getMessage(), e);
        }
    }

    /**
     * The same, on a connection the caller already has. Refuses ({@link UnknownSchemaException}) a database
     * that has tables but no Bellows history.
     */
    public SchemaState state(Connection c) throws SQLException {
        if (legacy.isPresent()) {
            // The legacy engine takes care of the database Bellows has no history of; until its baseline is
            // recorded, plans assume it. A database with tables that neither history knows is refused here
            // as the applying commands refuse it, so that status and plan do not promise what upgrade refuses.
            List<AppliedMigration> rows = history.read(c);
            SchemaState state = new SchemaState(migrations, rows);
            if (state.baseline().isPresent()) {
                return state;
            }
            if (rows.isEmpty() && !dialect.applicationTables(c).isEmpty()) { // an empty database needs no engine
                requireLegacyOrEmpty(c, LegacyEngines.open(legacy.get(), db).status());
            }
            return state.withBaseline(legacy.get().release());
        }
        requireKnownSchema(c);
        return new SchemaState(migrations, history.read(c));
    }

    /** Refuses a database with tables when the legacy engine has applied nothing to it: it was made by other means. */
    private void requireLegacyOrEmpty(Connection c, LegacyStatus status) throws SQLException {
        if (status.applied().isEmpty()) {
            List<String> tables = dialect.applicationTables(c).stream()
                    .filter(t -> !t.toLowerCase(Locale.ROOT).equals(status.table().toLowerCase(Locale.ROOT))).toList();
            if (!tables.isEmpty()) {
                throw new UnknownSchemaException(tables, dialect.foreignHistory(c));
            }
        }
    }

    /** The legacy history as its engine sees it now (runs nothing); empty when none is configured. */
    public Optional<LegacyStatus> legacyStatus() {
        return legacy.map(l -> LegacyEngines.open(l, db).status());
    }

    /**
     * The legacy step before an applying command: the legacy engine brings its history up to date (all of it on
     * an empty database), then the baseline is recorded at the legacy release. Refused when the legacy history
     * has a failed or edited entry, or new entries after Bellows took over.
     */
    private void runLegacy(Connection c) throws SQLException {
        LegacyConfig config = legacy.orElseThrow();
        List<AppliedMigration> rows = history.read(c);
        SchemaState state = new SchemaState(migrations, rows);
        LegacyHistory engine = LegacyEngines.open(config, db);
        LegacyStatus status = engine.status();
        if (!status.problems().isEmpty()) {
            throw new RefusedException("the legacy " + status.engine() + " history (" + status.table() + ") has "
                    + String.join("; ", status.problems()) + ". Bellows applies nothing until " + status.engine()
                    + " accepts it: fix the entry (or restore the edited file) and repair it with "
                    + status.engine() + ", then rerun.");
        }
        if (state.baseline().isPresent()) {
            if (!status.pending().isEmpty()) {
                throw new RefusedException("the legacy " + status.engine() + " history has new entries ("
                        + String.join(", ", status.pending()) + ") but Bellows took this database over at baseline "
                        + state.baseline().get() + "; put new changes into a Bellows release after "
                        + state.baseline().get() + " instead.");
            }
            return;
        }
        if (!rows.isEmpty()) {
            throw new RefusedException("legacy." + config.engine() + " is configured, but Bellows already ran on this "
                    + "database without a baseline (" + rows.size() + " rows in " + HistoryTable.NAME + "); remove "
                    + "legacy." + config.engine() + " from the settings of this database.");
        }
        requireLegacyOrEmpty(c, status);
        if (!status.pending().isEmpty()) {
            progress.accept("legacy " + status.engine() + ": " + status.pending().size() + " pending migration"
                    + (status.pending().size() == 1 ? "" : "s") + ", run by " + status.engine());
            int applied = engine.migrate(progress);
            progress.accept("legacy " + status.engine() + ": applied " + applied);
        }
        history.create(c);
        Actor actor = Actor.current();
        history.baseline(c, config.release(), actor, "baseline at the end of the legacy " + status.engine()
                + " history (" + (status.applied().size() + status.pending().size()) + " entries, "
                + status.pending().size() + " applied now)");
        progress.accept("baseline " + config.release() + " recorded: the legacy " + status.engine()
                + " history is complete; Bellows takes over after it");
    }

    /**
     * Refuses to go on when the database has tables but no Bellows history: it was built by something else
     * (another tool, or by hand), and {@code bellows baseline} must say first what it amounts to.
     */
    private void requireKnownSchema(Connection c) throws SQLException {
        if (history.exists(c)) {
            return;
        }
        List<String> tables = dialect.applicationTables(c);
        if (!tables.isEmpty()) {
            throw new UnknownSchemaException(tables, dialect.foreignHistory(c));
        }
    }

    /**
     * {@code bellows baseline --release R}: takes over a database that Bellows has not run on. Every phase of
     * every release up to {@code release} is recorded as applied (who, when, host; no files are run, and those
     * releases need not exist at the location). Refused when the database already has Bellows history.
     */
    public String baseline(Release release) {
        return inSession("baseline", c -> {
            if (history.exists(c)) {
                List<AppliedMigration> rows = history.read(c);
                if (!rows.isEmpty()) {
                    SchemaState state = new SchemaState(migrations, rows);
                    String where = state.baseline().map(b -> "a baseline at " + b)
                            .orElse(rows.size() + " history row" + (rows.size() == 1 ? "" : "s") + ", the last "
                                    + rows.get(rows.size() - 1).migration());
                    throw new RefusedException("baseline refused: this database already has Bellows history (" + where
                            + " in " + HistoryTable.NAME + "); a baseline would hide it. `bellows status` shows "
                            + "where it stands.");
                }
            }
            history.create(c);
            Actor actor = Actor.current();
            int tables = dialect.applicationTables(c).size();
            history.baseline(c, release, actor, "baseline: every phase of every release <= " + release
                    + " taken over as applied, nothing run (" + tables + " table" + (tables == 1 ? "" : "s")
                    + " present)");
            String done = "baseline " + release + " recorded by " + actor.user() + "@" + actor.host()
                    + ": every release up to " + release + " counts as applied and is never run";
            progress.accept(done);
            return done;
        });
    }

    /** What {@code command} would do; runs nothing. */
    public Plan plan(Command command, Release to) {
        migrations.requireKnown(to, "--to");
        SchemaState state = state();
        state.validate();
        return Planner.plan(command, to, state);
    }

    /** How {@code plan} labels a file's execution mode. */
    public String modeOf(Migration m) {
        return MigrationExecutor.describe(m, dialect);
    }

    public RunResult run(Command command, Release to) {
        return run(command, to, null);
    }

    /**
     * The same, with a note recorded on the contract phase's completion row in history, e.g. that an
     * automatic contract ran it and why.
     */
    public RunResult run(Command command, Release to, String contractNote) {
        migrations.requireKnown(to, "--to");
        return inSession(command.id(), c -> {
            long t0 = System.nanoTime();
            if (legacy.isPresent()) {
                runLegacy(c);
            } else {
                requireKnownSchema(c);
            }
            history.create(c);
            List<Step> steps = new ArrayList<>();
            int files = apply(c, command, to, steps, contractNote);
            return finish(command.id(), to, steps, files, t0);
        });
    }

    /**
     * Every phase of every release up to {@code to} (null: the newest), in rollout order — expand,
     * migrate and contract of one release before the next — in one session under one lock. For
     * databases that serve no older release: a fresh development, test or CI database. The
     * contract gate still applies.
     */
    public RunResult runAll(Release to) {
        return run(Command.ALL, to);
    }

    private interface SessionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** One connection, its session settings and the migrator lock, around {@code work}. */
    private <T> T inSession(String what, SessionWork<T> work) {
        try (Connection c = db.connect()) {
            dialect.configureSession(c, options.lockTimeout());
            lock(c);
            try {
                return work.run(c);
            } finally {
                if (!c.isClosed() && c.getAutoCommit()) {
                    dialect.releaseMigratorLock(c);
                    if (db.pooled()) {
                        dialect.resetSession(c);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("database error while running " + what + ": " + e.getMessage(), e);
        }
    }

    /** Plans {@code command} against the history as it is now, refuses or applies it; returns files applied. */
    private int apply(Connection c, Command command, Release to, List<Step> done, String contractNote)
            throws SQLException {
        SchemaState state = new SchemaState(migrations, history.read(c));
        state.validate();
        Plan plan = Planner.plan(command, to, state);
        if (plan.refusal().isPresent()) {
            throw new RefusedException(plan.refusal().get());
        }
        checkBatchDefinitions(plan);
        boolean contracts = plan.steps().stream().anyMatch(s -> s.phase() == Phase.CONTRACT);
        if (contracts && !dialect.tryContractLock(c, options.lockWait())) {
            throw new RefusedException("an instance is registering, or another contract runs, on this database; "
                    + "waited " + options.lockWait().toSeconds() + " s for it. Rerun, or wait longer with "
                    + "--lock-wait SECONDS.");
        }
        try {
            return applySteps(c, plan, state, done, contractNote);
        } finally {
            if (contracts && !c.isClosed()) {
                dialect.releaseContractLock(c);
            }
        }
    }

    /** Runs the steps of an accepted plan; the contract gate is asked here, under the contract lock. */
    private int applySteps(Connection c, Plan plan, SchemaState state, List<Step> done, String contractNote)
            throws SQLException {
        String forcedNote = checkContractGate(c, plan);
        String note = forcedNote == null ? contractNote
                : contractNote == null ? forcedNote : contractNote + "; " + forcedNote;
        Actor actor = Actor.current();
        MigrationExecutor executor = new MigrationExecutor(c, db, dialect, history, options, actor);
        int files = 0;
        for (Step step : plan.steps()) {
            if (!step.pending().isEmpty()) {
                progress.accept(step.phase().id() + " " + step.release() + ": " + step.pending().size() + " file"
                        + (step.pending().size() == 1 ? "" : "s"));
            }
            for (Migration m : step.pending()) {
                executor.apply(m, state.row(m));
                files++;
            }
            history.markComplete(c, step.release(), step.phase(), actor,
                    step.phase() == Phase.CONTRACT ? note : null);
            done.add(step);
        }
        return files;
    }

    private RunResult finish(String command, Release to, List<Step> steps, int files, long t0) {
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (files == 0) {
            progress.accept(command + ": nothing to apply, the database is up to date"
                    + (to == null ? "" : " up to " + to));
        } else {
            progress.accept(command + ": applied " + files + " file" + (files == 1 ? "" : "s") + " in "
                    + millis + " ms");
        }
        return new RunResult(command, steps, files, millis);
    }

    /** Every batch statement of the plan is understood before anything runs (a bad one is exit 2, nothing applied). */
    private void checkBatchDefinitions(Plan plan) {
        for (Step step : plan.steps()) {
            for (Migration m : step.pending()) {
                if (m.phase() != Phase.MIGRATE) {
                    continue;
                }
                if (m.isJava()) {
                    dev.bellows.data.BatchJobs.java(m);
                } else {
                    for (int i = 0; i < m.statements().size(); i++) {
                        dev.bellows.data.BatchJobs.statement(m, i, dialect);
                    }
                }
            }
        }
    }

    /** Asks the guard before contract steps; returns the note recorded for a forced contract, or null. */
    private String checkContractGate(Connection c, Plan plan) throws SQLException {
        List<String> blockers = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.phase() == Phase.CONTRACT) {
                blockers.addAll(options.contractGuard().blockers(c, step.release()));
            }
        }
        blockers = blockers.stream().distinct().toList();
        if (blockers.isEmpty()) {
            return null;
        }
        String what = "\nA live instance of an older release: finish the rollout (or stop it) first. A line of a query "
                + "manifest: the release itself still sends that statement; do what the line says. `--force --confirm` "
                + "overrides this and is recorded in history.";
        if (!options.force() && plan.command().equals(Command.ALL.id())) {
            throw new RefusedException("upgrade --all-phases refused: its contract would break what still uses the "
                    + "schema:\n  - " + String.join("\n  - ", blockers) + "\n--all-phases is for databases that no "
                    + "older release uses; on a live database run `bellows upgrade`, roll the new release out, then "
                    + "`bellows contract`." + what);
        }
        if (!options.force()) {
            throw new RefusedException("contract refused: it would break what still uses the schema:\n  - "
                    + String.join("\n  - ", blockers) + what);
        }
        Actor actor = Actor.current();
        String note = "FORCED by " + actor.user() + "@" + actor.host() + " despite: " + String.join("; ", blockers);
        progress.accept("WARNING: contract " + note);
        return note;
    }

    private void lock(Connection c) throws SQLException {
        if (dialect.tryMigratorLock(c, options.lockWait())) {
            return;
        }
        String holder = dialect.migratorLockHolder(c).map(h -> " (held by " + h + ")").orElse("");
        throw new RefusedException("another Bellows migrator is running on this database" + holder + "; waited "
                + options.lockWait().toSeconds() + " s for it. Rerun when it has finished, or wait longer with "
                + "--lock-wait SECONDS.");
    }

    /**
     * {@code repair}: accepts the current checksum of edited applied files and forgets rows of files
     * that no longer exist. Returns one line per change.
     */
    public List<String> repair() {
        return repair(List.of());
    }

    /**
     * {@code repair}, and records each of {@code applied} (migration ids such as
     * {@code 1.1/expand/001_add_isbn.sql}) as applied: for a file whose history row was deleted by hand
     * while its change is in the database. Refused (nothing changed) for an unknown id or a file that
     * already has a row.
     */
    public List<String> repair(List<String> applied) {
        List<Migration> toRecord = new ArrayList<>();
        for (String id : applied) {
            Migration m = migrations.migrations().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new dev.bellows.ConfigurationException("--applied " + id + ": no such migration "
                            + "in " + migrations.location() + "; give its id as status and history show it, e.g. "
                            + "1.1/expand/001_add_isbn.sql"));
            toRecord.add(m);
        }
        try (Connection c = db.connect()) {
            dialect.configureSession(c, options.lockTimeout());
            lock(c);
            try {
                requireKnownSchema(c);
                history.create(c);
                SchemaState state = new SchemaState(migrations, history.read(c));
                List<String> changes = new ArrayList<>();
                for (Migration m : state.changedFiles()) {
                    AppliedMigration row = state.row(m).orElseThrow();
                    history.updateChecksum(c, m.id(), m.checksum());
                    changes.add("accepted the new checksum of " + m.displayPath() + " (" + row.checksum() + " -> "
                            + m.checksum() + ")");
                }
                for (AppliedMigration row : state.missingFiles()) {
                    history.delete(c, row.migration());
                    new dev.bellows.data.ProgressTable(dialect).delete(c, row.migration());
                    changes.add("forgot " + row.migration() + ": its file no longer exists");
                }
                for (Migration m : toRecord) {
                    if (state.row(m).isPresent()) {
                        throw new RefusedException("--applied " + m.id() + ": it already has a history row ("
                                + state.row(m).get().outcome().id() + "); only a file whose row is missing can be "
                                + "recorded as applied");
                    }
                }
                Actor actor = Actor.current();
                for (Migration m : toRecord) {
                    int n = m.statements().size();
                    history.start(c, m, actor);
                    history.progress(c, m.id(), n, MigrationExecutor.prefixChecksum(m, n), 0, 0);
                    history.finish(c, m.id(), dev.bellows.history.AppliedMigration.Outcome.SUCCESS, 0,
                            "recorded as applied by bellows repair --applied (its history row was missing)");
                    changes.add("recorded " + m.id() + " as applied (not run): its history row was missing");
                }
                return changes;
            } finally {
                dialect.releaseMigratorLock(c);
                if (db.pooled()) {
                    dialect.resetSession(c);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("database error while repairing: " + e.getMessage(), e);
        }
    }
}
