package dev.bellows.run;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a command into steps and checks the phase order of the rolling-upgrade invariant:
 * migrate(N) needs expand(N); contract(N) needs expand(N) and migrate(N); expand(N+1) needs
 * migrate(N) (the next release's expand may change what a pending migrate reads); expand(N+2) needs
 * contract(N). Steps earlier in the same plan count as done.
 */
public final class Planner {

    private Planner() {
    }

    /**
     * @param to the newest release to apply; null for the newest release that has files
     */
    public static Plan plan(Command command, Release to, SchemaState state) {
        return plan(command.id(), command.phases(), command.releaseByRelease(), to, state);
    }

    /**
     * Plans {@code phases} up to {@code to}: phase by phase (all releases' expand, then migrate, …),
     * or release by release.
     */
    public static Plan plan(String label, List<Phase> phases, boolean releaseByRelease, Release to,
                            SchemaState state) {
        List<Release> releases = releasesUpTo(state, to);
        Set<String> doneInPlan = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        Optional<String> refusal = Optional.empty();
        for (Step candidate : order(phases, releaseByRelease, releases)) {
            Release release = candidate.release();
            Phase phase = candidate.phase();
            List<dev.bellows.model.Migration> pending = state.pending(release, phase);
            if (pending.isEmpty() && state.hasMarker(release, phase)) {
                continue;
            }
            Step step = new Step(release, phase, pending);
            Optional<String> blocked = refusal(step, releases, state, doneInPlan);
            if (pending.isEmpty() && blocked.isPresent()) {
                // Nothing to run, but not reached yet either: no step, so no completion marker is written.
                continue;
            }
            if (refusal.isEmpty()) {
                refusal = blocked;
            }
            steps.add(step);
            doneInPlan.add(key(release, phase));
        }
        return new Plan(label, steps, refusal);
    }

    /** The (release, phase) pairs a command visits, in order, before history is consulted. */
    private static List<Step> order(List<Phase> phases, boolean releaseByRelease, List<Release> releases) {
        List<Step> out = new ArrayList<>();
        if (releaseByRelease) {
            for (Release release : releases) {
                phases.forEach(phase -> out.add(new Step(release, phase, List.of())));
            }
        } else {
            for (Phase phase : phases) {
                releases.forEach(release -> out.add(new Step(release, phase, List.of())));
            }
        }
        return out;
    }

    private static List<Release> releasesUpTo(SchemaState state, Release to) {
        TreeSet<Release> all = new TreeSet<>(state.migrations().releases());
        if (to != null) {
            all.add(to);
            return List.copyOf(all.headSet(to, true));
        }
        return List.copyOf(all);
    }

    private static Optional<String> refusal(Step step, List<Release> releases, SchemaState state, Set<String> done) {
        Release r = step.release();
        switch (step.phase()) {
            case EXPAND -> {
                int i = releases.indexOf(r);
                if (i >= 1 && !complete(releases.get(i - 1), Phase.MIGRATE, state, done)) {
                    Release previous = releases.get(i - 1);
                    return Optional.of("expand " + r + " needs migrate " + previous + " to be complete first: "
                            + "expand " + r + " may change what migrate " + previous + " reads. Run `bellows upgrade --to "
                            + r + "`, which goes release by release (expand " + previous + ", migrate " + previous
                            + ", then expand " + r + ").");
                }
                if (i >= 2) {
                    Release older = releases.get(i - 2);
                    if (!complete(older, Phase.CONTRACT, state, done)) {
                        return Optional.of("expand " + r + " needs contract " + older + " first: the schema serves "
                                + "two releases at a time. Once every instance runs " + releases.get(i - 1)
                                + ", run `bellows contract --to " + older + "`; or stop at `--to "
                                + releases.get(i - 1) + "`. On a database that no application uses yet (a new "
                                + "development, test or CI database), `bellows upgrade --all-phases` applies every "
                                + "phase, release by release.");
                    }
                }
            }
            case MIGRATE -> {
                if (!complete(r, Phase.EXPAND, state, done)) {
                    return Optional.of("migrate " + r + " needs expand " + r + " first: run `bellows expand --to "
                            + r + "` (or `bellows upgrade --to " + r + "`).");
                }
            }
            case CONTRACT -> {
                if (!complete(r, Phase.EXPAND, state, done)) {
                    return Optional.of("contract " + r + " needs expand " + r + " first: run `bellows expand --to "
                            + r + "`.");
                }
                if (!complete(r, Phase.MIGRATE, state, done)) {
                    return Optional.of("contract " + r + " needs migrate " + r + " to be complete first: run "
                            + "`bellows migrate --to " + r + "`.");
                }
            }
            default -> throw new IllegalStateException(step.phase().id());
        }
        return Optional.empty();
    }

    /**
     * Whether (release, phase) is complete: done earlier in this plan, or all its files applied. A
     * phase without files is complete once it has been marked, or when it could run now (nothing
     * before it is missing); it never counts as complete while what must precede it is pending.
     */
    private static boolean complete(Release r, Phase p, SchemaState state, Set<String> done) {
        if (done.contains(key(r, p))) {
            return true;
        }
        if (!state.migrations().of(r, p).isEmpty()) {
            return state.filesApplied(r, p);
        }
        if (state.hasMarker(r, p)) {
            return true;
        }
        List<Release> releases = releasesUpTo(state, null);
        return refusal(new Step(r, p, List.of()), releases, state, done).isEmpty();
    }

    private static String key(Release r, Phase p) {
        return r.name() + "/" + p.id();
    }
}
