package dev.bellows;

/** The database or the file system failed: exit code 3. */
public class DatabaseException extends BellowsException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
