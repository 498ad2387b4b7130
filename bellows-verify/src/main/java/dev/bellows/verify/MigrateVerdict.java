package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.List;
import java.util.Optional;

/** migrate(N) runs while both releases serve traffic: it must only change data, never the schema. */
final class MigrateVerdict {

    private MigrateVerdict() {
    }

    /** One finding per statement that changed the schema, naming the first few changes. */
    static Optional<Finding> judge(Observed o, List<SchemaChange> changes) {
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        List<String> shown = changes.stream().limit(3).map(SchemaChange::describe).toList();
        String more = changes.size() > 3 ? " and " + (changes.size() - 3) + " more changes" : "";
        return Optional.of(o.finding(VerifyRule.MIGRATE_SCHEMA_CHANGE, Severity.ERROR,
                o.phaseOfRelease() + " " + String.join(", ", shown) + more
                        + ": migrate must only change data, while both releases run",
                "1. Move this DDL to expand of " + o.migration().release().name()
                        + " (if it only adds) or to its contract (if it removes).",
                "2. Keep migrate to batched, idempotent data changes."));
    }
}
