package dev.bellows.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** A Java {@link DataMigration}: {@code migrateBatch} is called until it returns 0. */
public final class JavaWork implements BatchWork {

    private final DataMigration migration;
    private long doneBefore;
    private boolean done;

    public JavaWork(DataMigration migration) {
        this.migration = migration;
    }

    @Override
    public void begin(Connection c, Optional<BatchCheckpoint> saved) {
        done = false;
        doneBefore = saved.map(BatchCheckpoint::rows).orElse(0L);
    }

    @Override
    public BatchResult batch(Connection c, int size) throws SQLException {
        return new BatchResult(migration.migrateBatch(c, size), 0);
    }

    @Override
    public void advance(BatchResult committed) {
        done = committed.changedNothing();
        doneBefore += Math.max(0, committed.rows());
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public BatchCheckpoint checkpoint(BatchResult batch, long rowsBefore, long batchesBefore, int size) {
        return new BatchCheckpoint(null, 0, null, null, null, rowsBefore + Math.max(0, batch.rows()),
                batchesBefore + (batch.changedNothing() ? 0 : 1), size);
    }

    @Override
    public boolean cheapFraction() {
        return false;
    }

    @Override
    public double fraction(Connection c) throws SQLException {
        long remaining = migration.remaining(c);
        if (remaining < 0) {
            return -1;
        }
        long total = doneBefore + remaining;
        return total == 0 ? 1.0 : (double) doneBefore / total;
    }
}
