package dev.bellows.legacy;

import java.util.function.Consumer;

/** A legacy history on one database, as its own engine sees it. */
public interface LegacyHistory {

    /** The engine's history table against its files: applied, pending, failed or edited entries. Runs nothing. */
    LegacyStatus status();

    /**
     * Applies every pending legacy migration the engine's own way (order, placeholders, repeatable migrations,
     * callbacks). Returns how many it applied. Fails with a {@link dev.bellows.RefusedException} naming the
     * entry that failed.
     */
    int migrate(Consumer<String> progress);
}
