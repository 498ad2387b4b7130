package dev.bellows.db;

import java.util.List;

/**
 * The columns of Bellows' own tables, written once; each {@link Dialect} supplies only its type
 * names and table options.
 */
final class BellowsTables {

    private BellowsTables() {
    }

    static List<String> history(Dialect d, String table, String timestamp, String text) {
        return List.of("CREATE TABLE IF NOT EXISTS " + d.quote(table) + " ("
                + d.autoIncrementPrimaryKey("id") + ", "
                + "migration varchar(400) NOT NULL, "
                + "release_name varchar(64) NOT NULL, "
                + "phase varchar(16) NOT NULL, "
                + "file_name varchar(255) NOT NULL, "
                + "checksum char(64) NOT NULL, "
                + "statements_total integer NOT NULL, "
                + "statements_done integer NOT NULL DEFAULT 0, "
                + "done_checksum char(64) NULL, "
                + "rows_affected bigint NOT NULL DEFAULT 0, "
                + "batches bigint NOT NULL DEFAULT 0, "
                + "started_at " + timestamp + " NOT NULL, "
                + "finished_at " + timestamp + " NULL, "
                + "duration_ms bigint NULL, "
                + "outcome varchar(16) NOT NULL, "
                + "applied_by varchar(128) NOT NULL, "
                + "host varchar(255) NOT NULL, "
                + "message " + text + " NULL, "
                + "CONSTRAINT " + d.quote(table + "_migration_key") + " UNIQUE (migration)"
                + ")" + d.tableOptions());
    }

    static List<String> instances(Dialect d, String table, String timestamp, String text) {
        return List.of("CREATE TABLE IF NOT EXISTS " + d.quote(table) + " ("
                + "id varchar(128) NOT NULL PRIMARY KEY, "
                + "release_name varchar(64) NOT NULL, "
                + "host varchar(255) NOT NULL, "
                + "pid bigint NULL, "
                + "started_at " + timestamp + " NOT NULL, "
                + "heartbeat_at " + timestamp + " NOT NULL, "
                + "ttl_seconds integer NOT NULL, "
                + "metadata " + text + " NULL"
                + ")" + d.tableOptions());
    }
}
