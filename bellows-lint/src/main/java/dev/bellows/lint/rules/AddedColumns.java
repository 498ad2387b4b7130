package dev.bellows.lint.rules;

import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;

import java.util.List;

/** Columns a statement adds, as the column rules need them. */
final class AddedColumns {

    private AddedColumns() {
    }

    /**
     * The NOT NULL columns without a default (and not filled by a rewrite, such as a generated column)
     * that the statement adds to a table that existed before this release, when it runs in {@code phase}.
     */
    static List<AlterAction> notNullWithoutDefault(StatementContext ctx, Phase phase) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != phase || !s.isAlterTable() || ctx.isNewTable(s.table())) {
            return List.of();
        }
        return s.actions(Op.ADD_COLUMN).stream().filter(a -> {
            ColumnDef d = a.definition();
            return d.notNull() && !d.hasDefault() && !d.rewritesOnAdd();
        }).toList();
    }
}
