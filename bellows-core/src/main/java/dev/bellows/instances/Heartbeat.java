package dev.bellows.instances;

/** What a heartbeat found: {@link InstanceRegistry#heartbeat(java.sql.Connection, String)}. */
public enum Heartbeat {
    /** The row was live; its heartbeat is now. */
    LIVE,
    /**
     * The row had expired (silent for longer than its TTL, so other tools counted the instance as gone and a
     * contract may have run meanwhile); its heartbeat is now, so it is live again. Re-check the startup guard.
     */
    REVIVED,
    /** There is no row with that id (never registered, deregistered, pruned, or the table is gone); nothing written. */
    MISSING;

    /** Whether a row was found (and its heartbeat written). */
    public boolean found() {
        return this != MISSING;
    }
}
