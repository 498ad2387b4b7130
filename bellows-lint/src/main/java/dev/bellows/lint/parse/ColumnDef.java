package dev.bellows.lint.parse;

import dev.bellows.sql.Token;

/**
 * A column as defined in CREATE TABLE, ADD COLUMN or MySQL MODIFY/CHANGE.
 *
 * @param name            the column name
 * @param type            its type, or null when not given (never for a valid definition)
 * @param notNull         NOT NULL (or PRIMARY KEY) was given
 * @param defaultValue    the DEFAULT expression as written, or null
 * @param volatileDefault the default calls a volatile function (value differs per row)
 * @param rewritesOnAdd   identity, serial, stored generated or AUTO_INCREMENT: adding it fills every row
 * @param primaryKey      declared PRIMARY KEY inline
 * @param unique          declared UNIQUE inline
 * @param references      the referenced table of an inline REFERENCES, or null
 * @param check           has an inline CHECK
 * @param storedExpression the expression of a STORED (MariaDB: PERSISTENT) generated column, or null
 * @param at              where the definition starts
 */
public record ColumnDef(String name, ColumnType type, boolean notNull, String defaultValue, boolean volatileDefault,
                        boolean rewritesOnAdd, boolean primaryKey, boolean unique, String references, boolean check,
                        String storedExpression, Token at) {

    /** A STORED generated column: adding it computes and writes the value for every existing row. */
    public boolean storedGenerated() {
        return storedExpression != null;
    }

    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.equalsIgnoreCase("null");
    }
}
