package dev.bellows.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellows.report.JsonReporter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON document lint writes ({@link JsonReporter}: findings, waivers, summary) plus a
 * {@code verify} object: the shadow server, times, notes and every statement's observations.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(VerifyReport report) {
        try {
            StringWriter shared = new StringWriter();
            new JsonReporter().write(report.toReport(), shared);
            ObjectNode root = (ObjectNode) JSON.readTree(shared.toString());
            ObjectNode v = root.putObject("verify");
            v.put("server", report.server());
            v.put("failed", report.failed());
            v.put("startMillis", report.startMillis());
            v.put("totalMillis", report.totalMillis());
            report.notes().forEach(v.putArray("notes")::add);
            ArrayNode migrations = v.putArray("migrations");
            for (MigrationObservation m : report.migrations()) {
                migrations.add(migration(m));
            }
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode migration(MigrationObservation m) {
        ObjectNode mn = JSON.createObjectNode();
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
            ArrayNode changes = sn.putArray("changes");
            s.changes().forEach(c -> changes.add(c.describe()));
            ArrayNode locks = sn.putArray("locks");
            for (LockObservation l : s.locks()) {
                ObjectNode ln = locks.addObject();
                ln.put("relation", l.name());
                ln.put("mode", l.mode().label());
                ln.put("heldMillis", l.heldMillis());
                ln.put("sampled", l.sampled());
                ln.put("taken", l.taken());
            }
            ArrayNode rewrites = sn.putArray("rewrites");
            for (StorageRewrite r : s.rewrites()) {
                ObjectNode rn = rewrites.addObject();
                rn.put("relation", r.name());
                rn.put("index", r.index());
                rn.put("rows", r.rows());
            }
            ArrayNode scans = sn.putArray("scans");
            for (TableScan t : s.scans()) {
                ObjectNode tn = scans.addObject();
                tn.put("table", t.name());
                tn.put("scans", t.scans());
                tn.put("rowsRead", t.rowsRead());
            }
        }
        return mn;
    }
}
