package dev.bellows.sql;

/**
 * One lexical token of a statement. {@code start}/{@code end} are offsets into the statement's
 * own {@link SqlStatement#sql()} text; {@code line}/{@code column} are 1-based positions in the file.
 */
public record Token(TokenType type, String text, int start, int end, int line, int column) {

    /** True for an unquoted word equal to {@code keyword}, ignoring case. */
    public boolean is(String keyword) {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    /** True for the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    /** The identifier this token names: unquoted words lower-cased, quoted ones as written. */
    public String identifier() {
        return switch (type) {
            case WORD -> text.toLowerCase(java.util.Locale.ROOT);
            case QUOTED_IDENTIFIER -> unquote(text);
            default -> text;
        };
    }

    private static String unquote(String quoted) {
        char q = quoted.charAt(0);
        String inner = quoted.substring(1, quoted.length() - 1);
        String doubled = String.valueOf(q) + q;
        return inner.replace(doubled, String.valueOf(q));
    }
}
