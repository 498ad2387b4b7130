package dev.bellows.legacy;

import java.util.List;

/**
 * Where a legacy history stands.
 *
 * @param engine   {@code Flyway} or {@code Liquibase}
 * @param table    the engine's history table
 * @param applied  entries the engine has applied, oldest first ({@code V3 add phone}, a changeset id)
 * @param pending  entries it would apply now, in its own order
 * @param problems failed entries, and applied entries whose file was edited since (checksum), each naming it
 */
public record LegacyStatus(String engine, String table, List<String> applied, List<String> pending,
                           List<String> problems) {

    public LegacyStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    public boolean upToDate() {
        return pending.isEmpty() && problems.isEmpty();
    }
}
