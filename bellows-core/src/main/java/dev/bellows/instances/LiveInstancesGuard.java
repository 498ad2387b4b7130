package dev.bellows.instances;

import dev.bellows.model.Release;
import dev.bellows.run.ContractGuard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The contract gate: {@code contract(N)} would break every live instance that still runs a release
 * older than N. One line per such instance (id, host, pid, release, last heartbeat), oldest release
 * first; empty when contract is safe (also when no instance ever registered).
 */
public final class LiveInstancesGuard implements ContractGuard {

    /** Null: take the dialect from each connection's JDBC URL. */
    private final InstanceRegistry registry;

    /** A guard that takes the dialect from the connection it is given. */
    public LiveInstancesGuard() {
        this(null);
    }

    public LiveInstancesGuard(InstanceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<String> blockers(Connection connection, Release target) throws SQLException {
        InstanceRegistry r = registry != null ? registry : InstanceRegistry.forConnection(connection);
        return r.liveOlderThan(connection, target).stream().map(Instance::describe).toList();
    }
}
