package dev.bellows.verify;

import java.util.Locale;
import java.util.Optional;

/** Table-level lock modes, weakest first (PostgreSQL's names; the order is their strength). */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** Parses PostgreSQL's {@code pg_locks.mode}, e.g. {@code AccessExclusiveLock}. */
    public static Optional<LockMode> fromPostgres(String mode) {
        for (LockMode m : values()) {
            if (m.postgresName().equals(mode)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public String postgresName() {
        StringBuilder b = new StringBuilder();
        for (String part : name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.append("Lock").toString();
    }

    /** {@code ACCESS EXCLUSIVE}. */
    public String label() {
        return name().replace('_', ' ');
    }

    /** Whether concurrent INSERT/UPDATE/DELETE wait while it is held (SHARE and stronger). */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** Whether concurrent SELECTs wait while it is held. */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    public LockMode max(LockMode other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
