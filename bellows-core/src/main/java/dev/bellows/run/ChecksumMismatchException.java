package dev.bellows.run;

import dev.bellows.RefusedException;

/** An applied migration file was edited afterwards. */
public class ChecksumMismatchException extends RefusedException {

    private final String file;
    private final String applied;
    private final String current;

    public ChecksumMismatchException(String file, String applied, String current) {
        super(file + " was edited after it was applied: history has checksum " + applied + ", the file now has "
                + current + ". Restore the file, or if the change is intended (e.g. a comment), run `bellows repair` "
                + "to accept the new checksum.");
        this.file = file;
        this.applied = applied;
        this.current = current;
    }

    public String file() {
        return file;
    }

    public String appliedChecksum() {
        return applied;
    }

    public String currentChecksum() {
        return current;
    }
}
