package dev.bellows.instances;

import dev.bellows.RefusedException;

/** An instance refused to register because the schema cannot serve its release (exit code 1). */
public final class StartupRefusedException extends RefusedException {

    private final StartupRefusal refusal;

    public StartupRefusedException(StartupRefusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public StartupRefusal refusal() {
        return refusal;
    }
}
