package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.model.Phase;
import dev.bellows.model.Severity;
import dev.bellows.queries.ContractDrops;
import dev.bellows.queries.QueryManifest;

import java.util.List;
import java.util.Optional;

/**
 * Contract must not drop what the release's own query manifest still uses: when
 * {@code db/queries/<N>.sql} exists, every column, table, view, function, sequence or type that
 * contract(N) drops is looked up in release N's statements. The same check gates {@code bellows
 * contract} before it touches the database.
 */
public final class ContractDropQueriedObject implements Rule {

    public static final RuleInfo INFO = new RuleInfo("contract-drop-queried-object", Severity.ERROR, RuleInfo.BOTH,
            "Contract drops what the release's query manifest still uses",
            "Contract runs when every instance runs release N. If release N's own statements (its query manifest, "
                    + "captured from its tests or from production) name what contract(N) drops, those statements fail "
                    + "on every instance the moment contract commits.",
            "Keep the object until the contract of a release whose manifest no longer uses it; if the application "
                    + "stopped sending the statement, capture the manifest again so it shows.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext ctx) {
        if (ctx.phase() != Phase.CONTRACT) {
            return;
        }
        Optional<QueryManifest> manifest = ctx.options().queries().of(ctx.release());
        if (manifest.isEmpty()) {
            return;
        }
        List<ContractDrops.Dropped> dropped = ContractDrops.of(ctx.statement(), ctx.file());
        for (ContractDrops.Use use : ContractDrops.uses(manifest.get(), dropped, ctx.options().dialect().syntax())) {
            ctx.report(this, null, "contract of release " + ctx.release() + " drops " + use.dropped().describe()
                            + ", but release " + ctx.release() + " still sends `" + use.entry().brief() + "` ("
                            + use.manifest().where(use.entry()) + "): that statement fails on every instance once "
                            + "contract commits",
                    "Keep " + use.dropped().describe() + " in release " + ctx.release() + "; drop it in the contract "
                            + "of a release whose manifest no longer uses it.",
                    "If the application no longer sends the statement, capture " + use.manifest().display()
                            + " again (run its tests) or delete the entry.");
        }
    }
}
