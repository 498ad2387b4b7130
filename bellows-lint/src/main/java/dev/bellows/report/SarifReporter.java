package dev.bellows.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules as {@code reportingDescriptor}s
 * with help text, each finding a result with a physical location; waived findings carry an
 * accepted {@code suppression} with the waiver's reason.
 */
public final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "bellows");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (ReportedRule r : report.rules()) {
            index.put(r.id(), index.size());
            ObjectNode n = rules.addObject();
            n.put("id", r.id());
            n.put("name", camel(r.id()));
            n.putObject("shortDescription").put("text", r.title());
            n.putObject("fullDescription").put("text", r.description());
            ObjectNode help = n.putObject("help");
            String page = r.page();
            help.put("text", page.isEmpty() ? r.description() : page);
            if (!page.isEmpty()) {
                help.put("markdown", page);
            }
            n.putObject("defaultConfiguration").put("level", level(r.severity()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode n = results.addObject();
            n.put("ruleId", f.ruleId());
            Integer i = index.get(f.ruleId());
            if (i != null) {
                n.put("ruleIndex", i);
            }
            n.put("level", level(f.severity()));
            StringBuilder text = new StringBuilder(f.message());
            f.help().forEach(h -> text.append('\n').append(h));
            n.putObject("message").put("text", text.toString());
            ObjectNode physical = n.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.file()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            if (f.waived()) {
                ObjectNode s = n.putArray("suppressions").addObject();
                s.put("kind", "inSource");
                s.put("status", "accepted");
                s.put("justification", f.waiver());
            }
        }
        JSON.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
        out.flush();
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : "warning";
    }

    private static String uri(String file) {
        return file.replace('\\', '/');
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        boolean up = true;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
