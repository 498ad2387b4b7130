package dev.bellows.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One resumable unit of batched work: a SQL statement repeated until it changes no rows, a keyed
 * statement walked over key ranges, or a Java {@link DataMigration}. {@link #batch} does one batch
 * inside the caller's transaction and must not change this object's state; {@link #advance} is called
 * only after that transaction committed.
 */
public sealed interface BatchWork permits RepeatedStatement, KeyRangeWork, JavaWork {

    /** Prepares the work, continuing from {@code saved} when an earlier run was interrupted. */
    void begin(Connection c, Optional<BatchCheckpoint> saved) throws SQLException;

    /** Runs one batch of about {@code size} (rows, or key span for keyed work). */
    BatchResult batch(Connection c, int size) throws SQLException;

    /** The batch's transaction committed: move past it. */
    void advance(BatchResult committed);

    boolean done();

    /** The checkpoint to store with a batch (in the batch's transaction). */
    BatchCheckpoint checkpoint(BatchResult batch, long rowsBefore, long batchesBefore, int size);

    /** Done fraction 0..1, or -1 when unknown. */
    double fraction(Connection c) throws SQLException;

    /** Whether {@link #fraction} costs no query (then it is read after every batch). */
    default boolean cheapFraction() {
        return true;
    }

    /** Whether the batch size matters, so that it should adapt to the batch duration. */
    default boolean adapts() {
        return true;
    }

    /** What a batch did. {@code rows} is -1 for a statement that returns a result set (run once). */
    record BatchResult(long rows, long nextKey) {

        public boolean changedNothing() {
            return rows <= 0;
        }
    }
}
