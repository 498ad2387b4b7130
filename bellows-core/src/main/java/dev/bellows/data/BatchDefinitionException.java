package dev.bellows.data;

import dev.bellows.ConfigurationException;

/** A batch statement or Java migration that cannot be run as written; names the file and line. */
public final class BatchDefinitionException extends ConfigurationException {

    private final String file;
    private final int line;

    public BatchDefinitionException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
