package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link StatusReport} of a {@link SchemaState}: where each phase stands and what runs next. */
public final class StatusReader {

    private StatusReader() {
    }

    /** The command a refusal tells the user to run ({@code `bellows migrate --to 1.1`}), without "bellows". */
    private static Optional<String> commandNamedIn(String message) {
        int at = message.indexOf("`bellows ");
        return at < 0 ? Optional.empty() : Optional.of(message.substring(at + 9, message.indexOf('`', at + 1)));
    }

    /** The earliest (release, phase) with pending files, in release order, then phase order. */
    static Optional<Step> firstPending(SchemaState state) {
        for (Release r : state.migrations().releases()) {
            for (Phase p : Phase.values()) {
                List<Migration> pending = state.pending(r, p);
                if (!pending.isEmpty()) {
                    return Optional.of(new Step(r, p, pending));
                }
            }
        }
        return Optional.empty();
    }

    public static StatusReport read(SchemaState state, List<String> contractBlockers) {
        List<StatusReport.ReleaseRow> rows = new ArrayList<>();
        for (Release r : state.migrations().releases()) {
            Map<Phase, StatusReport.PhaseCell> cells = new EnumMap<>(Phase.class);
            for (Phase p : Phase.values()) {
                List<Migration> files = state.migrations().of(r, p);
                int applied = 0;
                int partial = 0;
                int failed = 0;
                for (Migration m : files) {
                    switch (state.status(m)) {
                        case APPLIED -> applied++;
                        case PARTIAL -> partial++;
                        case FAILED -> failed++;
                        default -> { }
                    }
                }
                cells.put(p, new StatusReport.PhaseCell(files.size(), applied, partial, failed));
            }
            rows.add(new StatusReport.ReleaseRow(r, cells));
        }
        Optional<String> next = Optional.empty();
        String reason = "every migration is applied";
        try {
            state.validate();
            Optional<Step> first = firstPending(state);
            if (first.isPresent()) {
                Step step = first.get();
                Command command = Command.valueOf(step.phase().name());
                Plan plan = Planner.plan(command, step.release(), state);
                if (plan.refusal().isPresent()) {
                    reason = plan.refusal().get();
                    next = Optional.of(commandNamedIn(reason).orElse(command.id()));
                } else if (command == Command.CONTRACT && !contractBlockers.isEmpty()) {
                    next = Optional.of("contract --to " + step.release());
                    reason = "contract " + step.release() + " is pending but blocked: "
                            + String.join("; ", contractBlockers);
                } else {
                    next = Optional.of(command.id() + " --to " + step.release());
                    reason = step + " has " + step.pending().size() + " pending file"
                            + (step.pending().size() == 1 ? "" : "s");
                }
            }
        } catch (RefusedException e) {
            // The files and the history disagree: the refusal says what to do (repair, or fix a file).
            reason = e.getMessage();
            next = Optional.of(commandNamedIn(reason).orElse("status"));
        }
        Optional<String> baseline = state.baselineRow().map(b -> b.release() + " (every release up to it taken over "
                + "as applied on " + b.startedAt() + " by " + b.appliedBy() + "@" + b.host() + ")");
        return new StatusReport(rows, contractBlockers, next, reason, Map.of(), baseline);
    }
}
