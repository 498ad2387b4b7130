package dev.bellows.lint;

/**
 * One lint rule: its metadata and a check of one statement in its context. Rules are stateless;
 * they report through the context.
 */
public interface Rule {

    RuleInfo info();

    /** Checks one statement; reports findings through {@link StatementContext#report}. */
    void check(StatementContext context);

    default String id() {
        return info().id();
    }
}
