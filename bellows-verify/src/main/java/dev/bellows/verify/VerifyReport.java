package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;
import dev.bellows.report.Report;
import dev.bellows.report.UsedWaiver;

import java.util.List;

/**
 * The result of a verification.
 *
 * @param server       the shadow database, e.g. {@code PostgreSQL 17.6}
 * @param migrations   what each migration did, in the order they ran
 * @param findings     the verdicts that did not pass (errors and warnings), waived ones included
 * @param waivers      the {@code -- bellows:allow} waivers that suppressed findings
 * @param notes        things the user should know that are not findings (rows that could not be generated, …)
 * @param startMillis  time to get the shadow database ready
 * @param totalMillis  total time, start included
 */
public record VerifyReport(String server, List<MigrationObservation> migrations, List<Finding> findings,
                           List<UsedWaiver> waivers, List<String> notes, long startMillis, long totalMillis) {

    public static final String TOOL = "bellows verify";

    public VerifyReport {
        migrations = List.copyOf(migrations);
        findings = List.copyOf(findings);
        waivers = List.copyOf(waivers);
        notes = List.copyOf(notes);
    }

    /** The findings for a {@link dev.bellows.report.Reporter} ({@code --format text|json|sarif}). */
    public Report toReport() {
        return new Report(TOOL, findings, VerifyRule.reported(), waivers);
    }

    /** Whether any verdict failed: an error that is not waived. */
    public boolean failed() {
        return errors() > 0;
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR && !f.waived()).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING && !f.waived()).count();
    }

    public List<Finding> findings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
