package dev.bellows.verify;

import dev.bellows.report.Palette;
import dev.bellows.report.TextReporter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Plain text: optionally what every statement did, then the findings as lint prints them
 * ({@link TextReporter}), then notes and a line with the shadow database and the times.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(VerifyReport report, boolean observations) {
        return render(report, observations, Palette.PLAIN);
    }

    public static String render(VerifyReport report, boolean observations, Palette palette) {
        StringBuilder b = new StringBuilder();
        if (observations) {
            for (MigrationObservation m : report.migrations()) {
                b.append(m.migration().displayPath()).append(" (").append(m.millis()).append(" ms)\n");
                for (StatementObservation s : m.statements()) {
                    b.append("  line ").append(s.statement().line()).append(", ").append(s.millis()).append(" ms")
                            .append(s.transactional() ? "" : ", outside a transaction").append('\n');
                    s.changes().forEach(c -> b.append("    ").append(c.describe()).append('\n'));
                    s.locks().stream().filter(LockObservation::taken)
                            .forEach(l -> b.append("    lock ").append(l.describe()).append('\n'));
                    s.rewrites().forEach(r -> b.append("    rewrote ").append(r.index() ? "index " : "table ")
                            .append(r.name()).append('\n'));
                    s.scans().forEach(sc -> b.append("    scanned ").append(sc.name()).append(", ")
                            .append(sc.rowsRead()).append(" rows read\n"));
                }
            }
        }
        StringWriter findings = new StringWriter();
        try {
            new TextReporter(palette).write(report.toReport(), findings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.append(findings);
        report.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        b.append("verified ").append(report.migrations().size()).append(" migration")
                .append(report.migrations().size() == 1 ? "" : "s").append(" on ").append(report.server())
                .append(" in ").append(String.format("%.1f", report.totalMillis() / 1000.0))
                .append(" s (shadow ready in ").append(String.format("%.1f", report.startMillis() / 1000.0))
                .append(" s): ").append(report.failed() ? palette.bad("FAILED") : palette.good("passed")).append('\n');
        return b.toString();
    }
}
