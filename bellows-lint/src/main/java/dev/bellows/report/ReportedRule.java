package dev.bellows.report;

import dev.bellows.model.Severity;

import java.util.function.Supplier;

/**
 * Rule metadata as reports show it (SARIF {@code reportingDescriptor}).
 *
 * @param id          the rule id
 * @param title       one line: the hazard
 * @param description why it is dangerous and what to do instead
 * @param severity    the default severity
 * @param pageSource  the rule's full page (Markdown), or empty; read when a report asks for it, as only SARIF does
 *                    (reading every rule's page took a good part of a short {@code bellows lint}'s run)
 */
public record ReportedRule(String id, String title, String description, Severity severity,
                           Supplier<String> pageSource) {

    public ReportedRule(String id, String title, String description, Severity severity, String page) {
        this(id, title, description, severity, () -> page);
    }

    /** The rule's full page (Markdown), or empty. */
    public String page() {
        return pageSource.get();
    }
}
