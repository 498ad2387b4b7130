package dev.bellows.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * With {@code --rows-from-stats}: how long each rewrite and scan of a table would hold its lock on
 * the live database, scaled linearly from what the shadow measured with (at most the cap of) the
 * live row count. A linear estimate, said so: real times also depend on the live server's disks,
 * memory, indexes and concurrent load.
 */
final class LiveScale {

    private LiveScale() {
    }

    static List<String> notes(List<MigrationObservation> observations, Map<String, Long> liveRows,
                              SchemaSource source) {
        Map<String, Long> byName = new HashMap<>();
        liveRows.forEach((k, v) -> byName.put(displayName(k), v));
        List<String> out = new ArrayList<>();
        for (MigrationObservation m : observations) {
            for (StatementObservation s : m.statements()) {
                String at = m.migration().displayPath() + ":" + s.statement().line();
                for (StorageRewrite r : s.rewrites()) {
                    if (!r.index()) {
                        note(out, at, "rewrote", r.tableName(), lock(s, r.table()), byName, source);
                    }
                }
                for (TableScan scan : s.scans()) {
                    if (s.rewrites().stream().anyMatch(r -> r.table().equals(scan.table()))) {
                        continue; // the rewrite's note covers it
                    }
                    note(out, at, "scanned", scan.name(), lock(s, scan.table()), byName, source);
                }
            }
        }
        return out;
    }

    private static Optional<LockObservation> lock(StatementObservation s, String relation) {
        return s.lockOn(relation);
    }

    private static void note(List<String> out, String at, String what, String table,
                             Optional<LockObservation> lock, Map<String, Long> live, SchemaSource source) {
        Long liveCount = live.get(table);
        if (liveCount == null || lock.isEmpty()) {
            return;
        }
        long shadowRows = Math.min(liveCount, source.rowCap()); // what --rows-from-stats generated
        long held = lock.get().heldMillis();
        StringBuilder sb = new StringBuilder(at).append(' ').append(what).append(' ').append(table)
                .append(" holding ").append(lock.get().mode().label()).append(' ').append(lock.get().held())
                .append(" with ").append(String.format(Locale.ROOT, "%,d", shadowRows)).append(" rows in the shadow; ")
                .append(source.url()).append(" has about ").append(String.format(Locale.ROOT, "%,d", liveCount))
                .append(" rows (statistics)");
        if (shadowRows > 0 && liveCount > shadowRows) {
            double estimate = held * (double) liveCount / shadowRows;
            sb.append(": about ").append(duration(estimate)).append(" there (linear estimate)");
        }
        out.add(sb.toString());
    }

    static String displayName(String quotedQualified) {
        String plain = quotedQualified.replace("\"", "");
        return plain.startsWith("public.") ? plain.substring("public.".length()) : plain;
    }

    private static String duration(double millis) {
        if (millis < 1_000) {
            return Math.round(millis) + " ms";
        }
        if (millis < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
    }
}
