package dev.bellows.report;

import dev.bellows.model.Severity;

/**
 * Rule metadata as reports show it (SARIF {@code reportingDescriptor}).
 *
 * @param id          the rule id
 * @param title       one line: the hazard
 * @param description why it is dangerous and what to do instead
 * @param severity    the default severity
 * @param page        the rule's full page (Markdown), or empty
 */
public record ReportedRule(String id, String title, String description, Severity severity, String page) {
}
