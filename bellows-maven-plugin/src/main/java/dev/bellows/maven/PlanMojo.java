package dev.bellows.maven;

import dev.bellows.Bellows;
import dev.bellows.ConfigurationException;
import dev.bellows.model.Migration;
import dev.bellows.model.Release;
import dev.bellows.run.Command;
import dev.bellows.run.Plan;
import dev.bellows.run.SchemaState;
import dev.bellows.run.Step;
import dev.bellows.sql.SqlStatement;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the pending steps and their SQL, in the order they would run, without running anything.
 * Example: {@code mvn bellows:plan -Dbellows.url=jdbc:postgresql://localhost/app -Dbellows.command=upgrade}
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractBellowsMojo {

    /** expand, migrate, contract or upgrade; empty for expand, migrate and contract. */
    @Parameter(property = "bellows.command")
    String command;

    /** Plan up to this release (default: the newest). */
    @Parameter(property = "bellows.to")
    String to;

    /** Fail the build when a planned step would be refused (e.g. contract before migrate is complete). */
    @Parameter(property = "bellows.failOnRefusal", defaultValue = "false")
    boolean failOnRefusal;

    @Override
    void run() {
        Bellows bellows = bellows();
        SchemaState state = bellows.state();
        Release target = AbstractApplyMojo.release(to);
        List<String> refusals = new ArrayList<>();
        boolean anything = false;
        for (Command c : commands()) {
            Plan plan = bellows.plan(c, target);
            for (Step step : plan.steps()) {
                if (!step.pending().isEmpty()) {
                    anything = true;
                    print(bellows, state, step);
                }
            }
            plan.refusal().ifPresent(r -> {
                getLog().warn("REFUSED: " + r);
                refusals.add(r);
            });
        }
        if (!anything) {
            getLog().info("nothing pending" + (target == null ? "" : " up to " + target));
        }
        if (failOnRefusal && !refusals.isEmpty()) {
            throw new dev.bellows.RefusedException(String.join("\n", refusals));
        }
    }

    private void print(Bellows bellows, SchemaState state, Step step) {
        getLog().info(step + ": " + step.pending().size() + " file" + (step.pending().size() == 1 ? "" : "s"));
        for (Migration m : step.pending()) {
            getLog().info("  " + m.displayPath() + "  [" + bellows.runner().modeOf(m) + ", "
                    + state.status(m).id() + "]");
            for (SqlStatement s : m.statements()) {
                String[] lines = s.sql().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    getLog().info(String.format(Locale.ROOT, "    %4d | %s", s.line() + i, lines[i]));
                }
            }
        }
    }

    private List<Command> commands() {
        if (blankToNull(command) == null) {
            return List.of(Command.EXPAND, Command.MIGRATE, Command.CONTRACT);
        }
        for (Command c : Command.values()) {
            if (c.id().equals(command.trim())) {
                return List.of(c);
            }
        }
        throw new ConfigurationException("unknown command '" + command + "' for bellows:plan: set -Dbellows.command "
                + "to expand, migrate, contract or upgrade");
    }
}
