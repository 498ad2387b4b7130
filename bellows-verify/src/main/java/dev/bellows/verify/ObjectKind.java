package dev.bellows.verify;

import java.util.Locale;

/** The kinds of schema object the verifier snapshots and compares. */
public enum ObjectKind {
    TABLE, COLUMN, VIEW, SEQUENCE, INDEX, CONSTRAINT, FUNCTION, TYPE, ENUM_VALUE, TRIGGER;

    /** Lower-case words for messages: {@code enum value}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Objects that code of the previous release reads or writes by name; dropping or renaming one breaks it. */
    public boolean usedByCode() {
        return switch (this) {
            case TABLE, COLUMN, VIEW, SEQUENCE, FUNCTION, TYPE, ENUM_VALUE -> true;
            case INDEX, CONSTRAINT, TRIGGER -> false;
        };
    }
}
