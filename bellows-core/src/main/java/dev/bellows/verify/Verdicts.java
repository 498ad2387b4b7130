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
 * applied exactly as lint applies them ({@link WaiverParser}).
 */
final class Verdicts {

    private Verdicts() {
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
                Optional<Waiver> w = waivers.find(i, f.ruleId());
                if (w.isPresent()) {
                    out.add(f.withWaiver(w.get().reason()));
                    UsedWaiver u = new UsedWaiver(f.ruleId(), f.file(), w.get().line(), w.get().reason(),
                            w.get().fileWide());
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
