package dev.bellows.lint.rules;

import dev.bellows.lint.Rule;
import dev.bellows.lint.RuleInfo;
import dev.bellows.lint.StatementContext;
import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Severity;

import java.util.List;

/**
 * A migration file with no statement (empty, blank or only comments). It runs as a recorded no-op,
 * which is what histories brought over from other tools need; lint still says so, since an empty
 * file in a Bellows layout is usually a change that was forgotten. A file-level rule: it has no
 * statement to check, so the lint run asks {@link #finding} for every file without one.
 */
public final class EmptyMigration implements Rule {

    public static final RuleInfo INFO = new RuleInfo("empty-migration", Severity.WARNING, RuleInfo.BOTH,
            "Migration file without any SQL statement",
            "The file is empty, blank or holds only comments. Bellows records it as applied without running "
                    + "anything; if a change was meant to be in it, the release ships without that change.",
            "Add the statements the file was meant to hold, or delete the file if nothing has applied it yet.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(StatementContext context) {
        // File-level: see finding(Migration).
    }

    /** The warning for {@code m} when it has no statement (Java migrations never do and are not flagged). */
    public static List<Finding> finding(Migration m) {
        if (m.isJava() || !m.statements().isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(INFO.id(), INFO.severity(), m.displayPath(), 1, 1,
                m.fileName() + " holds no SQL statement: it is recorded as applied and runs nothing",
                List.of("1. If a change belongs here, add its SQL before this release is applied anywhere.",
                        "2. If the file is a placeholder on purpose (e.g. brought over from another tool's history), "
                                + "keep it and waive: -- bellows:allow empty-migration reason: <why>"), null));
    }
}
