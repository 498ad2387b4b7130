package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * No phase may rewrite or scan a table in use (one that existed when the phase started; for
 * expand, one that existed before the release) while holding a lock that blocks writes
 * (SHARE or stronger; ACCESS EXCLUSIVE also blocks reads). A brief metadata-only ACCESS
 * EXCLUSIVE (varchar widening, dropping a column) neither rewrites nor scans and is not flagged.
 */
final class StorageVerdicts {

    private StorageVerdicts() {
    }

    static List<Finding> judge(Observed o) {
        StatementObservation s = o.statement();
        List<Finding> out = new ArrayList<>();
        Map<String, List<StorageRewrite>> byTable = new LinkedHashMap<>();
        for (StorageRewrite r : s.rewrites()) {
            byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<StorageRewrite>> e : byTable.entrySet()) {
            Optional<LockObservation> lock = blockingLock(o, e.getKey());
            if (lock.isPresent()) {
                out.add(rewrite(o, e.getValue(), lock.get()));
            }
        }
        Set<String> rewritten = byTable.keySet();
        for (TableScan scan : s.scans()) {
            if (rewritten.contains(scan.table())) {
                continue;
            }
            Optional<LockObservation> lock = blockingLock(o, scan.table());
            lock.ifPresent(l -> out.add(o.finding(VerifyRule.LOCKED_SCAN, Severity.ERROR,
                    o.phaseOfRelease() + " scanned table " + scan.name() + " (" + String.format("%,d", scan.rowsRead())
                            + " rows read) while holding " + l.mode().label() + " on it, held " + l.held() + ": "
                            + blocks(l.mode()) + " for as long as the scan takes on the real table",
                    scanHelp(o, scan))));
        }
        return out;
    }

    /** Safe steps for what made this statement scan the table. */
    private static String[] scanHelp(Observed o, TableScan scan) {
        for (SchemaChange c : o.statement().changes()) {
            SchemaObject obj = c.object();
            if (c.kind() == SchemaChange.Kind.ADDED && obj.kind() == ObjectKind.CONSTRAINT) {
                return new String[] {"1. Add " + obj.name() + " with NOT VALID (a brief lock, no scan).",
                        "2. In a separate migration: ALTER TABLE " + scan.name() + " VALIDATE CONSTRAINT " + obj.name()
                                + " (SHARE UPDATE EXCLUSIVE: reads and writes go on)."};
            }
            if (c.kind() == SchemaChange.Kind.ADDED && obj.kind() == ObjectKind.INDEX) {
                return new String[] {"1. Build " + obj.name() + " with CREATE INDEX CONCURRENTLY (in a migration of "
                        + "its own; it cannot run in a transaction)."};
            }
            if (c.kind() == SchemaChange.Kind.ALTERED && "not null".equals(c.property())) {
                return new String[] {"1. Add CHECK (" + obj.name().substring(obj.name().lastIndexOf('.') + 1)
                        + " IS NOT NULL) NOT VALID, and VALIDATE it in a separate migration.",
                        "2. Then SET NOT NULL: PostgreSQL 12+ skips the scan when a valid CHECK proves it."};
            }
        }
        return new String[] {"1. Do not read or change the existing rows of " + scan.name() + " in the transaction "
                + "that holds this lock: move the UPDATE/DELETE to migrate, in batches, in its own transaction."};
    }

    private static Optional<LockObservation> blockingLock(Observed o, String table) {
        if (!o.context().inUse(table)) {
            return Optional.empty();
        }
        return o.statement().lockOn(table).filter(l -> l.mode().blocksWrites());
    }

    private static Finding rewrite(Observed o, List<StorageRewrite> rewrites, LockObservation lock) {
        StorageRewrite first = rewrites.get(0);
        boolean table = rewrites.stream().anyMatch(r -> !r.index());
        List<String> indexes = rewrites.stream().filter(StorageRewrite::index).map(StorageRewrite::name)
                .collect(Collectors.toList());
        String indexWord = indexes.size() == 1 ? "index " : "indexes ";
        String what = table
                ? "rewrote table " + first.tableName() + (indexes.isEmpty() ? "" : " and its " + indexWord
                + String.join(", ", indexes))
                : "rebuilt " + indexWord + String.join(", ", indexes) + " of table " + first.tableName();
        String rows = first.rows() < 0 ? "" : ", " + String.format("%,d", first.rows()) + " rows";
        return o.finding(VerifyRule.REWRITE, Severity.ERROR,
                o.phaseOfRelease() + " " + what + rows + ", " + lock.mode().label() + " held " + lock.held()
                        + ": " + blocks(lock.mode()) + " for as long as the rewrite takes on the real table",
                rewriteHelp(o, first.table(), table));
    }

    /** Safe steps for what this statement did to the table: a type change, a new column, or an index rebuild. */
    private static String[] rewriteHelp(Observed o, String table, boolean tableRewritten) {
        for (SchemaChange c : o.statement().changes()) {
            if (!table.equals(c.object().table()) || c.object().kind() != ObjectKind.COLUMN) {
                continue;
            }
            String col = c.object().name();
            if (c.kind() == SchemaChange.Kind.ALTERED && "type".equals(c.property())) {
                return new String[] {
                        "1. expand: add a new column of type " + c.newValue() + " next to " + col
                                + ", and a trigger that copies " + col + " into it on every write.",
                        "2. migrate: backfill the new column in batches.",
                        "3. Switch the code to the new column; contract: drop " + col + " and the trigger."};
            }
            if (c.kind() == SchemaChange.Kind.ADDED) {
                return new String[] {
                        "1. expand: add " + col + " without a default, or with a constant one (no rewrite).",
                        "2. migrate: fill existing rows in batches.",
                        "3. contract: set the default or NOT NULL you need."};
            }
        }
        return tableRewritten
                ? new String[] {"1. Avoid rewriting a table in use: VACUUM FULL/CLUSTER/SET TABLESPACE need a "
                        + "maintenance window or an online tool (pg_repack)."}
                : new String[] {"1. Rebuild indexes with REINDEX CONCURRENTLY, or CREATE INDEX CONCURRENTLY a new "
                        + "one and DROP INDEX CONCURRENTLY the old one."};
    }

    private static String blocks(LockMode mode) {
        return mode.blocksReads() ? "blocks reads and writes" : "blocks writes";
    }
}
