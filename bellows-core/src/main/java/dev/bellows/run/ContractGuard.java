package dev.bellows.run;

import dev.bellows.model.Release;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Asked before {@code contract(N)} runs. Returns one line per reason that contract(N) would break
 * something still running (e.g. a live instance of a release older than N); empty when it is safe.
 */
@FunctionalInterface
public interface ContractGuard {

    List<String> blockers(Connection connection, Release target) throws SQLException;

    ContractGuard NONE = (c, r) -> List.of();

    /** This guard's blockers followed by {@code other}'s. */
    default ContractGuard and(ContractGuard other) {
        return (c, r) -> {
            List<String> all = new java.util.ArrayList<>(blockers(c, r));
            all.addAll(other.blockers(c, r));
            return all;
        };
    }
}
