package dev.bellows.verify;

import dev.bellows.lint.Waiver;
import dev.bellows.lint.WaiverParser;
import dev.bellows.lint.Waivers;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Severity;
import dev.bellows.report.UsedWaiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All verdicts on one migration's observation, with the file's {@code -- bellows:allow} waivers
 * applied exactly as lint applies them ({@link WaiverParser}): a waiver of the verify rule, or of a
 * lint rule that flags the same hazard ({@link VerifyRule#lintRules()}), waives the finding.
 */
final class Verdicts {

    private Verdicts() {
    }

    /**
     * A waiver that waives a finding, and the id it names: the verify rule's own, or one of the lint
     * rules that flag the same hazard ({@link VerifyRule#lintRules()}), as lint applies it.
     */
    record Applied(Waiver waiver, String namedId, String ruleId) {

        /** The reason, and for a lint rule's waiver which one it was. */
        String describeReason() {
            return namedId.equals(ruleId) ? waiver.reason()
                    : waiver.reason() + " (waiver of lint rule " + namedId + ", the same hazard as " + ruleId + ")";
        }
    }

    /**
     * The waiver covering {@code ruleId} at statement {@code index}: the statement's own first,
     * then the file's; at each level the verify rule's own id before its lint rules' ids.
     */
    static Optional<Applied> waiverFor(Waivers waivers, int index, String ruleId) {
        List<String> ids = new ArrayList<>();
        ids.add(ruleId);
        VerifyRule.byId(ruleId).ifPresent(r -> ids.addAll(r.lintRules()));
        List<List<Waiver>> levels = new ArrayList<>();
        if (index >= 0 && index < waivers.perStatement().size()) {
            levels.add(waivers.perStatement().get(index));
        }
        levels.add(waivers.fileWide());
        for (List<Waiver> level : levels) {
            for (String id : ids) {
                for (Waiver w : level) {
                    if (w.covers(id)) {
                        return Optional.of(new Applied(w, id, ruleId));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The findings (waived ones carry their reason) and the waivers that suppressed them. */
    record Judged(List<Finding> findings, List<UsedWaiver> waivers) {
    }

    static Judged judge(MigrationObservation observation, ReleaseContext context, CatalogSnapshot after) {
        Migration m = observation.migration();
        Waivers waivers = WaiverParser.parse(m.script(), m.content());
        List<Finding> out = new ArrayList<>();
        List<UsedWaiver> used = new ArrayList<>();
        for (int i = 0; i < observation.statements().size(); i++) {
            StatementObservation s = observation.statements().get(i);
            Observed o = new Observed(m, s, context, after);
            List<Finding> found = new ArrayList<>();
            if (s.failed()) {
                found.add(o.finding(VerifyRule.FAILED, Severity.ERROR,
                        o.phaseOfRelease() + " failed on the shadow database: " + s.error(),
                        "1. Fix the statement; the migrations after it were not verified."));
            } else {
                found.addAll(SchemaVerdicts.judge(o));
                found.addAll(StorageVerdicts.judge(o));
            }
            for (Finding f : found) {
                Optional<Applied> w = waiverFor(waivers, i, f.ruleId());
                if (w.isPresent()) {
                    String reason = w.get().describeReason();
                    out.add(f.withWaiver(reason));
                    UsedWaiver u = new UsedWaiver(f.ruleId(), f.file(), w.get().waiver().line(), reason,
                            w.get().waiver().fileWide());
                    if (!used.contains(u)) {
                        used.add(u);
                    }
                } else {
                    out.add(f);
                }
            }
        }
        return new Judged(out, used);
    }
}
