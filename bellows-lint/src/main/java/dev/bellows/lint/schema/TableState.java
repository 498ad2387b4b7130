package dev.bellows.lint.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A table of the schema model: columns and constraints, with where it was created. */
public final class TableState {

    private final String name;
    private final Origin origin;
    private final Map<String, ColumnState> columns = new LinkedHashMap<>();
    private final Map<String, ConstraintState> constraints = new LinkedHashMap<>();

    TableState(String name, Origin origin) {
        this.name = name;
        this.origin = origin;
    }

    public String name() {
        return name;
    }

    /** Where the table was created; null when it predates the linted migrations. */
    public Origin origin() {
        return origin;
    }

    public Optional<ColumnState> column(String column) {
        return Optional.ofNullable(columns.get(column));
    }

    public Map<String, ColumnState> columns() {
        return Collections.unmodifiableMap(columns);
    }

    public Map<String, ConstraintState> constraints() {
        return Collections.unmodifiableMap(constraints);
    }

    /** Whether a validated {@code CHECK (column IS NOT NULL)} exists: SET NOT NULL then skips its scan (PG 12+). */
    public boolean hasValidatedNotNullCheck(String column) {
        for (ConstraintState c : constraints.values()) {
            if (c.validated() && column.equals(c.notNullCheckColumn())) {
                return true;
            }
        }
        return false;
    }

    TableState copyAs(String newName) {
        TableState t = new TableState(newName, origin);
        t.columns.putAll(columns);
        t.constraints.putAll(constraints);
        return t;
    }

    void putColumn(ColumnState c) {
        columns.put(c.name(), c);
    }

    void removeColumn(String column) {
        columns.remove(column);
    }

    void putConstraint(ConstraintState c) {
        constraints.put(c.name(), c);
    }

    void removeConstraint(String constraint) {
        constraints.remove(constraint);
    }

    void validate(String constraint) {
        constraints.computeIfPresent(constraint, (k, c) -> c.validate());
    }
}
