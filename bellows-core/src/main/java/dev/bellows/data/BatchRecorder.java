package dev.bellows.data;

import java.sql.Connection;
import java.sql.SQLException;

/** Records a batch elsewhere (the history row) inside the batch's transaction. */
@FunctionalInterface
public interface BatchRecorder {

    BatchRecorder NONE = (c, rows, batches) -> { };

    void record(Connection c, long rows, long batches) throws SQLException;
}
