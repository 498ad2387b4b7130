package dev.bellows.lint.parse;

import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A statement as the recognizer understood it.
 *
 * @param source      the split statement
 * @param verb        what it does
 * @param type        the kind of object (NONE for DML and utility statements)
 * @param names       the objects named (several for {@code DROP TABLE a, b}); for DML the table
 * @param table       the table an index, trigger or DML statement is on; for ALTER TABLE the table itself
 * @param flags       options such as CONCURRENTLY or IF EXISTS
 * @param actions     ALTER sub-commands, in order
 * @param columns     CREATE TABLE / CREATE INDEX columns
 * @param constraints CREATE TABLE constraints (inline and table-level)
 * @param reason      for UNRECOGNIZED: what the recognizer expected
 * @param at          where the statement's first interesting token is
 */
public record ParsedStatement(SqlStatement source, Verb verb, ObjectType type, List<String> names, String table,
                              Set<Flag> flags, List<AlterAction> actions, List<ColumnDef> columns,
                              List<ConstraintDef> constraints, String reason, Token at) {

    public ParsedStatement {
        names = List.copyOf(names);
        flags = flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
        actions = List.copyOf(actions);
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
    }

    /** The first object named, or the table, or null. */
    public String name() {
        return names.isEmpty() ? table : names.get(0);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    public boolean is(Verb v, ObjectType t) {
        return verb == v && type == t;
    }

    public boolean isAlterTable() {
        return verb == Verb.ALTER && type == ObjectType.TABLE;
    }

    public List<AlterAction> actions(Op op) {
        List<AlterAction> out = null;
        for (AlterAction a : actions) {
            if (a.op() == op) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(a);
            }
        }
        return out == null ? List.of() : out;
    }

    public boolean hasAction(Op op) {
        for (AlterAction a : actions) {
            if (a.op() == op) {
                return true;
            }
        }
        return false;
    }
}
