package dev.bellows.lint.parse;

/** Options of a statement that rules look at. */
public enum Flag {
    CONCURRENTLY, UNIQUE, IF_EXISTS, IF_NOT_EXISTS, FULLTEXT, SPATIAL, OR_REPLACE, TEMPORARY, CASCADE,
    /** VACUUM FULL. */
    FULL,
    /** A DML statement limited by LIMIT, a key range or a batch subquery. */
    BOUNDED,
    /** INSERT … SELECT (as opposed to INSERT … VALUES). */
    FROM_SELECT,
    /** CREATE TABLE … AS SELECT / LIKE. */
    AS_SELECT,
    /** CREATE FUNCTION … RETURNS trigger: code that only keeps old and new columns in sync. */
    TRIGGER_FUNCTION,
    /** The statement starts a transaction block (BEGIN) rather than ending one. */
    TRANSACTION_START
}
