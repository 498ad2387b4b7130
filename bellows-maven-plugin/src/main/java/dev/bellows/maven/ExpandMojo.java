package dev.bellows.maven;

import dev.bellows.run.Command;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Applies the expand phase (additive, backward compatible) of every release up to {@code to}; run it before the
 * new release rolls out.
 * Example: {@code mvn bellows:expand -Dbellows.url=jdbc:postgresql://localhost/app -Dbellows.to=1.1}
 */
@Mojo(name = "expand", requiresProject = false, threadSafe = true)
public class ExpandMojo extends AbstractApplyMojo {

    @Override
    Command command() {
        return Command.EXPAND;
    }
}
