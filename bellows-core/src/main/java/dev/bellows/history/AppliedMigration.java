package dev.bellows.history;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.time.Instant;

/**
 * One row of {@code bellows_schema_history}: a migration file's progress and outcome, or (with an
 * empty {@code fileName}) the marker that a phase was completed up to a release.
 */
public record AppliedMigration(String migration, Release release, Phase phase, String fileName, String checksum,
                               int statementsTotal, int statementsDone, String doneChecksum, long rowsAffected,
                               long batches, Instant startedAt, Instant finishedAt, Long durationMs,
                               Outcome outcome, String appliedBy, String host, String message) {

    public enum Outcome {
        /** Started and not finished: interrupted, or a batched migration that stopped at --max-batches. */
        RUNNING,
        SUCCESS,
        FAILED,
        /** A phase marker: every migration of this phase up to this release has been applied. */
        COMPLETE,
        /**
         * The row {@code baseline}: every phase of every release up to its release was taken over as
         * applied by {@code bellows baseline}, nothing run.
         */
        BASELINE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome of(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The id of the one row that records a baseline. */
    public static final String BASELINE_ID = "baseline";

    public boolean isBaseline() {
        return outcome == Outcome.BASELINE;
    }

    public boolean isMarker() {
        return fileName.isEmpty();
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
