package dev.bellows.lint;

import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.schema.ColumnState;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to an existing column's type or nullability, from PostgreSQL ALTER COLUMN … TYPE /
 * SET NOT NULL or MySQL MODIFY / CHANGE, compared with the column as the schema model knows it.
 *
 * @param action  the sub-command
 * @param table   the table
 * @param column  the column
 * @param from    the type before, or null when the model does not know the column
 * @param to      the type after (null for SET NOT NULL)
 * @param notNull whether the column becomes NOT NULL while it was nullable (or unknown)
 * @param newColumn whether this release added the column (to a table that existed before it): release N-1
 *                  does not use it, but the table's rows and locks are real
 */
public record ColumnChange(AlterAction action, String table, String column, ColumnType from, ColumnType to,
                           boolean notNull, boolean newColumn) {

    /** Whether the type changes (or may: the old type is unknown). */
    public boolean typeChanges() {
        return to != null && (from == null || !from.sameAs(to));
    }

    public boolean typeChangesInPlace(StatementContext ctx) {
        if (!typeChanges()) {
            return true;
        }
        boolean indexed = ctx.schema().table(table).map(t -> t.indexed(column)).orElse(true);
        return ctx.options().dialect().changesTypeInPlace(from, to, ctx.options(), indexed,
                ctx.surroundings().sessionTimeZone().orElse(null));
    }

    /** The changes of columns in an ALTER TABLE of an existing table; tables new in this release are left out. */
    static List<ColumnChange> of(StatementContext ctx) {
        if (!ctx.statement().isAlterTable()) {
            return List.of();
        }
        ParsedStatement s = ctx.statement();
        List<ColumnChange> out = new ArrayList<>();
        for (AlterAction a : s.actions()) {
            if (ctx.isNewTable(s.table())) {
                continue;
            }
            boolean fresh = ctx.isNewColumn(s.table(), a.column());
            ColumnState old = ctx.column(s.table(), a.column()).orElse(null);
            ColumnType from = old == null ? null : old.type();
            switch (a.op()) {
                case ALTER_COLUMN_TYPE -> out.add(new ColumnChange(a, s.table(), a.column(), from,
                        a.definition().type(), false, fresh));
                case SET_NOT_NULL -> out.add(new ColumnChange(a, s.table(), a.column(), from, null,
                        old == null || !old.notNull(), fresh));
                case REDEFINE_COLUMN -> out.add(new ColumnChange(a, s.table(), a.column(), from,
                        a.definition().type(), a.definition().notNull() && (old == null || !old.notNull()), fresh));
                default -> {
                    // not a column change
                }
            }
        }
        return out;
    }

    /** {@code orders.total} */
    public String qualified() {
        return table + "." + column;
    }

    /** How the type change reads in a message: {@code from int to bigint}. */
    public String describe() {
        return (from == null ? "" : "from " + from + " ") + "to " + to;
    }

    public boolean is(Op op) {
        return action.op() == op;
    }
}
