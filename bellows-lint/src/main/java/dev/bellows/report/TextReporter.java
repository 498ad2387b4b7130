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

    private final Palette palette;

    /** Plain text, for files and pipes. */
    public TextReporter() {
        this(Palette.PLAIN);
    }

    public TextReporter(Palette palette) {
        this.palette = palette;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            if (f.waived()) {
                continue;
            }
            out.write(f.file() + ":" + f.line() + ":" + f.column() + ": "
                    + palette.severity(f.severity(), f.severity().id() + "[" + f.ruleId() + "]") + " "
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
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        String e = errors + " error(s)";
        String w = warnings + " warning(s)";
        out.write((errors > 0 ? palette.severity(Severity.ERROR, e) : e) + ", "
                + (warnings > 0 ? palette.severity(Severity.WARNING, w) : w) + ", " + waived + " waived\n");
        out.flush();
    }
}
