package dev.bellows.spring;

import dev.bellows.data.BatchEvent;
import dev.bellows.instances.Instance;
import dev.bellows.instances.InstanceRegistry;
import dev.bellows.model.Phase;
import dev.bellows.run.StatusReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /actuator/bellows}: releases × phases, live instances per release, whether contract is safe,
 * a waiting automatic contract, and the batches this instance is running with their progress. The same
 * facts as {@code bellows status}, as JSON. Expose it with {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "bellows")
public class BellowsEndpoint {

    private final BellowsMigrator bellows;

    public BellowsEndpoint(BellowsMigrator bellows) {
        this.bellows = bellows;
    }

    @ReadOperation
    public Map<String, Object> bellows() {
        StatusReport report = bellows.bellows().status();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("release", bellows.release().name());
        root.put("instance", bellows.instance() == null ? null : bellows.instance().id());
        List<Map<String, Object>> releases = new ArrayList<>();
        for (StatusReport.ReleaseRow row : report.releases()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("release", row.release().name());
            for (Phase p : Phase.values()) {
                r.put(p.id(), row.phases().get(p).label());
            }
            releases.add(r);
        }
        root.put("releases", releases);
        root.put("liveInstancesPerRelease", report.liveInstances());
        root.put("liveInstances", liveInstances());
        root.put("contractSafe", report.contractSafe());
        root.put("contractBlockers", report.contractBlockers());
        root.put("next", report.next().orElse(null));
        root.put("reason", report.reason());
        root.put("contract", bellows.properties().getContract().name().toLowerCase(Locale.ROOT));
        java.util.Optional<dev.bellows.instances.PendingContract> pending = bellows.bellows().pendingAutoContract();
        Instant databaseNow = pending.isPresent() ? bellows.bellows().databaseNow() : null;
        pending.ifPresent(p -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("release", p.release().name());
            a.put("pendingSince", p.since().toString());
            a.put("due", p.due().toString());
            a.put("startedBy", p.decidedBy());
            a.put("text", p.describe(databaseNow));
            root.put("automaticContract", a);
        });
        root.put("migrate", bellows.migrateState());
        List<Map<String, Object>> batches = new ArrayList<>();
        for (BatchEvent e : bellows.runningBatches().values()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("migration", e.migration());
            b.put("statement", e.statement());
            b.put("rows", e.rows());
            b.put("batches", e.batches());
            b.put("batchSize", e.batchSize());
            b.put("rowsPerSecond", Math.round(e.rowsPerSecond()));
            b.put("fraction", e.fraction());
            b.put("etaSeconds", e.etaSeconds());
            batches.add(b);
        }
        root.put("runningBatches", batches);
        return root;
    }

    private List<Map<String, Object>> liveInstances() {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = bellows.dataSource().getConnection()) {
            for (Instance i : new InstanceRegistry(bellows.bellows().runner().dialect()).live(c)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", i.id());
                m.put("release", i.release());
                m.put("host", i.host());
                m.put("pid", i.pid());
                m.put("heartbeatAt", String.valueOf(i.heartbeatAt()));
                out.add(m);
            }
        } catch (SQLException e) {
            out.add(Map.of("error", "cannot read " + InstanceRegistry.TABLE + ": " + e.getMessage()));
        }
        return out;
    }
}
