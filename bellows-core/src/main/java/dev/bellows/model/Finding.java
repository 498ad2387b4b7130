package dev.bellows.model;

import java.util.List;

/**
 * A lint or verification result.
 *
 * @param ruleId   stable rule id, e.g. {@code expand-drop-column}
 * @param severity error or warning
 * @param file     the file as shown to users
 * @param line     1-based line of the statement (0 when not tied to a statement)
 * @param column   1-based column
 * @param message  what is dangerous and what it blocks (reads, writes, release N-1's code)
 * @param help     numbered safe steps, with the user's own table and column names
 * @param waiver   the reason given in a {@code -- bellows:allow} comment, or null when not waived
 */
public record Finding(String ruleId, Severity severity, String file, int line, int column, String message,
                      List<String> help, String waiver) {

    public Finding {
        help = List.copyOf(help);
    }

    public boolean waived() {
        return waiver != null;
    }

    public Finding withWaiver(String reason) {
        return new Finding(ruleId, severity, file, line, column, message, help, reason);
    }
}
