package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.Optional;

/** contract(N) must not remove what expand(N) added: release N uses it. */
final class ContractVerdict {

    private ContractVerdict() {
    }

    /**
     * What expand(N) added for release N must stay through contract(N). Compatibility shims that
     * expand(N) added for release N-1 may go: a view or table that took over an old name, triggers
     * and trigger functions, indexes and constraints.
     */
    static Optional<Finding> judge(Observed o, SchemaChange c) {
        ReleaseContext ctx = o.context();
        if (c.kind() != SchemaChange.Kind.DROPPED && c.kind() != SchemaChange.Kind.RENAMED
                || !ctx.addedInExpand().contains(c.identity())) {
            return Optional.empty();
        }
        SchemaObject obj = c.before();
        boolean shim = !obj.kind().usedByCode() || "trigger".equals(obj.property("returns"))
                || ctx.atExpandStart().objects().values().stream()
                .anyMatch(x -> x.name().equals(obj.name())
                        && (x.kind() == obj.kind() || x.table() == null && obj.table() == null));
        if (shim) {
            return Optional.empty();
        }
        return Optional.of(o.finding(VerifyRule.CONTRACT_REMOVES_NEW, Severity.ERROR,
                o.phaseOfRelease() + " " + c.describe() + ", which expand of " + ctx.release().name()
                        + " added: release " + ctx.release().name() + " uses it",
                "1. Remove this from contract of " + ctx.release().name() + ".",
                "2. If it is really unused, drop it in the contract of a later release."));
    }
}
