package dev.bellows.run;

import dev.bellows.DatabaseException;

import java.sql.SQLException;

/** A statement of a migration file failed on the database: exit code 3. */
public class MigrationFailedException extends DatabaseException {

    private final String file;
    private final int line;
    private final int column;

    public MigrationFailedException(String file, int line, int column, String whatWasKept, SQLException cause) {
        super(file + ":" + line + ":" + column + ": statement failed: " + cause.getMessage().strip()
                + (cause.getSQLState() == null ? "" : " [SQLSTATE " + cause.getSQLState() + "]") + ". " + whatWasKept,
                cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
