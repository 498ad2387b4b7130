package dev.bellows.run;

/** Where one migration file stands against the history table. */
public enum MigrationStatus {
    PENDING,
    /** Started and interrupted, or stopped at --max-batches: the next run continues it. */
    PARTIAL,
    /** Its last attempt failed; the next run retries it (from where it stopped, if not transactional). */
    FAILED,
    APPLIED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
