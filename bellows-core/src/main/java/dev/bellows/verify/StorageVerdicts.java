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
                    "1. CHECK or FOREIGN KEY: add it NOT VALID, then VALIDATE CONSTRAINT in a separate migration "
                            + "(SHARE UPDATE EXCLUSIVE, reads and writes go on).",
                    "2. SET NOT NULL: first add and validate CHECK (col IS NOT NULL) so the scan is skipped.",
                    "3. CREATE INDEX: use CREATE INDEX CONCURRENTLY.",
                    "4. UPDATE/DELETE of existing rows: do it in migrate, in batches, not in the transaction "
                            + "that holds the lock.")));
        }
        return out;
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
        String what = table
                ? "rewrote table " + first.tableName() + (indexes.isEmpty() ? "" : " and its indexes "
                + String.join(", ", indexes))
                : "rebuilt index " + String.join(", ", indexes) + " of table " + first.tableName();
        String rows = first.rows() < 0 ? "" : ", " + String.format("%,d", first.rows()) + " rows";
        return o.finding(VerifyRule.REWRITE, Severity.ERROR,
                o.phaseOfRelease() + " " + what + rows + ", " + lock.mode().label() + " held " + lock.held()
                        + ": " + blocks(lock.mode()) + " for as long as the rewrite takes on the real table",
                "1. Changing a column's type: add a new column of the new type, keep it in sync with a trigger, "
                        + "backfill it in migrate, switch the code, drop the old column in contract.",
                "2. Adding a column with a volatile default: add it without a default (or a constant one), "
                        + "backfill in migrate.",
                "3. Rebuilding an index: REINDEX CONCURRENTLY, or CREATE INDEX CONCURRENTLY + DROP INDEX "
                        + "CONCURRENTLY.");
    }

    private static String blocks(LockMode mode) {
        return mode.blocksReads() ? "blocks reads and writes" : "blocks writes";
    }
}
