package dev.bellows.verify;

import dev.bellows.db.Dialect;
import dev.bellows.model.Migration;
import dev.bellows.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs migrations on the shadow database and observes each statement. A migration whose
 * statements can all run in a transaction runs in one (as the runner does), so locks are held
 * until its COMMIT; otherwise each statement runs alone.
 */
final class ShadowExecutor {

    private final ShadowProbe probe;
    private final ShadowConnector connector;
    private final Connection connection;

    ShadowExecutor(ShadowProbe probe, ShadowConnector connector, Connection connection) {
        this.probe = probe;
        this.connector = connector;
        this.connection = connection;
    }

    /** The observation of one migration, the catalog after it, and notes on how it ran. */
    record Applied(MigrationObservation observation, CatalogSnapshot after, List<String> notes) {
    }

    /** A statement's observation before its locks' hold times are known (at COMMIT). */
    private record Raw(SqlStatement statement, boolean transactional, long start, long end,
                       List<SchemaChange> changes, ShadowProbe.Effects effects, String error) {
    }

    Applied apply(Migration migration, CatalogSnapshot before) throws SQLException {
        Dialect dialect = probe.dialect();
        boolean oneTransaction = dialect.transactionalDdl()
                && migration.statements().stream().allMatch(dialect::canRunInTransaction);
        long started = System.nanoTime();
        List<StatementObservation> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        CatalogSnapshot current = before;
        if (oneTransaction) {
            Unit unit = runUnitRetrying(migration, migration.statements(), current, notes);
            out.addAll(unit.observations());
            current = unit.after();
        } else {
            for (SqlStatement s : migration.statements()) {
                Unit unit = dialect.transactionalDdl() && dialect.canRunInTransaction(s)
                        ? runUnitRetrying(migration, List.of(s), current, notes) : runAlone(s, current);
                out.addAll(unit.observations());
                current = unit.after();
                if (unit.failed()) {
                    break;
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Applied(new MigrationObservation(migration, out, millis), current, notes);
    }

    private record Unit(List<StatementObservation> observations, CatalogSnapshot after) {
        boolean failed() {
            return observations.stream().anyMatch(StatementObservation::failed);
        }

        Optional<StatementObservation> failure() {
            return observations.stream().filter(StatementObservation::failed).findFirst();
        }
    }

    /**
     * A transaction that failed on the data (an integrity constraint, SQLSTATE class 23, or a data
     * exception, class 22) while rows generated for {@code --rows} are in the database may have
     * failed only because of them: generated values need not satisfy a constraint that a later
     * migration adds. It was rolled back, so the generated rows are removed and it runs once more:
     * if it passes now, that run is the one judged and a note says so; if it fails again, the
     * failure is real and reported as such.
     */
    private Unit runUnitRetrying(Migration migration, List<SqlStatement> statements, CatalogSnapshot before,
                                 List<String> notes) throws SQLException {
        Unit unit = runUnit(statements, before);
        Optional<StatementObservation> failure = unit.failure();
        if (failure.isEmpty() || !failedOnData(failure.get().error())) {
            return unit;
        }
        long removed = probe.removeGeneratedRows(connection);
        if (removed == 0) {
            return unit;
        }
        String where = migration.displayPath() + ":" + failure.get().statement().line();
        Unit again = runUnit(statements, before);
        if (again.failed()) {
            notes.add("--rows: " + where + " failed on the generated rows and again after Bellows removed the ones "
                    + "it could still find (" + String.format("%,d", removed) + " rows): the failure is real, or "
                    + "caused by generated rows that earlier migrations changed; check it with realistic rows "
                    + "(--seed RELEASE=FILE)");
            return again;
        }
        notes.add("--rows: " + where + " failed on the generated rows (" + failure.get().error() + "); generated "
                + "values need not satisfy what later migrations require, so Bellows removed them ("
                + String.format("%,d", removed) + " rows), ran the migration again and it passed: it and the rest of "
                + "release " + migration.release().name() + " were verified without generated rows. To verify it on "
                + "data, give realistic rows with --seed RELEASE=FILE.");
        return again;
    }

    private static boolean failedOnData(String error) {
        return error != null && (error.startsWith("SQLSTATE 23") || error.startsWith("SQLSTATE 22"));
    }

    /** Statements in one transaction, probed before COMMIT. */
    private Unit runUnit(List<SqlStatement> statements, CatalogSnapshot before) throws SQLException {
        List<Raw> raws = new ArrayList<>();
        CatalogSnapshot current = before;
        connection.setAutoCommit(false);
        try {
            for (SqlStatement s : statements) {
                ShadowProbe.StatementProbe p = probe.start(connection, true, connector);
                long start = System.nanoTime();
                String error = execute(s);
                long end = System.nanoTime();
                if (error != null) {
                    raws.add(new Raw(s, true, start, end, List.of(), ShadowProbe.Effects.none(), error));
                    connection.rollback();
                    return new Unit(finish(raws, 0), before);
                }
                ShadowProbe.Effects effects = p.finish(connection);
                CatalogSnapshot after = probe.snapshot(connection);
                raws.add(new Raw(s, true, start, end, probe.diff(current, after), effects, null));
                current = after;
            }
            long commitStart = System.nanoTime();
            connection.commit();
            return new Unit(finish(raws, System.nanoTime() - commitStart), current);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** One statement outside any transaction (e.g. CREATE INDEX CONCURRENTLY), locks sampled. */
    private Unit runAlone(SqlStatement s, CatalogSnapshot before) throws SQLException {
        ShadowProbe.StatementProbe p = probe.start(connection, false, connector);
        long start = System.nanoTime();
        String error = execute(s);
        long end = System.nanoTime();
        ShadowProbe.Effects effects = p.finish(connection);
        CatalogSnapshot after = probe.snapshot(connection);
        Raw raw = new Raw(s, false, start, end, probe.diff(before, after),
                error == null ? effects : ShadowProbe.Effects.none(), error);
        return new Unit(finish(List.of(raw), 0), after);
    }

    private String execute(SqlStatement s) {
        try (Statement st = connection.createStatement()) {
            st.execute(dev.bellows.data.BoundStatement.wholeRange(s));
            return null;
        } catch (SQLException e) {
            return (e.getSQLState() == null ? "" : "SQLSTATE " + e.getSQLState() + ": ") + e.getMessage();
        }
    }

    /**
     * Turns raw observations into final ones. A lock taken inside a transaction is held from the
     * statement that first took it in that mode until COMMIT; the time the probes themselves spent
     * between statements is left out, so the figure is what the migration alone would hold.
     */
    private static List<StatementObservation> finish(List<Raw> raws, long commitNanos) {
        long[] workFrom = new long[raws.size() + 1];
        workFrom[raws.size()] = commitNanos;
        for (int i = raws.size() - 1; i >= 0; i--) {
            workFrom[i] = workFrom[i + 1] + (raws.get(i).end() - raws.get(i).start());
        }
        Map<String, ShadowProbe.SeenLock> strongest = new HashMap<>();
        Map<String, Integer> since = new HashMap<>();
        List<StatementObservation> out = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            List<LockObservation> locks = new ArrayList<>();
            for (ShadowProbe.SeenLock l : r.effects().locks().values()) {
                if (l.sampledMillis() >= 0) {
                    locks.add(new LockObservation(l.relation(), l.name(), l.mode(), l.sampledMillis(), true, true));
                    continue;
                }
                ShadowProbe.SeenLock old = strongest.get(l.relation());
                boolean taken = old == null || l.mode().compareTo(old.mode()) > 0;
                if (taken) {
                    strongest.put(l.relation(), l);
                    since.put(l.relation(), i);
                }
                locks.add(new LockObservation(l.relation(), l.name(), l.mode(),
                        workFrom[since.get(l.relation())] / 1_000_000, false, taken));
            }
            out.add(new StatementObservation(r.statement(), r.transactional(), (r.end() - r.start()) / 1_000_000,
                    r.changes(), locks, r.effects().rewrites(), r.effects().scans(), r.error()));
        }
        return out;
    }
}
