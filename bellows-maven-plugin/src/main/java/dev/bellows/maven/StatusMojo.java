package dev.bellows.maven;

import dev.bellows.model.Phase;
import dev.bellows.run.StatusReport;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shows releases × phases (applied, pending, partial, failed), whether contract is safe now, and the
 * next command to run. Example: {@code mvn bellows:status -Dbellows.url=jdbc:postgresql://localhost/app}
 */
@Mojo(name = "status", requiresProject = false, threadSafe = true)
public class StatusMojo extends AbstractBellowsMojo {

    @Override
    void run() {
        StatusReport report = bellows().status();
        getLog().info(String.format(Locale.ROOT, "%-10s %-16s %-16s %-16s", "release", "expand", "migrate",
                "contract"));
        for (StatusReport.ReleaseRow row : report.releases()) {
            getLog().info(String.format(Locale.ROOT, "%-10s %-16s %-16s %-16s", row.release(),
                    row.phases().get(Phase.EXPAND).label(), row.phases().get(Phase.MIGRATE).label(),
                    row.phases().get(Phase.CONTRACT).label()));
        }
        getLog().info("contract safe: " + (report.contractSafe() ? "yes"
                : "no (" + String.join("; ", report.contractBlockers()) + ")"));
        getLog().info("live instances: " + (report.liveInstances().isEmpty() ? "none registered"
                : report.liveInstances().entrySet().stream().map(e -> e.getValue() + " of release " + e.getKey())
                .collect(Collectors.joining(", "))));
        getLog().info("next: " + report.next().map(n -> goal(n) + " (" + report.reason() + ")")
                .orElse("nothing, up to date"));
    }
}
