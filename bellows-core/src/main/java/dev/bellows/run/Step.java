package dev.bellows.run;

import dev.bellows.model.Migration;
import dev.bellows.model.Phase;
import dev.bellows.model.Release;

import java.util.List;

/** One phase of one release that a command would run, with its pending files (possibly none). */
public record Step(Release release, Phase phase, List<Migration> pending) {

    public Step {
        pending = List.copyOf(pending);
    }

    @Override
    public String toString() {
        return phase.id() + " " + release;
    }
}
