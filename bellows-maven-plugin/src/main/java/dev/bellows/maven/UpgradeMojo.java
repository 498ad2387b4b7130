package dev.bellows.maven;

import dev.bellows.run.Command;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Everything that is safe before and during a rollout: expand, then migrate, of every release up to {@code to}.
 * Example: {@code mvn bellows:upgrade -Dbellows.url=jdbc:postgresql://localhost/app -Dbellows.to=1.1}
 */
@Mojo(name = "upgrade", requiresProject = false, threadSafe = true)
public class UpgradeMojo extends AbstractApplyMojo {

    @Override
    Command command() {
        return Command.UPGRADE;
    }
}
