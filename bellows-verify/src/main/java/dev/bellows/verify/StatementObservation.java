package dev.bellows.verify;

import dev.bellows.sql.SqlStatement;

import java.util.List;
import java.util.Optional;

/**
 * What one statement did on the shadow database.
 *
 * @param statement     the statement as split from its file
 * @param transactional whether it ran inside the migration's transaction (else alone, outside one)
 * @param millis        its own run time
 * @param changes       catalog differences before/after it
 * @param locks         locks on user relations it took or held (strongest per relation)
 * @param rewrites      tables and indexes whose storage it rewrote
 * @param scans         sequential scans of tables that it caused
 * @param error         the database's error when it failed, else null
 */
public record StatementObservation(SqlStatement statement, boolean transactional, long millis,
                                   List<SchemaChange> changes, List<LockObservation> locks,
                                   List<StorageRewrite> rewrites, List<TableScan> scans, String error) {

    public StatementObservation {
        changes = List.copyOf(changes);
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        scans = List.copyOf(scans);
    }

    public Optional<LockObservation> lockOn(String table) {
        return locks.stream().filter(l -> l.relation().equals(table)).findFirst();
    }

    public boolean failed() {
        return error != null;
    }
}
