package dev.bellows.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellows.model.Finding;

/** JSON rendering of a verification: summary, findings, and every statement's observations. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "bellows verify");
        root.put("server", report.server());
        root.put("failed", report.failed());
        root.put("errors", report.errors());
        root.put("warnings", report.warnings());
        root.put("startMillis", report.startMillis());
        root.put("totalMillis", report.totalMillis());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            n.put("severity", f.severity().id());
            n.put("file", f.file());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("message", f.message());
            f.help().forEach(n.putArray("help")::add);
            if (f.waived()) {
                n.put("waiver", f.waiver());
            }
        }
        ArrayNode migrations = root.putArray("migrations");
        for (MigrationObservation m : report.migrations()) {
            ObjectNode mn = migrations.addObject();
            mn.put("file", m.migration().displayPath());
            mn.put("millis", m.millis());
            ArrayNode statements = mn.putArray("statements");
            for (StatementObservation s : m.statements()) {
                ObjectNode sn = statements.addObject();
                sn.put("line", s.statement().line());
                sn.put("transactional", s.transactional());
                sn.put("millis", s.millis());
                if (s.error() != null) {
                    sn.put("error", s.error());
                }
                s.changes().forEach(c -> sn.withArray("changes").add(c.describe()));
                for (LockObservation l : s.locks()) {
                    ObjectNode ln = sn.withArray("locks").addObject();
                    ln.put("relation", l.name());
                    ln.put("mode", l.mode().label());
                    ln.put("heldMillis", l.heldMillis());
                    ln.put("sampled", l.sampled());
                    ln.put("taken", l.taken());
                }
                for (StorageRewrite r : s.rewrites()) {
                    ObjectNode rn = sn.withArray("rewrites").addObject();
                    rn.put("relation", r.name());
                    rn.put("index", r.index());
                    rn.put("rows", r.rows());
                }
                for (TableScan t : s.scans()) {
                    ObjectNode tn = sn.withArray("scans").addObject();
                    tn.put("table", t.name());
                    tn.put("scans", t.scans());
                    tn.put("rowsRead", t.rowsRead());
                }
            }
        }
        report.notes().forEach(root.putArray("notes")::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
