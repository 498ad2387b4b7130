package dev.bellows.lint.parse;

import dev.bellows.sql.Token;

/**
 * One sub-command of an ALTER statement.
 *
 * @param op         what it does
 * @param column     the column it concerns (or the old name for renames), or null
 * @param newName    the new name (renames), or null
 * @param definition the column definition (ADD COLUMN, MODIFY, CHANGE), or the new type (ALTER COLUMN TYPE), or null
 * @param constraint the constraint (ADD CONSTRAINT, ADD INDEX), or null
 * @param value      a literal argument: the constraint name (DROP/VALIDATE), the algorithm, the lock level,
 *                   the enum value, the index name; or null
 * @param at         where the sub-command starts
 */
public record AlterAction(Op op, String column, String newName, ColumnDef definition, ConstraintDef constraint,
                          String value, Token at) {

    static AlterAction of(Op op, Token at) {
        return new AlterAction(op, null, null, null, null, null, at);
    }

    static AlterAction column(Op op, String column, Token at) {
        return new AlterAction(op, column, null, null, null, null, at);
    }

    static AlterAction value(Op op, String value, Token at) {
        return new AlterAction(op, null, null, null, null, value, at);
    }
}
