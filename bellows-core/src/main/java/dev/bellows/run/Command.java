package dev.bellows.run;

import dev.bellows.model.Phase;

import java.util.List;

/** The commands that apply migrations, and the phases each runs in order. */
public enum Command {
    EXPAND(List.of(Phase.EXPAND)),
    MIGRATE(List.of(Phase.MIGRATE)),
    CONTRACT(List.of(Phase.CONTRACT)),
    /**
     * Everything safe before and during a rollout: expand, then migrate, release by release (expand
     * N and migrate N before expand N+1, which may change what migrate N reads).
     */
    UPGRADE(List.of(Phase.EXPAND, Phase.MIGRATE)),
    /**
     * Every phase, release by release: expand, migrate and contract of one release before the
     * next. Only for databases that serve no older release (fresh development, test and CI
     * databases); the contract gate still applies.
     */
    ALL(List.of(Phase.EXPAND, Phase.MIGRATE, Phase.CONTRACT));

    private final List<Phase> phases;

    Command(List<Phase> phases) {
        this.phases = phases;
    }

    public List<Phase> phases() {
        return phases;
    }

    /** Whether the plan goes release by release (all phases of one release first) rather than phase by phase. */
    public boolean releaseByRelease() {
        return this == ALL || this == UPGRADE;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
