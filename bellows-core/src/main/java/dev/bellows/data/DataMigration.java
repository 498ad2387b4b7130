package dev.bellows.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A data migration written in Java, for the migrate phase. Bellows calls {@link #migrateBatch}
 * again and again, each call in its own transaction that also records the progress, until it
 * returns 0; the batch size adapts toward the target batch duration.
 *
 * <p>Found by convention: a public class with a public no-argument constructor in package
 * {@code db.migrations.v<release with _ for .>.<phase>} named {@code M<number>_<Description>}, e.g.
 * {@code db.migrations.v1_3.migrate.M002_BackfillPrices} is file number 2 of {@code 1.3/migrate}.
 *
 * <p>Each batch must be idempotent and make progress on its own: select the next rows that still
 * need the change (e.g. {@code WHERE price_cents IS NULL ... LIMIT batchSize}), change them, return
 * how many. A batch that was interrupted is rolled back and simply done again.
 */
public interface DataMigration {

    /** Migrates at most about {@code batchSize} rows; returns how many it changed, 0 when nothing is left. */
    int migrateBatch(Connection connection, int batchSize) throws SQLException;

    /** How many rows are left, for the progress bar's ETA; -1 when unknown (the default). */
    default long remaining(Connection connection) throws SQLException {
        return -1;
    }
}
