package dev.bellows.lint;

import java.util.List;

/**
 * A {@code -- bellows:allow <rule-id>[, <rule-id>…] reason: <text>} comment.
 *
 * @param ruleIds the rules it waives
 * @param reason  the reason given (empty when missing: then the waiver is invalid and waives nothing)
 * @param line    1-based line of the comment
 * @param column  1-based column of the comment
 * @param scope   what it covers (see {@link WaiverParser})
 */
public record Waiver(List<String> ruleIds, String reason, int line, int column, Scope scope) {

    /** What a waiver covers. */
    public enum Scope {
        /** One statement. */
        STATEMENT,
        /** Every statement of the file (a header waiver). */
        FILE,
        /** Nothing: no statement follows it. It is reported as invalid. */
        NOTHING
    }

    public Waiver {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean valid() {
        return !reason.isBlank() && !ruleIds.isEmpty() && scope != Scope.NOTHING;
    }

    public boolean fileWide() {
        return scope == Scope.FILE;
    }

    public boolean covers(String ruleId) {
        return valid() && ruleIds.contains(ruleId);
    }
}
