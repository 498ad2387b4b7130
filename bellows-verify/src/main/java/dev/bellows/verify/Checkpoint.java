package dev.bellows.verify;

import dev.bellows.model.Phase;
import dev.bellows.model.Release;

/** A point in the history: right after {@code phase} of {@code release}, e.g. after expand(1.1). */
public record Checkpoint(Release release, Phase phase) {

    public static Checkpoint after(String release, Phase phase) {
        return new Checkpoint(Release.of(release), phase);
    }

    boolean is(Release r, Phase p) {
        return release.equals(r) && phase == p;
    }

    @Override
    public String toString() {
        return phase.id() + "(" + release.name() + ")";
    }
}
