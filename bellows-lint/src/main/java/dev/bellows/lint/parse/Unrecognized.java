package dev.bellows.lint.parse;

/** Thrown inside the recognizer when a statement does not follow the grammar; never escapes it. */
final class Unrecognized extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Unrecognized(String reason) {
        super(reason, null, false, false);
    }
}
