package dev.bellows.maven;

import dev.bellows.RefusedException;
import dev.bellows.run.StatusReport;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * For deploy pipelines: succeeds when nothing is pending or blocking; otherwise fails the build naming the
 * next goal and what blocks it. Example: {@code mvn bellows:check -Dbellows.url=jdbc:postgresql://db/app}
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractBellowsMojo {

    @Override
    void run() {
        StatusReport report = bellows().status();
        if (!report.upToDate()) {
            throw new RefusedException("not up to date: next: " + goal(report.next().orElseThrow()) + "; why: "
                    + report.reason());
        }
        getLog().info("up to date");
    }
}
