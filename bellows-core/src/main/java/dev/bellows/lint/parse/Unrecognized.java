package dev.bellows.lint.parse;

/** Thrown inside the recognizer when a statement does not follow the grammar; never escapes it. */
final class Unrecognized extends RuntimeException {

    Unrecognized(String reason) {
        super(reason, null, false, false);
    }
}
