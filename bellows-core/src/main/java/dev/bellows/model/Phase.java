package dev.bellows.model;

import java.util.Locale;
import java.util.Optional;

/** The three phases of a release's schema change, in the order they run. */
public enum Phase {
    /** Additive, backward-compatible changes, run before the new release rolls out. */
    EXPAND,
    /** Online data changes in bounded batches, run while both releases serve traffic. */
    MIGRATE,
    /** Destructive clean-up, run after every instance runs the new release. */
    CONTRACT;

    /** The directory and CLI name of this phase: {@code expand}, {@code migrate}, {@code contract}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> fromId(String id) {
        for (Phase p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
