package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnType;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.schema.ColumnState;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** Expand must not remove a value from a MySQL ENUM/SET column: release N-1 still writes it. */
public final class ExpandDropEnumValue implements Rule {

    public static final RuleInfo INFO = new RuleInfo("expand-drop-enum-value", Severity.ERROR, RuleInfo.MYSQL,
            "Enum value removed in expand",
            "Release N-1 still writes the removed value: in strict mode its inserts and updates fail, otherwise "
                    + "they silently store ''. Rows holding the value are changed too (and the table is copied).",
            "Stop writing the value in release N, migrate rows away from it, then remove it in contract.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.EXPAND || !s.isAlterTable()) {
            return;
        }
        for (AlterAction a : s.actions(Op.REDEFINE_COLUMN)) {
            ColumnType old = ctx.column(s.table(), a.column()).map(ColumnState::type).orElse(null);
            ColumnType now = a.definition().type();
            if (old == null || now == null || !isEnum(old) || !old.base().equals(now.base())) {
                continue;
            }
            List<String> removed = new ArrayList<>(old.args());
            removed.removeAll(now.args());
            if (!removed.isEmpty()) {
                String values = String.join(", ", removed);
                ctx.report(this, a.at(), "removing " + values + " from " + s.table() + "." + a.column()
                                + " in expand breaks release N-1, which may still write " + values,
                        "Stop writing " + values + " in release N.",
                        "In migrate, update the rows of " + s.table() + " that hold " + values + " in batches.",
                        "Redefine " + a.column() + " without " + values + " in the contract phase of release N.");
            }
        }
    }

    private static boolean isEnum(ColumnType t) {
        return t.base().equals("enum") || t.base().equals("set");
    }
}
