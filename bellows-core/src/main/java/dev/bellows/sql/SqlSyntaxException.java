package dev.bellows.sql;

/** The script cannot be split: an unterminated string, quoted identifier, dollar quote or comment. */
public class SqlSyntaxException extends RuntimeException {

    private final int line;
    private final int column;

    public SqlSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
