package dev.bellows.sql;

public enum TokenType {
    /** An unquoted identifier or keyword. */
    WORD,
    /** A quoted identifier: {@code "name"} on PostgreSQL, {@code `name`} on MySQL. */
    QUOTED_IDENTIFIER,
    /** A string literal, including E'', N'', B'', X'' forms and (on MySQL) double-quoted strings. */
    STRING,
    /** A PostgreSQL dollar-quoted string: {@code $$ … $$} or {@code $tag$ … $tag$}. */
    DOLLAR_STRING,
    NUMBER,
    /** A positional or named parameter: {@code $1}, {@code :name}, {@code ?}. */
    PARAMETER,
    /** Punctuation and operators: {@code ( ) , ; . = :: <> …}. */
    SYMBOL
}
