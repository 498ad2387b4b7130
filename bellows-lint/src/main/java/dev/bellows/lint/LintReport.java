package dev.bellows.lint;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;
import dev.bellows.report.Report;
import dev.bellows.report.UsedWaiver;

import java.util.List;

/**
 * The result of linting.
 *
 * @param findings   every finding in file order; waived ones carry their waiver's reason
 * @param waivers    the waivers that suppressed findings
 * @param statements how many statements were linted
 */
public record LintReport(List<Finding> findings, List<UsedWaiver> waivers, int statements) {

    public LintReport {
        findings = List.copyOf(findings);
        waivers = List.copyOf(waivers);
    }

    /** Findings that count: not waived. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.waived()).toList();
    }

    public long errors() {
        return active().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return active().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** 1 when an unwaived error remains, else 0 (warnings alone pass). */
    public int exitCode() {
        return errors() > 0 ? 1 : 0;
    }

    /** The report for a {@link dev.bellows.report.Reporter}, with the metadata of every rule. */
    public Report toReport() {
        return new Report("bellows lint", findings, Rules.reported(), waivers);
    }
}
