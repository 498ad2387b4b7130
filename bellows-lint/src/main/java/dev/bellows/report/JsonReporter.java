package dev.bellows.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.io.IOException;
import java.io.Writer;

/** One JSON document: {@code findings}, {@code waivers} and a {@code summary}. */
public final class JsonReporter implements Reporter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", report.tool());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.ruleId());
            n.put("severity", f.severity().id());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("message", f.message());
            ArrayNode help = n.putArray("help");
            f.help().forEach(help::add);
            if (f.waived()) {
                n.put("waived", f.waiver());
            }
        }
        ArrayNode waivers = root.putArray("waivers");
        for (UsedWaiver w : report.waivers()) {
            ObjectNode n = waivers.addObject();
            n.put("rule", w.ruleId());
            n.put("file", w.file());
            n.put("line", w.line());
            n.put("reason", w.reason());
            n.put("wholeFile", w.fileWide());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("waived", report.findings().stream().filter(Finding::waived).count());
        JSON.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
        out.flush();
    }
}
