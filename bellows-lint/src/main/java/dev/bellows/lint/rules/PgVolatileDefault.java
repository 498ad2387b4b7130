package dev.bellows.lint.rules;

import dev.bellows.lint.LocksTable;
import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.AlterAction;
import dev.bellows.lint.parse.ColumnDef;
import dev.bellows.lint.parse.Op;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Severity;

/**
 * PostgreSQL: adding a column whose default differs per row (volatile function, serial, identity,
 * stored generated) rewrites the table; before PostgreSQL 11 any default did.
 */
public final class PgVolatileDefault implements Rule, LocksTable {

    public static final RuleInfo INFO = new RuleInfo("pg-volatile-default", Severity.ERROR, RuleInfo.POSTGRESQL,
            "New column with a volatile default rewrites the table",
            "A default like gen_random_uuid(), random() or clock_timestamp() (also serial, identity and stored "
                    + "generated columns) must be computed for every existing row: the table and all its indexes "
                    + "are rewritten under ACCESS EXCLUSIVE. Constant and stable defaults (42, now(), "
                    + "CURRENT_TIMESTAMP) are stored once from PostgreSQL 11 on.",
            "Add the column without the default, set the default for new rows, backfill existing rows in migrate.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (!s.isAlterTable() || ctx.isNewTable(s.table())) {
            return;
        }
        boolean fastDefaults = ctx.options().pgVersion().atLeast(11, 0);
        for (AlterAction a : s.actions(Op.ADD_COLUMN)) {
            ColumnDef d = a.definition();
            boolean userVolatile = callsVolatileFunction(ctx, d.defaultValue());
            boolean rewrites = d.volatileDefault() || userVolatile || d.rewritesOnAdd() || !fastDefaults && d.hasDefault();
            if (!rewrites) {
                continue;
            }
            String t = s.table();
            if (d.storedGenerated()) {
                storedColumn(ctx, a, t, d);
                continue;
            }
            String why = userVolatile && !d.volatileDefault() ? "it calls a function created without IMMUTABLE or STABLE, "
                    + "which PostgreSQL treats as VOLATILE and evaluates per row"
                    : d.volatileDefault() || d.rewritesOnAdd()
                    ? "its value differs per row"
                    : "PostgreSQL " + ctx.options().pgVersion() + " writes every default into every row (fast "
                    + "defaults came in 11)";
            String def = d.defaultValue() == null ? "<expression>" : d.defaultValue();
            ctx.report(this, a.at(), "adding " + t + "." + d.name() + " with default " + def + " rewrites " + t
                            + " and all its indexes under ACCESS EXCLUSIVE (" + why + ")",
                    "ALTER TABLE " + t + " ADD COLUMN " + d.name() + " " + d.type() + "; (no default, no NOT NULL)",
                    "ALTER TABLE " + t + " ALTER COLUMN " + d.name() + " SET DEFAULT " + def
                            + "; (applies to new rows only, no rewrite)",
                    "In migrate, backfill existing rows of " + t + " in batches.",
                    "In contract, add NOT NULL if needed (via a validated CHECK).");
        }
    }

    private static final java.util.regex.Pattern CALL =
            java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

    /** Whether the default calls a function the migrations created without IMMUTABLE or STABLE. */
    private static boolean callsVolatileFunction(StatementContext ctx, String expression) {
        if (expression == null) {
            return false;
        }
        java.util.regex.Matcher m = CALL.matcher(expression);
        while (m.find()) {
            if (ctx.schema().isVolatileFunction(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** ADD COLUMN … GENERATED ALWAYS AS (expr) STORED: there is no default to move, the value is computed per row. */
    private void storedColumn(StatementContext ctx, AlterAction a, String t, ColumnDef d) {
        String expr = d.storedExpression().isEmpty() ? "<expression>" : d.storedExpression();
        String type = d.type() == null ? "<type>" : d.type().toString();
        ctx.report(this, a.at(), "adding " + t + "." + d.name() + " as a STORED generated column (" + expr
                        + ") rewrites " + t + " and all its indexes under ACCESS EXCLUSIVE: the value is computed and "
                        + "written for every existing row, and no reads or writes of " + t + " run meanwhile",
                "ALTER TABLE " + t + " ADD COLUMN " + d.name() + " " + type + "; (a plain nullable column, no rewrite)",
                "Keep it filled for new and changed rows: a BEFORE INSERT OR UPDATE trigger on " + t + " that sets NEW."
                        + d.name() + " := " + expr + " (or have release N write it).",
                "In migrate, backfill existing rows in batches: UPDATE " + t + " SET " + d.name() + " = " + expr
                        + " WHERE " + d.name() + " IS NULL AND <key range>.");
    }
}
