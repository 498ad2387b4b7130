package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.lint.parse.Flag;
import dev.bellows.lint.parse.ObjectType;
import dev.bellows.lint.parse.ParsedStatement;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;

/** Migrate changes data only; schema changes belong in expand or contract. */
public final class MigrateDdl implements Rule {

    public static final RuleInfo INFO = new RuleInfo("migrate-ddl", Severity.ERROR, RuleInfo.BOTH,
            "Schema change in migrate",
            "Migrate runs while both releases serve traffic and is resumed batch by batch; a schema change there is "
                    + "neither additive-before-rollout (expand) nor clean-up-after (contract), so neither release "
                    + "was written for it.",
            "Move additions to expand and removals to contract; keep only batched DML in migrate.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        ParsedStatement s = ctx.statement();
        if (ctx.phase() != Phase.MIGRATE || !s.verb().isDdl() || s.has(Flag.TEMPORARY)
                || s.type() == ObjectType.OTHER) {
            return;
        }
        String what = s.verb().name() + (s.type() == ObjectType.NONE ? "" : " " + s.type().label().toUpperCase())
                + (s.name() == null ? "" : " " + s.name());
        ctx.report(this, s.at(), what + " in migrate: migrate is for batched data changes while both releases run",
                "Move additions (CREATE, ADD COLUMN, CREATE INDEX) to the expand phase of this release.",
                "Move removals and tightening (DROP, SET NOT NULL, VALIDATE) to the contract phase.");
    }
}
