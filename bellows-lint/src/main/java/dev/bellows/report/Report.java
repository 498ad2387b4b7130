package dev.bellows.report;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.List;

/**
 * What one lint or verify run found, ready to be written by a {@link Reporter}.
 *
 * @param tool     the producing tool, e.g. {@code bellows lint}
 * @param findings every finding, waived ones included (they carry their waiver's reason)
 * @param rules    metadata of the rules that can produce findings
 * @param waivers  the waivers that suppressed findings
 */
public record Report(String tool, List<Finding> findings, List<ReportedRule> rules, List<UsedWaiver> waivers) {

    public Report {
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
        waivers = List.copyOf(waivers);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.waived() && f.severity() == severity).count();
    }
}
