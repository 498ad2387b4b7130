package dev.bellows.report;

/**
 * A waiver that suppressed at least one finding.
 *
 * @param ruleId the rule waived
 * @param file   the file the waiver is in
 * @param line   its line
 * @param reason the reason given
 * @param fileWide whether it covers the whole file
 */
public record UsedWaiver(String ruleId, String file, int line, String reason, boolean fileWide) {
}
