package dev.bellows.run;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Releases × phases, what blocks contract, and the next command to run.
 *
 * @param releases         one row per release, oldest first
 * @param contractBlockers why contract is not safe now (live old instances), empty when it is
 * @param next             the next command a deploy pipeline should run, empty when up to date
 * @param reason           why that is the next step, or what blocks it
 * @param liveInstances    live registered instances per release
 * @param baseline         the baseline Bellows took over at, with who recorded it, when and where; empty if none
 */
public record StatusReport(List<ReleaseRow> releases, List<String> contractBlockers, Optional<String> next,
                           String reason, Map<String, Integer> liveInstances, Optional<String> baseline) {

    public StatusReport {
        releases = List.copyOf(releases);
        contractBlockers = List.copyOf(contractBlockers);
        liveInstances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(liveInstances));
    }

    public StatusReport(List<ReleaseRow> releases, List<String> contractBlockers, Optional<String> next,
                        String reason, Map<String, Integer> liveInstances) {
        this(releases, contractBlockers, next, reason, liveInstances, Optional.empty());
    }

    /** The same report with the count of live instances per release (oldest release first). */
    public StatusReport withLiveInstances(Map<String, Integer> perRelease) {
        return new StatusReport(releases, contractBlockers, next, reason, perRelease, baseline);
    }

    public StatusReport withBaseline(Optional<String> description) {
        return new StatusReport(releases, contractBlockers, next, reason, liveInstances, description);
    }

    public StatusReport withNext(Optional<String> command, String why) {
        return new StatusReport(releases, contractBlockers, command, why, liveInstances, baseline);
    }

    public boolean upToDate() {
        return next.isEmpty();
    }

    public boolean contractSafe() {
        return contractBlockers.isEmpty();
    }

    /** One release's phases. */
    public record ReleaseRow(Release release, Map<Phase, PhaseCell> phases) {
    }

    /** One phase of one release: how many files, and how many are applied, partial or failed. */
    public record PhaseCell(int files, int applied, int partial, int failed) {

        public String label() {
            if (files == 0) {
                return "-";
            }
            if (failed > 0) {
                return "FAILED " + applied + "/" + files;
            }
            if (partial > 0) {
                return "partial " + applied + "/" + files;
            }
            return (applied == files ? "applied " : "pending ") + applied + "/" + files;
        }

        public boolean complete() {
            return applied == files;
        }
    }
}
