package dev.bellows.model;

import java.util.Locale;

public enum Severity {
    /** Breaks a rolling upgrade or blocks traffic: fails lint/verify (exit 1). */
    ERROR,
    /** Probably unsafe, or unsafe under conditions the tool cannot see: reported, exit 0. */
    WARNING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
