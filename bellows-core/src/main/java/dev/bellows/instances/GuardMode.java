package dev.bellows.instances;

/** What registering does when the schema is not ready for the instance's release. */
public enum GuardMode {
    /** Refuse: the API throws {@link StartupRefusedException}, the CLI exits 1. The default. */
    FAIL,
    /** Log a warning (CLI: print it) and register anyway. */
    WARN
}
