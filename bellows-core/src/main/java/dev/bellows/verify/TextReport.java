package dev.bellows.verify;

import dev.bellows.model.Finding;

/** Plain-text rendering of a verification: findings first, then a one-line summary. */
public final class TextReport {

    private TextReport() {
    }

    public static String render(VerifyReport report, boolean observations) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(f.file()).append(':').append(f.line()).append(':').append(f.column()).append(": ")
                    .append(f.severity().id()).append(" [").append(f.ruleId()).append("] ").append(f.message());
            if (f.waived()) {
                b.append(" (waived: ").append(f.waiver()).append(')');
            }
            b.append('\n');
            for (String h : f.help()) {
                b.append("    ").append(h).append('\n');
            }
        }
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
        report.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        long waived = report.findings().stream().filter(Finding::waived).count();
        b.append("verified ").append(report.migrations().size()).append(" migration")
                .append(report.migrations().size() == 1 ? "" : "s").append(" on ").append(report.server())
                .append(" in ").append(String.format("%.1f", report.totalMillis() / 1000.0)).append(" s (shadow ready in ")
                .append(String.format("%.1f", report.startMillis() / 1000.0)).append(" s): ")
                .append(report.errors()).append(" error").append(report.errors() == 1 ? "" : "s").append(", ")
                .append(report.warnings()).append(" warning").append(report.warnings() == 1 ? "" : "s")
                .append(waived > 0 ? ", " + waived + " waived" : "").append('\n');
        return b.toString();
    }
}
