package dev.bellows.maven;

import dev.bellows.ConfigurationException;
import dev.bellows.run.Command;
import dev.bellows.run.RunOptions;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the contract phase (destructive clean-up) of every release up to {@code to}. Refused until
 * expand and migrate of that release are complete and no live instance runs an older release, and
 * while release N's query manifest uses what contract(N) drops.
 * Example: {@code mvn bellows:contract -Dbellows.url=jdbc:postgresql://localhost/app -Dbellows.to=1.1}
 */
@Mojo(name = "contract", requiresProject = false, threadSafe = true)
public class ContractMojo extends AbstractApplyMojo {

    /** Contract even though live instances of older releases would break; needs {@code confirm}. */
    @Parameter(property = "bellows.force", defaultValue = "false")
    boolean force;

    /** Confirms {@code force}. */
    @Parameter(property = "bellows.confirm", defaultValue = "false")
    boolean confirm;

    @Override
    Command command() {
        return Command.CONTRACT;
    }

    @Override
    RunOptions runOptions(dev.bellows.config.Settings s) {
        if (force && !confirm) {
            throw new ConfigurationException("-Dbellows.force breaks running instances of older releases; add "
                    + "-Dbellows.confirm to say you mean it");
        }
        RunOptions o = super.runOptions(s);
        dev.bellows.sql.SqlSyntax syntax = s.connection().dialect().syntax();
        // release N's query manifest blocks contract(N) while it uses what contract(N) drops
        dev.bellows.run.ContractGuard manifests = new dev.bellows.queries.ManifestContractGuard(
                dev.bellows.load.MigrationLoader.load(location(s), syntax), queryManifests(location(s), syntax), syntax);
        return o.withContractGuard(o.contractGuard().and(manifests), force);
    }
}
