package dev.bellows.lint.schema;

import dev.bellows.lint.parse.ColumnType;

/**
 * A column as the replayed migrations left it.
 *
 * @param name         its name
 * @param type         its type, or null when unknown (e.g. the table predates the migrations)
 * @param notNull      whether it is NOT NULL
 * @param defaultValue its default expression, or null
 * @param origin       where it was created
 */
public record ColumnState(String name, ColumnType type, boolean notNull, String defaultValue, Origin origin) {

    ColumnState withType(ColumnType t) {
        return new ColumnState(name, t, notNull, defaultValue, origin);
    }

    ColumnState withNotNull(boolean nn) {
        return new ColumnState(name, type, nn, defaultValue, origin);
    }

    ColumnState withDefault(String d) {
        return new ColumnState(name, type, notNull, d, origin);
    }

    ColumnState renamed(String n) {
        return new ColumnState(n, type, notNull, defaultValue, origin);
    }
}
