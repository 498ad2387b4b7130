package dev.bellows.lint.schema;

import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema as the migrations replayed so far have left it: tables (columns, constraints),
 * indexes, views, functions, sequences, types with their enum values, schemas and triggers, each
 * with the release and phase that created it. Objects the migrations never created (they predate
 * them) are unknown: rules treat them as existing and used by the previous release.
 */
public final class SchemaModel {

    private final Map<String, TableState> tables = new HashMap<>();
    private final Map<ObjectType, Map<String, Origin>> objects = new EnumMap<>(ObjectType.class);
    private final Map<String, String> indexTables = new HashMap<>();
    private final Map<String, List<String>> enumValues = new HashMap<>();
    private final java.util.Set<String> triggerFunctions = new java.util.HashSet<>();
    /** Functions created without IMMUTABLE or STABLE: PostgreSQL treats them as volatile. */
    private final java.util.Set<String> volatileFunctions = new java.util.HashSet<>();
    /** Output columns of views and materialized views the migrations created, when statically known. */
    private final Map<String, List<String>> viewColumns = new HashMap<>();
    /** Old names of renamed tables and views, with where the rename happened. */
    private final Map<String, Origin> renamedAway = new HashMap<>();

    /** Whether the function was created as {@code RETURNS trigger}. */
    public boolean isTriggerFunction(String name) {
        return name != null && triggerFunctions.contains(name);
    }

    /** The output columns of a view the migrations created, when the statement named them all. */
    public Optional<List<String>> viewColumns(String view) {
        return Optional.ofNullable(view == null ? null : viewColumns.get(view));
    }

    /** Whether the migrations created the function without IMMUTABLE or STABLE (so it is VOLATILE). */
    public boolean isVolatileFunction(String name) {
        return name != null && volatileFunctions.contains(name);
    }

    /** Where a table or view was renamed away from {@code oldName}, if it was. */
    public Optional<Origin> renamedAwayFrom(String oldName) {
        return Optional.ofNullable(oldName == null ? null : renamedAway.get(oldName));
    }

    public Optional<TableState> table(String name) {
        return Optional.ofNullable(name == null ? null : tables.get(name));
    }

    /** Where the object was created, when the migrations created it. */
    public Optional<Origin> origin(ObjectType type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (type == ObjectType.TABLE) {
            return table(name).map(TableState::origin);
        }
        Map<String, Origin> m = objects.get(type);
        return Optional.ofNullable(m == null ? null : m.get(name));
    }

    /** Where the column was created, when the migrations created it. */
    public Optional<Origin> columnOrigin(String table, String column) {
        return table(table).flatMap(t -> t.column(column)).map(ColumnState::origin);
    }

    public Optional<String> tableOfIndex(String index) {
        return Optional.ofNullable(indexTables.get(index));
    }

    /** The values of an enum type created by the migrations (empty when unknown). */
    public List<String> enumValues(String type) {
        return enumValues.getOrDefault(type, List.of());
    }

    /** Replays one statement into the model. */
    public void apply(ParsedStatement s, Origin origin) {
        switch (s.verb()) {
            case CREATE -> create(s, origin);
            case ALTER -> alter(s, origin);
            case DROP -> s.names().forEach(n -> remove(s.type(), n));
            case RENAME -> s.actions().forEach(a -> rename(ObjectType.TABLE, a.column(), a.newName(), origin));
            default -> {
                // DML and utility statements leave the schema as it is
            }
        }
    }

    private void create(ParsedStatement s, Origin origin) {
        if (s.type() == ObjectType.FUNCTION && s.has(Flag.TRIGGER_FUNCTION)) {
            s.names().forEach(triggerFunctions::add);
        }
        if (s.type() == ObjectType.FUNCTION && !s.has(Flag.TRIGGER_FUNCTION)) {
            boolean declared = s.source().tokens().stream().anyMatch(t -> t.type() == dev.bellows.sql.TokenType.WORD
                    && (t.is("IMMUTABLE") || t.is("STABLE")));
            for (String n : s.names()) {
                String bare = bare(n);
                if (declared) {
                    volatileFunctions.remove(bare);
                } else {
                    volatileFunctions.add(bare);
                }
            }
        }
        String name = s.name();
        if (name != null && (s.type() == ObjectType.VIEW || s.type() == ObjectType.MATERIALIZED_VIEW)) {
            dev.bellows.lint.parse.ViewColumns.of(s).ifPresentOrElse(c -> viewColumns.put(name, c),
                    () -> viewColumns.remove(name));
        }
        if (name == null || (s.has(Flag.IF_NOT_EXISTS) || s.has(Flag.OR_REPLACE)) && origin(s.type(), name).isPresent()) {
            return;
        }
        switch (s.type()) {
            case TABLE -> {
                TableState t = new TableState(name, origin);
                for (ColumnDef c : s.columns()) {
                    t.putColumn(new ColumnState(c.name(), c.type(), c.notNull(), c.defaultValue(), origin));
                    if (c.primaryKey() || c.unique()) {
                        t.index(c.name());
                    }
                }
                for (ConstraintDef c : s.constraints()) {
                    t.putConstraint(state(c, name, origin));
                }
                tables.put(name, t);
            }
            case INDEX -> {
                put(ObjectType.INDEX, name, origin);
                indexTables.put(name, s.table());
                table(s.table()).ifPresent(t -> s.columns().forEach(c -> t.index(c.name())));
            }
            case TYPE -> {
                put(ObjectType.TYPE, name, origin);
                List<String> values = new ArrayList<>();
                s.actions(Op.ADD_VALUE).forEach(a -> values.add(a.value()));
                enumValues.put(name, values);
            }
            case OTHER, NONE -> {
                // not tracked
            }
            default -> put(s.type(), name, origin);
        }
    }

