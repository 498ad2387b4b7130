package dev.bellows.lint.parse;

import java.util.Locale;

/** The kind of object a statement creates, alters or drops. */
public enum ObjectType {
    TABLE, INDEX, VIEW, MATERIALIZED_VIEW, FUNCTION, PROCEDURE, SEQUENCE, TYPE, SCHEMA, TRIGGER,
    /** Anything else (extensions, domains, roles, policies, statistics, …): tracked by nothing. */
    OTHER,
    NONE;

    /** How users say it: {@code materialized view}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
