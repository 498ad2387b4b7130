package dev.bellows.verify;

import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

/** A point in the history: right after {@code phase} of {@code release}. */
public record Checkpoint(Release release, Phase phase) {

    /** Whether {@code m} runs after this point. */
    boolean before(Migration m) {
        int r = m.release().compareTo(release);
        return r > 0 || r == 0 && m.phase().compareTo(phase) > 0;
    }

    @Override
    public String toString() {
        return phase.id() + "(" + release.name() + ")";
    }
}
