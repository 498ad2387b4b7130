package dev.bellows.run;

import dev.bellows.RefusedException;
import dev.bellows.db.ForeignHistory;
import dev.bellows.history.HistoryTable;

import java.util.List;
import java.util.Optional;

/**
 * The database has tables but no Bellows history: Bellows does not know what its schema amounts to, so it
 * touches nothing (exit 1) and names the way in: {@code bellows baseline}, or a configured legacy history.
 */
public final class UnknownSchemaException extends RefusedException {

    private final List<String> tables;
    private final Optional<ForeignHistory> foreign;

    public UnknownSchemaException(List<String> tables, Optional<ForeignHistory> foreign) {
        super(message(tables, foreign));
        this.tables = List.copyOf(tables);
        this.foreign = foreign;
    }

    public List<String> tables() {
        return tables;
    }

    public Optional<ForeignHistory> foreign() {
        return foreign;
    }

    private static String message(List<String> tables, Optional<ForeignHistory> foreign) {
        String shown = String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? ", … (" + tables.size() + " in all)" : "");
        StringBuilder m = new StringBuilder("this database already has tables (" + shown + ") but no Bellows history ("
                + HistoryTable.NAME + "), so Bellows does not know which releases its schema contains and changes "
                + "nothing. ");
        foreign.ifPresent(f -> m.append("It has ").append(f.describe()).append(". "));
        m.append("To take it over as it is, run `bellows baseline --release R`, R being the release this schema "
                + "amounts to: releases up to R count as applied and are never run");
        if (foreign.isPresent() && foreign.get().table().equalsIgnoreCase("flyway_schema_history")) {
            m.append("; or keep building it with Flyway: set legacy.flyway (the Flyway migrations folder) and "
                    + "legacy.release in bellows.yaml");
        } else if (foreign.isPresent() && foreign.get().table().equalsIgnoreCase("databasechangelog")) {
            m.append("; or keep building it with Liquibase: set legacy.liquibase (the changelog file) and "
                    + "legacy.release in bellows.yaml");
        }
        return m.append(".").toString();
    }
}
