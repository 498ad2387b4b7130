package dev.bellows.verify;

import dev.bellows.model.Migration;

import java.util.List;

/** What one migration did, statement by statement. */
public record MigrationObservation(Migration migration, List<StatementObservation> statements, long millis) {

    public MigrationObservation {
        statements = List.copyOf(statements);
    }

    public boolean failed() {
        return statements.stream().anyMatch(StatementObservation::failed);
    }
}