    private void alter(ParsedStatement s, Origin origin) {
        if (s.type() == ObjectType.TABLE) {
            alterTable(s, origin);
            return;
        }
        for (AlterAction a : s.actions()) {
            switch (a.op()) {
                case RENAME_TO -> rename(s.type(), s.name(), a.newName(), origin);
                case ADD_VALUE -> {
                    List<String> values = new ArrayList<>(enumValues(s.name()));
                    values.add(a.value());
                    enumValues.put(s.name(), values);
                }
                case RENAME_VALUE -> {
                    List<String> values = new ArrayList<>(enumValues(s.name()));
                    values.replaceAll(v -> v.equals(a.column()) ? a.newName() : v);
                    enumValues.put(s.name(), values);
                }
                default -> {
                    // nothing tracked
                }
            }
        }
    }

    private void alterTable(ParsedStatement s, Origin origin) {
        String name = s.table();
        TableState t = tables.computeIfAbsent(name, n -> new TableState(n, null));
        for (AlterAction a : s.actions()) {
            switch (a.op()) {
                case ADD_COLUMN -> {
                    t.putColumn(new ColumnState(a.column(), a.definition().type(),
                            a.definition().notNull(), a.definition().defaultValue(), origin));
                    if (a.definition().primaryKey() || a.definition().unique()) {
                        t.index(a.column());
                    }
                }
                case DROP_COLUMN -> t.removeColumn(a.column());
                case RENAME_COLUMN -> t.column(a.column()).ifPresent(c -> {
                    t.removeColumn(a.column());
                    t.putColumn(c.renamed(a.newName()));
                });
                case ALTER_COLUMN_TYPE -> update(t, a.column(), c -> c.withType(a.definition().type()));
                case SET_NOT_NULL -> update(t, a.column(), c -> c.withNotNull(true));
                case DROP_NOT_NULL -> update(t, a.column(), c -> c.withNotNull(false));
                case SET_DEFAULT -> update(t, a.column(), c -> c.withDefault(a.value()));
                case DROP_DEFAULT -> update(t, a.column(), c -> c.withDefault(null));
                case REDEFINE_COLUMN -> {
                    Origin was = t.column(a.column()).map(ColumnState::origin).orElse(null);
                    ColumnDef d = a.definition();
                    t.removeColumn(a.column());
                    t.putColumn(new ColumnState(d.name(), d.type(), d.notNull(), d.defaultValue(), was));
                }
                case ADD_CONSTRAINT -> t.putConstraint(state(a.constraint(), name, origin));
                case DROP_CONSTRAINT, DROP_FOREIGN_KEY -> t.removeConstraint(a.value());
                case VALIDATE_CONSTRAINT -> t.validate(a.value());
                case ADD_INDEX -> {
                    if (a.newName() != null) {
                        put(ObjectType.INDEX, a.newName(), origin);
                        indexTables.put(a.newName(), name);
                    }
                }
                case DROP_INDEX -> remove(ObjectType.INDEX, a.value());
                case RENAME_TO -> rename(ObjectType.TABLE, name, a.newName(), origin);
                default -> {
                    // no schema effect tracked
                }
            }
        }
    }

    private static String bare(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static void update(TableState t, String column, java.util.function.UnaryOperator<ColumnState> f) {
        t.column(column).ifPresent(c -> t.putColumn(f.apply(c)));
    }

    private static ConstraintState state(ConstraintDef c, String table, Origin origin) {
        return new ConstraintState(c.displayName(table), c.kind(), c.columns(), !c.notValid(), c.notNullCheckColumn(),
                origin);
    }

    private void put(ObjectType type, String name, Origin origin) {
        objects.computeIfAbsent(type, k -> new HashMap<>()).put(name, origin);
    }

    private void remove(ObjectType type, String name) {
        if (type == ObjectType.TABLE) {
            tables.remove(name);
            return;
        }
        Map<String, Origin> m = objects.get(type);
        if (m != null) {
            m.remove(name);
        }
        if (type == ObjectType.INDEX) {
            indexTables.remove(name);
        }
        if (type == ObjectType.TYPE) {
            enumValues.remove(name);
        }
    }

    private void rename(ObjectType type, String from, String to, Origin origin) {
        if (from == null || to == null) {
            return;
        }
        if (type == ObjectType.TABLE || type == ObjectType.VIEW) {
            renamedAway.put(from, origin);
        }
        if (type == ObjectType.TABLE) {
            TableState t = tables.remove(from);
            if (t != null) {
                tables.put(to, t.copyAs(to));
            }
            return;
        }
        Map<String, Origin> m = objects.get(type);
        if (m != null && m.containsKey(from)) {
            m.put(to, m.remove(from));
        }
        if (type == ObjectType.TYPE && enumValues.containsKey(from)) {
            enumValues.put(to, enumValues.remove(from));
        }
        if (type == ObjectType.TYPE) {
            // columns follow the type to its new name: a type created later under the old name is another type
            for (TableState t : tables.values()) {
                for (ColumnState c : List.copyOf(t.columns().values())) {
                    if (c.type() != null && c.type().base().equals(from)) {
                        t.putColumn(c.withType(new dev.bellows.lint.parse.ColumnType(to, c.type().args(), to)));
                    }
                }
            }
        }
        if (type == ObjectType.INDEX && indexTables.containsKey(from)) {
            indexTables.put(to, indexTables.remove(from));
        }
    }
}
