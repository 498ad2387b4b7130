package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.BlockBody;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.lint.parse.Verb;
import dev.bellows.sql.Token;
import dev.bellows.model.Severity;

/** PostgreSQL: a DO block, or a routine the migration calls, with EXECUTE runs SQL that no static check can read. */
public final class UncheckedDynamicSql implements Rule {

    public static final RuleInfo INFO = new RuleInfo("unchecked-dynamic-sql", Severity.WARNING, RuleInfo.POSTGRESQL,
            "DO block or called routine runs dynamic SQL that lint cannot see",
            "A DO block, or a function or procedure the migration creates and calls, that runs EXECUTE builds its SQL at run time: lint checks the static statements inside it, but not the text EXECUTE runs, which may drop, rename or lock anything.",
            "Write the statements out statically, or run bellows verify, which runs the block on a throwaway database and reports what it really did.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (s.verb() != Verb.DO) {
            return;
        }
        Token dynamic = BlockBody.of(s).dynamic();
        if (dynamic != null) {
            ctx.report(this, dynamic, "this DO block runs dynamic SQL (EXECUTE): lint checked the block's static "
                            + "statements but cannot see what EXECUTE runs",
                    "Write the statement out without EXECUTE if its text is fixed, so lint can check it.",
                    "Otherwise run bellows verify: it runs the block on a throwaway database and reports the locks, "
                            + "rewrites and drops it really caused.");
        }
    }

    /** A SELECT or CALL of a routine created earlier in the file whose body runs EXECUTE. */
    public void checkCall(StatementContext ctx, String routine, Token dynamic) {
        ctx.report(this, ctx.statement().at(), "this calls " + routine + "(), whose body runs dynamic SQL (EXECUTE "
                        + "at line " + dynamic.line() + "): lint checked its static statements but cannot see what "
                        + "EXECUTE runs",
                "Write the statement out without EXECUTE if its text is fixed, so lint can check it.",
                "Otherwise run bellows verify: it runs the migration on a throwaway database and reports the locks, "
                        + "rewrites and drops it really caused.");
    }
}
