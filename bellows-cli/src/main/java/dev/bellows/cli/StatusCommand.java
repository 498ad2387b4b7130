package dev.bellows.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.report.Palette;
import dev.bellows.run.StatusReport;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@picocli.CommandLine.Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows releases × phases (applied, pending, partial, failed), whether contract is safe now, "
                + "and the next command to run."},
        footer = {"", "Example:", "  bellows status --format json"})
final class StatusCommand extends DatabaseCommand {

    @picocli.CommandLine.Mixin
    QueriesOption queries = new QueriesOption();

    @Override
    QueriesOption queries() {
        return queries;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: text).")
    String format = "text";

    @Override
    public Integer call() throws Exception {
        dev.bellows.Bellows bellows = bellows();
        StatusReport report = bellows.status();
        java.util.Optional<dev.bellows.instances.PendingContract> auto = bellows.pendingAutoContract();
        PrintWriter out = out();
        switch (format) {
            case "json" -> out.println(json(report, auto));
            case "text" -> {
                text(report, out, BellowsCli.palette(parent));
                auto.ifPresent(p -> out.println(p.describe(bellows.databaseNow())
                        + "; an instance of an older release that comes back cancels it"));
            }
            default -> throw new dev.bellows.ConfigurationException("unknown --format '" + format
                    + "': use text or json");
        }
        return 0;
    }

    /**
     * The table and the verdicts; on a terminal (palette ANSI) applied is green, pending and partial yellow, FAILED
     * red, a phase without files dim, and the verdicts likewise. Colour codes go around the words, never into the
     * padding, so the columns line up either way.
     */
    static void text(StatusReport report, PrintWriter out, Palette palette) {
        report.baseline().ifPresent(b -> out.println("baseline: " + b));
        out.printf(Locale.ROOT, "%-10s %-16s %-16s %-16s%n", "release", "expand", "migrate", "contract");
        for (StatusReport.ReleaseRow row : report.releases()) {
            out.printf(Locale.ROOT, "%-10s %s %s %s%n", row.release(),
                    cell(row.phases().get(Phase.EXPAND), palette), cell(row.phases().get(Phase.MIGRATE), palette),
                    cell(row.phases().get(Phase.CONTRACT), palette));
        }
        out.println("live instances: " + (report.liveInstances().isEmpty() ? "none registered"
                : report.liveInstances().entrySet().stream().map(e -> e.getValue() + " of release " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "))));
        out.println("contract safe: " + (report.contractSafe() ? palette.good("yes")
                : palette.severity(Severity.WARNING, "no") + " (" + String.join("; ", report.contractBlockers())
                + ")"));
        out.println("next: " + report.next().map(n -> palette.severity(Severity.WARNING, "bellows " + n)
                        + " (" + report.reason() + ")")
                .orElse(palette.good("nothing, up to date")));
    }

    /** One phase of one release, 16 columns wide, its state in colour. */
    private static String cell(StatusReport.PhaseCell cell, Palette palette) {
        String label = cell.label();
        String painted = cell.files() == 0 ? palette.dim(label)
                : cell.failed() > 0 ? palette.bad(label)
                : cell.complete() && cell.partial() == 0 ? palette.good(label)
                : palette.severity(Severity.WARNING, label);
        return painted + " ".repeat(Math.max(0, 16 - label.length()));
    }

    static String json(StatusReport report) throws Exception {
        return json(report, java.util.Optional.empty());
    }

    static String json(StatusReport report, java.util.Optional<dev.bellows.instances.PendingContract> auto)
            throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> releases = new ArrayList<>();
        for (StatusReport.ReleaseRow row : report.releases()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("release", row.release().name());
            for (Phase p : Phase.values()) {
                StatusReport.PhaseCell cell = row.phases().get(p);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("files", cell.files());
                c.put("applied", cell.applied());
                c.put("partial", cell.partial());
                c.put("failed", cell.failed());
                c.put("state", cell.label().split(" ")[0].toLowerCase(Locale.ROOT));
                r.put(p.id(), c);
            }
            releases.add(r);
        }
        root.put("baseline", report.baseline().orElse(null));
        root.put("releases", releases);
        root.put("liveInstances", report.liveInstances());
        root.put("contractSafe", report.contractSafe());
        root.put("contractBlockers", report.contractBlockers());
        root.put("upToDate", report.upToDate());
        root.put("next", report.next().orElse(null));
        root.put("reason", report.reason());
        auto.ifPresent(p -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("release", p.release().name());
            a.put("pendingSince", p.since().toString());
            a.put("due", p.due().toString());
            a.put("startedBy", p.decidedBy());
            root.put("automaticContract", a);
        });
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}
