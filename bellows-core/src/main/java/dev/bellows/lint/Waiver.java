package dev.bellows.lint;

import java.util.List;

/**
 * A {@code -- bellows:allow <rule-id>[, <rule-id>…] reason: <text>} comment.
 *
 * @param ruleIds  the rules it waives
 * @param reason   the reason given (empty when missing: then the waiver is invalid and waives nothing)
 * @param line     1-based line of the comment
 * @param column   1-based column of the comment
 * @param fileWide true for a waiver in the file's header (see {@link WaiverParser}), false for one statement
 */
public record Waiver(List<String> ruleIds, String reason, int line, int column, boolean fileWide) {

    public Waiver {
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean valid() {
        return !reason.isBlank() && !ruleIds.isEmpty();
    }

    public boolean covers(String ruleId) {
        return valid() && ruleIds.contains(ruleId);
    }
}
