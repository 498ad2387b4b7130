package dev.bellows.report;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.io.IOException;
import java.io.Writer;

/**
 * Compiler-like text: {@code path:line:col: error[rule-id] message}, then the numbered safe steps
 * indented, then the waivers used and a summary line.
 */
public final class TextReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            if (f.waived()) {
                continue;
            }
            out.write(f.file() + ":" + f.line() + ":" + f.column() + ": " + f.severity().id() + "[" + f.ruleId() + "] "
                    + f.message() + "\n");
            for (String step : f.help()) {
                out.write("    " + step + "\n");
            }
        }
        if (!report.waivers().isEmpty()) {
            out.write("waivers used:\n");
            for (UsedWaiver w : report.waivers()) {
                out.write("  " + w.file() + ":" + w.line() + ": allow " + w.ruleId()
                        + (w.fileWide() ? " (whole file)" : "") + " — " + w.reason() + "\n");
            }
        }
        long waived = report.findings().stream().filter(Finding::waived).count();
        out.write(report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s), "
                + waived + " waived\n");
        out.flush();
    }
}
