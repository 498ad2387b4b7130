package dev.bellows.cli;

import dev.bellows.Bellows;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;
import dev.bellows.report.Palette;
import dev.bellows.run.Command;
import dev.bellows.run.Plan;
import dev.bellows.run.Planner;
import dev.bellows.run.SchemaState;
import dev.bellows.run.Step;
import dev.bellows.sql.SqlStatement;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.bellows.legacy.LegacyStatus;

@picocli.CommandLine.Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Prints the pending steps and their SQL, in the order they would run, without running "
                + "anything. With no COMMAND: expand, migrate and contract, release by release, each counting the "
                + "ones before it as done. Exit 1 when the command would be refused."},
        footer = {"", "Example:", "  bellows plan upgrade --to 1.2"})
final class PlanCommand extends DatabaseCommand {

    @Parameters(arity = "0..1", paramLabel = "COMMAND", description = "expand, migrate, contract, upgrade, or all (every phase release by release, for a fresh database).")
    String command;

    @Option(names = "--to", paramLabel = "RELEASE", description = "Plan up to this release (default: the newest).")
    String to;

    @Override
    public Integer call() {
        Bellows bellows = bellows();
        Release target = to == null ? null : Release.of(to);
        bellows.migrations().requireKnown(target, "--to");
        SchemaState state = bellows.state();
        state.validate();
        // With no command: every phase, each counting the ones before it as done.
        Plan plan = command == null
                ? Planner.plan("plan", List.of(Phase.EXPAND, Phase.MIGRATE, Phase.CONTRACT), true, target, state)
                : Planner.plan(parse(command), target, state);
        PrintWriter out = out();
        // on a terminal: REFUSED in red, nothing pending in green, the SQL's line numbers dim
        Palette palette = BellowsCli.palette(parent);
        boolean anything = false;
        Optional<LegacyStatus> legacy = bellows.legacyStatus();
        if (legacy.isPresent()) {
            LegacyStatus l = legacy.get();
            if (!l.problems().isEmpty()) {
                out.println(palette.bad("REFUSED") + ": the legacy " + l.engine() + " history (" + l.table()
                        + ") has " + String.join("; ", l.problems()));
                return 1;
            }
            boolean recorded = state.baselineRow().map(r -> !r.appliedBy().isEmpty()).orElse(false);
            if (!recorded) {
                anything = true;
                out.println("legacy " + l.engine() + ": " + l.pending().size() + " pending, run by " + l.engine()
                        + " itself; then baseline " + state.baseline().orElseThrow() + " is recorded");
                l.pending().forEach(p -> out.println("  " + p));
            } else if (!l.pending().isEmpty()) {
                out.println(palette.bad("REFUSED") + ": the legacy " + l.engine() + " history has new entries ("
                        + String.join(", ", l.pending()) + ") after the baseline " + state.baseline().orElseThrow()
                        + "; put new changes into a Bellows release instead");
                return 1;
            }
        }
        for (Step step : plan.steps()) {
            if (step.pending().isEmpty()) {
                continue;
            }
            anything = true;
            out.println(step + ": " + step.pending().size() + " file" + (step.pending().size() == 1 ? "" : "s"));
            for (Migration m : step.pending()) {
                out.println("  " + m.displayPath() + "  [" + bellows.runner().modeOf(m) + ", "
                        + state.status(m).id() + "]");
                for (SqlStatement s : m.statements()) {
                    String[] lines = s.sql().split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        out.println("    " + palette.dim(String.format(Locale.ROOT, "%4d |", s.line() + i)) + " "
                                + lines[i]);
                    }
                }
            }
        }
        if (!anything) {
            out.println(palette.good("nothing pending" + (target == null ? "" : " up to " + target)));
        }
        if (plan.refusal().isPresent()) {
            out.println(palette.bad("REFUSED") + ": " + plan.refusal().get());
            return 1;
        }
        return 0;
    }

    static Command parse(String name) {
        for (Command c : Command.values()) {
            if (c.id().equals(name)) {
                return c;
            }
        }
        throw new dev.bellows.ConfigurationException("unknown command '" + name
                + "' for plan: use expand, migrate, contract, upgrade or all");
    }
}
