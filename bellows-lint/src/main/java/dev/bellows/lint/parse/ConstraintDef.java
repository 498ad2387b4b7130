package dev.bellows.lint.parse;

import dev.bellows.sql.Token;

import java.util.List;

/**
 * A table constraint, inline in CREATE TABLE or added by ALTER TABLE.
 *
 * @param kind               what it checks
 * @param name               its name, or null when the database picks one
 * @param columns            the constrained columns, where listed
 * @param notValid           PostgreSQL NOT VALID: existing rows are not checked now
 * @param usingIndex         PostgreSQL USING INDEX: built from an existing unique index
 * @param notNullCheckColumn for {@code CHECK (c IS NOT NULL)}: {@code c}; otherwise null
 * @param referencedTable    for a foreign key: the referenced table
 * @param at                 where the constraint starts
 */
public record ConstraintDef(Kind kind, String name, List<String> columns, boolean notValid, boolean usingIndex,
                            String notNullCheckColumn, String referencedTable, Token at) {

    public ConstraintDef {
        columns = List.copyOf(columns);
    }

    public enum Kind {
        PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE, NOT_NULL;

        public String label() {
            return switch (this) {
                case PRIMARY_KEY -> "primary key";
                case UNIQUE -> "unique constraint";
                case CHECK -> "check constraint";
                case FOREIGN_KEY -> "foreign key";
                case EXCLUDE -> "exclusion constraint";
                case NOT_NULL -> "not-null constraint";
            };
        }
    }

    /** The constraint's name for messages, or a description when unnamed. */
    public String displayName(String table) {
        return name != null ? name : table + "_" + String.join("_", columns) + "_" + kind.name().toLowerCase();
    }
}
