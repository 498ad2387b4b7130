package dev.bellows;

/** A step Bellows refuses to take because it would break the rolling-upgrade invariant: exit code 1. */
public class RefusedException extends BellowsException {

    public RefusedException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
