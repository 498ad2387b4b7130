package dev.bellows.queries;

import dev.bellows.model.MigrationSet;
import dev.bellows.model.Release;
import dev.bellows.run.ContractGuard;
import dev.bellows.sql.SqlSyntax;

import java.sql.Connection;
import java.util.List;

/**
 * The contract gate from the query manifests: {@code contract(N)} is blocked while release N's
 * manifest sends a statement that names a column, table, view, function, sequence or type that
 * contract(N) drops. It reads files only (never the database), so the refusal comes before anything
 * is touched. The runtime ({@code bellows-core}) knows only the {@link ContractGuard} seam; the CLI,
 * the Maven plugin and applications that want this gate pass it in
 * {@code RunOptions.withContractGuard}.
 */
public final class ManifestContractGuard implements ContractGuard {

    private final MigrationSet migrations;
    private final QueryManifests manifests;
    private final SqlSyntax syntax;

    public ManifestContractGuard(MigrationSet migrations, QueryManifests manifests, SqlSyntax syntax) {
        this.migrations = migrations;
        this.manifests = manifests;
        this.syntax = syntax;
    }

    @Override
    public List<String> blockers(Connection connection, Release target) {
        return uses(target).stream().map(u -> u.describe() + " (keep it until a later release's contract; if the "
                + "application no longer sends the statement, capture the manifest again)").toList();
    }

    /** Release {@code target}'s statements that use what its contract drops. */
    public List<ContractDrops.Use> uses(Release target) {
        return manifests.of(target)
                .map(m -> ContractDrops.uses(m, ContractDrops.of(migrations, target, syntax), syntax))
                .orElse(List.of());
    }
}
