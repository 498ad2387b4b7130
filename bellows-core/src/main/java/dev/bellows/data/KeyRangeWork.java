package dev.bellows.data;

import dev.bellows.db.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A keyed batch statement walked over key ranges: {@code [min, max]} of the key is read once when
 * the walk starts (rows inserted later with larger keys are the application's, written by the new
 * release or a sync trigger), then each batch runs the statement with {@code :from} / {@code :to}
 * bound to one half-open range {@code [from, from + size)}, so every batch is an index range scan
 * and no key is held in memory. Each range is visited once; the checkpoint stores the next range's
 * start with the batch.
 */
public final class KeyRangeWork implements BatchWork {

    private final BoundStatement statement;
    private final KeyedSpec spec;
    private final Dialect dialect;
    private long start;
    private long next;
    private long end;

    public KeyRangeWork(BoundStatement statement, KeyedSpec spec, Dialect dialect) {
        this.statement = statement;
        this.spec = spec;
        this.dialect = dialect;
    }

    @Override
    public void begin(Connection c, Optional<BatchCheckpoint> saved) throws SQLException {
        if (saved.isPresent() && saved.get().endKey() != null) {
            start = saved.get().startKey();
            next = saved.get().nextKey();
            end = saved.get().endKey();
            return;
        }
        String k = spec.key(); // a validated identifier as written, so the database folds it like the statement
        String sql = "SELECT min(" + k + "), max(" + k + ") FROM " + spec.quotedTable(dialect);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            Object min = rs.getObject(1);
            if (min == null) {
                start = next = end = 0; // empty table: nothing to walk
                return;
            }
            if (!(min instanceof Number) || min instanceof Double || min instanceof Float
                    || min instanceof java.math.BigDecimal && ((java.math.BigDecimal) min).scale() > 0) {
                throw new BatchDefinitionException(statement.where(), 0, "keyed batches need an integer key "
                        + "column; " + spec.display() + " holds " + min.getClass().getSimpleName()
                        + " values. Use an integer key (usually the primary key) in -- bellows:keyed");
            }
            start = next = rs.getLong(1);
            end = rs.getLong(2) + 1;
        }
    }

    /** Range bounds as of now: [start, end) with next the first key not done. */
    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long next() {
        return next;
    }

    @Override
    public BatchResult batch(Connection c, int size) throws SQLException {
        long to = Math.min(end, next + Math.max(1, size));
        long rows = statement.execute(c, next, to, size);
        return new BatchResult(Math.max(0, rows), to);
    }

    @Override
    public void advance(BatchResult committed) {
        next = committed.nextKey();
    }

    @Override
    public boolean done() {
        return next >= end;
    }

    @Override
    public BatchCheckpoint checkpoint(BatchResult batch, long rowsBefore, long batchesBefore, int size) {
        return new BatchCheckpoint(null, 0, start, batch.nextKey(), end, rowsBefore + batch.rows(),
                batchesBefore + 1, size);
    }

    @Override
    public double fraction(Connection c) {
        return end <= start ? 1.0 : (double) (next - start) / (end - start);
    }
}
