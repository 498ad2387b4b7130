package dev.bellows.lint.parse;

/** One sub-command of ALTER TABLE (or ALTER TYPE / VIEW / FUNCTION / SEQUENCE). */
public enum Op {
    ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, ALTER_COLUMN_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT,
    /** MySQL MODIFY / CHANGE: the column is redefined as a whole (type, nullability, default). */
    REDEFINE_COLUMN,
    ADD_CONSTRAINT, DROP_CONSTRAINT, VALIDATE_CONSTRAINT,
    /** MySQL ADD INDEX / KEY / FULLTEXT / SPATIAL inside ALTER TABLE. */
    ADD_INDEX, DROP_INDEX, DROP_PRIMARY_KEY, DROP_FOREIGN_KEY,
    RENAME_TO, SET_TABLESPACE,
    /** MySQL ALGORITHM=…; value holds the algorithm. */
    ALGORITHM,
    /** MySQL LOCK=…; value holds the level. */
    LOCK,
    CONVERT_CHARSET,
    /** MySQL ENGINE=, FORCE, ROW_FORMAT=: rebuilds the table. */
    REBUILD,
    /** PostgreSQL DETACH PARTITION (not FINALIZE); value holds the partition, the statement flag CONCURRENTLY. */
    DETACH_PARTITION,
    /** ALTER TYPE … ADD VALUE. */
    ADD_VALUE,
    /** ALTER TYPE … RENAME VALUE. */
    RENAME_VALUE,
    /** A recognized sub-command no rule cares about (SET STATISTICS, OWNER TO, ENABLE TRIGGER, …). */
    OTHER
}
