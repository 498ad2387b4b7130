package dev.bellows.lint.schema;

import dev.bellows.lint.parse.ConstraintDef;

import java.util.List;

/**
 * A constraint as the replayed migrations left it.
 *
 * @param name               its name (generated for unnamed ones)
 * @param kind               what it checks
 * @param columns            its columns
 * @param validated          false while a NOT VALID constraint has not been validated
 * @param notNullCheckColumn for {@code CHECK (c IS NOT NULL)}: {@code c}
 * @param origin             where it was created
 */
public record ConstraintState(String name, ConstraintDef.Kind kind, List<String> columns, boolean validated,
                              String notNullCheckColumn, Origin origin) {

    public ConstraintState {
        columns = List.copyOf(columns);
    }

    ConstraintState validate() {
        return new ConstraintState(name, kind, columns, true, notNullCheckColumn, origin);
    }
}
