package dev.bellows.maven;

import dev.bellows.run.Command;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the migrate phase (online data migration in batches) of every release up to {@code to}; needs expand
 * of that release.
 * Example: {@code mvn bellows:migrate -Dbellows.url=jdbc:postgresql://localhost/app -Dbellows.to=1.1}
 */
@Mojo(name = "migrate", requiresProject = false, threadSafe = true)
public class MigrateMojo extends AbstractApplyMojo {

    @Override
    Command command() {
        return Command.MIGRATE;
    }
}
