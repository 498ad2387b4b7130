package dev.bellows.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A batch statement repeated until it changes no rows (the classic form: it selects its own next
 * rows, e.g. {@code WHERE isbn IS NULL ... LIMIT 1000}). With a {@code :batch_size} placeholder the
 * limit adapts to the target batch duration.
 */
public final class RepeatedStatement implements BatchWork {

    private final BoundStatement statement;
    private boolean done;

    public RepeatedStatement(BoundStatement statement) {
        this.statement = statement;
    }

    @Override
    public void begin(Connection c, Optional<BatchCheckpoint> saved) {
        done = false;
    }

    @Override
    public BatchResult batch(Connection c, int size) throws SQLException {
        return new BatchResult(statement.execute(c, 0, 0, size), 0);
    }

    @Override
    public void advance(BatchResult committed) {
        done = committed.changedNothing();
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
    public double fraction(Connection c) {
        return -1;
    }

    /** Only a statement with {@code :batch_size} has a size to adapt. */
    @Override
    public boolean adapts() {
        return statement.has(BoundStatement.Param.BATCH_SIZE);
    }
}
