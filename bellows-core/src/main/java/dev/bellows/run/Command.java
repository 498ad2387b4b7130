package dev.bellows.run;

import dev.bellows.model.Phase;

import java.util.List;

/** The commands that apply migrations, and the phases each runs in order. */
public enum Command {
    EXPAND(List.of(Phase.EXPAND)),
    MIGRATE(List.of(Phase.MIGRATE)),
    CONTRACT(List.of(Phase.CONTRACT)),
    /** Everything safe before and during a rollout: expand, then migrate. */
    UPGRADE(List.of(Phase.EXPAND, Phase.MIGRATE));

    private final List<Phase> phases;

    Command(List<Phase> phases) {
        this.phases = phases;
    }

    public List<Phase> phases() {
        return phases;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
