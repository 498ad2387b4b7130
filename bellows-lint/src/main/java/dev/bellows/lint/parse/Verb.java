package dev.bellows.lint.parse;

/** What a statement does, coarsely. */
public enum Verb {
    CREATE, ALTER, DROP, RENAME, REINDEX,
    UPDATE, DELETE, INSERT, TRUNCATE, SELECT, LOCK, VACUUM, CLUSTER, ANALYZE,
    DO, SET, COMMENT, GRANT, BEGIN, END, CALL,
    /** REFRESH MATERIALIZED VIEW. */
    REFRESH,
    /** A recognized statement with no effect on the schema or locks worth a rule (USE, SHOW, …). */
    OTHER,
    /** Not understood: reported by {@code unrecognized-statement}. */
    UNRECOGNIZED;

    public boolean isDml() {
        return this == UPDATE || this == DELETE || this == INSERT || this == TRUNCATE;
    }

    /** Schema changes: what the migrate phase must not contain. */
    public boolean isDdl() {
        return this == CREATE || this == ALTER || this == DROP || this == RENAME || this == REINDEX
                || this == CLUSTER;
    }
}
