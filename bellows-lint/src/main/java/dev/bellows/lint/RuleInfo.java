package dev.bellows.lint;

import dev.bellows.model.Severity;

import java.util.Set;

/**
 * What a rule is about, kept in the rule's class.
 *
 * @param id              stable id used in findings, waivers and {@code bellows explain}
 * @param severity        the severity of its findings
 * @param dialects        the databases it applies to
 * @param title           one line: the hazard
 * @param rationale       why it is dangerous and what it blocks
 * @param safeAlternative what to do instead
 */
public record RuleInfo(String id, Severity severity, Set<LintDialect> dialects, String title, String rationale,
                       String safeAlternative) {

    public static final Set<LintDialect> BOTH = Set.of(LintDialect.POSTGRESQL, LintDialect.MYSQL);
    public static final Set<LintDialect> POSTGRESQL = Set.of(LintDialect.POSTGRESQL);
    public static final Set<LintDialect> MYSQL = Set.of(LintDialect.MYSQL);

    public RuleInfo {
        dialects = Set.copyOf(dialects);
    }
}
