package dev.bellows.data;

import java.sql.SQLException;

/**
 * Runs work in one transaction on the migrator's connection, committing it, and retrying when it
 * hit the lock timeout (the runner supplies this, with its lock-timeout policy).
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(String what, Work<T> work) throws SQLException;

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }
}
