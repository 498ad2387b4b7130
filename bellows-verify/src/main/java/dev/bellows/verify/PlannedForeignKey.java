package dev.bellows.verify;

import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ConstraintDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.StatementRecognizer;
import dev.bellows.model.Migration;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A single-column foreign key that a later migration adds to an existing table ({@code ALTER TABLE
 * orders ADD FOREIGN KEY (user_id) REFERENCES users …}, with or without NOT VALID). The rows
 * generated for {@code --rows} take that column's values from the referenced table already, so
 * that the later validation checks generated data that a real application could have written.
 *
 * @param table           the table as the migration names it ({@code orders}, {@code shop.orders})
 * @param column          the referencing column
 * @param referencedTable the referenced table as the migration names it
 */
record PlannedForeignKey(String table, String column, String referencedTable) {

    /** The foreign keys the given migrations add, as far as the statements say it in plain SQL. */
    static List<PlannedForeignKey> addedBy(List<Migration> migrations, SqlSyntax syntax) {
        List<PlannedForeignKey> out = new ArrayList<>();
        for (Migration m : migrations) {
            for (SqlStatement s : m.statements()) {
                ParsedStatement p;
                try {
                    p = StatementRecognizer.recognize(s, syntax);
                } catch (RuntimeException e) {
                    continue; // not recognized: no plan from it
                }
                if (p == null || !p.isAlterTable() || p.table() == null) {
                    continue;
                }
                for (AlterAction a : p.actions(Op.ADD_CONSTRAINT)) {
                    ConstraintDef c = a.constraint();
                    if (c != null && c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.columns().size() == 1
                            && c.referencedTable() != null) {
                        out.add(new PlannedForeignKey(p.table(), c.columns().get(0), c.referencedTable()));
                    }
                }
            }
        }
        return out;
    }
}
