package dev.bellows.instances;

import dev.bellows.model.Release;
import dev.bellows.run.ContractGuard;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The contract gate: {@code contract(N)} would break every live instance that still runs a release
 * older than N. One line per such instance (id, host, pid, release, last heartbeat).
 */
public final class LiveInstancesGuard implements ContractGuard {

    private final InstanceRegistry registry;

    public LiveInstancesGuard(InstanceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<String> blockers(Connection connection, Release target) throws SQLException {
        return registry.liveOlderThan(connection, target).stream().map(Instance::describe).toList();
    }
}
