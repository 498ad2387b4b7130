package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** All verdicts on one migration's observation, with the statements' waivers applied. */
final class Verdicts {

    private Verdicts() {
    }

    static List<Finding> judge(MigrationObservation observation, ReleaseContext context, CatalogSnapshot after) {
        List<Finding> out = new ArrayList<>();
        for (StatementObservation s : observation.statements()) {
            Observed o = new Observed(observation.migration(), s, context, after);
            List<Finding> found = new ArrayList<>();
            if (s.failed()) {
                found.add(o.finding(VerifyRule.FAILED, Severity.ERROR,
                        o.phaseOfRelease() + " failed on the shadow database: " + s.error(),
                        "1. Fix the statement; the migrations after it were not verified."));
            } else {
                found.addAll(SchemaVerdicts.judge(o));
                found.addAll(StorageVerdicts.judge(o));
            }
            out.addAll(Waivers.apply(s.statement(), found));
        }
        return out;
    }
}
