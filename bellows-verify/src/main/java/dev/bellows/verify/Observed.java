package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Severity;

import java.util.List;

/**
 * One statement of one migration, as the verdicts see it; makes findings that point at it.
 * {@code afterMigration} is the catalog once the whole migration ran: what other sessions see
 * after its COMMIT when it ran in one transaction.
 */
record Observed(Migration migration, StatementObservation statement, ReleaseContext context,
                CatalogSnapshot afterMigration) {

    Finding finding(VerifyRule rule, Severity severity, String message, String... help) {
        return new Finding(rule.id(), severity, migration.displayPath(), statement.statement().line(),
                statement.statement().column(), message, List.of(help), null);
    }

    /** {@code expand of 1.1}. */
    String phaseOfRelease() {
        return migration.phase().id() + " of " + migration.release().name();
    }
}
