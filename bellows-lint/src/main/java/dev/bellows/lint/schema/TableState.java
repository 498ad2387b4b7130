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
    private final java.util.Set<String> indexed = new java.util.HashSet<>();

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

    /**
     * Whether an index, primary key or unique constraint the migrations created covers the column.
     * For a table that predates the migrations the answer is unknown, and taken to be yes.
     */
    public boolean indexed(String column) {
        if (origin == null || indexed.contains(column)) {
            return true;
        }
        for (ConstraintState c : constraints.values()) {
            if (c.columns().contains(column) && (c.kind() == dev.bellows.lint.parse.ConstraintDef.Kind.PRIMARY_KEY
                    || c.kind() == dev.bellows.lint.parse.ConstraintDef.Kind.UNIQUE
                    || c.kind() == dev.bellows.lint.parse.ConstraintDef.Kind.EXCLUDE)) {
                return true;
            }
        }
        return false;
    }

    /** The CHECK constraints that name the column (PostgreSQL re-checks them when its type changes). */
    public java.util.List<ConstraintState> checksOn(String column) {
        return constraints.values().stream()
                .filter(c -> c.kind() == dev.bellows.lint.parse.ConstraintDef.Kind.CHECK && c.columns().contains(column))
                .toList();
    }

    void index(String column) {
        indexed.add(column);
    }

    TableState copyAs(String newName) {
        TableState t = new TableState(newName, origin);
        t.indexed.addAll(indexed);
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
