package dev.bellows.report;

import dev.bellows.model.Severity;

/**
 * How text output marks severities and outcomes: {@link #PLAIN} (files, pipes, {@code NO_COLOR},
 * {@code --no-color}) or {@link #ANSI} (a terminal). The CLI picks one; reporters only apply it.
 */
public enum Palette {
    PLAIN,
    ANSI;

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String GREEN = "\u001b[1;32m";
    private static final String DIM = "\u001b[2m";

    /** {@code text} in the colour of {@code severity}: red for errors, yellow for warnings. */
    public String severity(Severity severity, String text) {
        return paint(severity == Severity.ERROR ? RED : YELLOW, text);
    }

    /** {@code text} marked as a good outcome (passed, clean). */
    public String good(String text) {
        return paint(GREEN, text);
    }

    /** {@code text} marked as a bad outcome (failed, refused). */
    public String bad(String text) {
        return paint(RED, text);
    }

    /** {@code text} de-emphasised (help lines, file positions). */
    public String dim(String text) {
        return paint(DIM, text);
    }

    private String paint(String code, String text) {
        return this == PLAIN || text.isEmpty() ? text : code + text + RESET;
    }
}
