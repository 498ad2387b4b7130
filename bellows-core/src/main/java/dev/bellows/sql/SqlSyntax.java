package dev.bellows.sql;

/** The lexical rules a script is split by. */
public enum SqlSyntax {
    /** Dollar quotes, E'' strings, "identifiers", nested block comments, BEGIN ATOMIC bodies. */
    POSTGRESQL,
    /** Backticks, "strings", backslash escapes, # comments, DELIMITER blocks. */
    MYSQL
}
