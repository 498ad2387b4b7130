package dev.bellows.spring;

import dev.bellows.instances.AutoContractTable;
import dev.bellows.instances.StartupGuard;
import dev.bellows.instances.StartupRefusal;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The health of Bellows in this instance, independent of Boot's health API (which Boot 4 moved): DOWN
 * only when the schema does not serve this instance's release (its expand is not applied, or a newer
 * contract removed what it needs); UP with details otherwise. A readiness probe on it keeps traffic away
 * from an instance the schema cannot serve.
 */
final class BellowsHealth {

    private final BellowsMigrator bellows;

    BellowsHealth(BellowsMigrator bellows) {
        this.bellows = bellows;
    }

    /** Whether the schema serves this release, and the details to show. */
    record Result(boolean up, Map<String, Object> details) {
    }

    Result check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("release", bellows.release().name());
        if (bellows.instance() != null) {
            details.put("instance", bellows.instance().id());
            details.put("heartbeatFailures", bellows.instance().consecutiveFailures());
        }
        details.put("startup", bellows.properties().getStartup().name().toLowerCase(java.util.Locale.ROOT));
        details.put("migrate", bellows.migrateState());
        details.put("contract", bellows.properties().getContract().name().toLowerCase(java.util.Locale.ROOT));
        Optional<StartupRefusal> refusal;
        try (Connection c = dataSource().getConnection()) {
            refusal = new StartupGuard(bellows.bellows().runner().dialect()).check(c, bellows.release());
            // on the same connection: a pool of one must not wait for itself
            Optional<dev.bellows.instances.PendingContract> pending =
                    new AutoContractTable(bellows.bellows().runner().dialect()).read(c);
            if (pending.isPresent()) {
                java.time.Instant now = new dev.bellows.instances.InstanceRegistry(bellows.bellows().runner().dialect())
                        .databaseNow(c);
                details.put("automaticContract", pending.get().describe(now));
            }
        } catch (Exception e) {
            // The database's own health indicator reports an unreachable database; this one reports the schema.
            details.put("error", "cannot read the schema history: " + e.getMessage());
            return new Result(true, details);
        }
        refusal.ifPresent(r -> details.put("reason", r.message()));
        return new Result(refusal.isEmpty(), details);
    }

    private DataSource dataSource() {
        return bellows.dataSource();
    }
}
