package dev.bellows;

/**
 * Base of every error Bellows reports to a user. Each kind maps to one process exit code of the
 * CLI contract: 1 a refused step or findings, 2 usage or configuration, 3 database or I/O failure.
 */
public abstract class BellowsException extends RuntimeException {

    protected BellowsException(String message) {
        super(message);
    }

    protected BellowsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The CLI exit code for this kind of error. */
    public abstract int exitCode();
}
