package dev.bellows.lint.parse;

import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.List;

/**
 * A position in a statement's tokens with the few moves a recursive-descent recognizer needs.
 * Every move advances or fails, so no loop over a cursor can hang.
 */
final class TokenCursor {

    private final List<Token> tokens;
    private final SqlSyntax syntax;
    private int pos;

    TokenCursor(List<Token> tokens, SqlSyntax syntax) {
        this.tokens = tokens;
        this.syntax = syntax;
    }

    /**
     * Marks a production as belonging to one dialect's grammar: in the other dialect the statement
     * is not understood (reported as unrecognized, which also tells users a wrong --dialect).
     */
    void only(SqlSyntax dialect, String construct) {
        if (syntax != dialect) {
            throw new Unrecognized(construct + " is " + (dialect == SqlSyntax.MYSQL ? "MySQL/MariaDB" : "PostgreSQL")
                    + " syntax (is --dialect right?)");
        }
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    int position() {
        return pos;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    /** The current token or, at the end, the last one (for positions). */
    Token here() {
        return atEnd() ? tokens.get(tokens.size() - 1) : tokens.get(pos);
    }

    Token next() {
        if (atEnd()) {
            throw new Unrecognized("statement ends too early");
        }
        return tokens.get(pos++);
    }

    boolean is(String keyword) {
        Token t = peek();
        return t != null && t.is(keyword);
    }

    boolean is(int ahead, String keyword) {
        Token t = peek(ahead);
        return t != null && t.is(keyword);
    }

    boolean isSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the keywords if they all come next, in order. */
    boolean accept(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            if (!is(i, keywords[i])) {
                return false;
            }
        }
        pos += keywords.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            throw new Unrecognized("expected " + keyword);
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw new Unrecognized("expected " + symbol);
        }
    }

    boolean isName() {
        Token t = peek();
        return t != null && (t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER
                || (t.type() == TokenType.STRING && t.text().startsWith("\"")));
    }

    /** A possibly qualified name ({@code schema.table}); returns its last part. */
    String name() {
        if (!isName()) {
            throw new Unrecognized("expected a name");
        }
        String last = ident(next());
        while (isSymbol(".") && peek(1) != null) {
            pos++;
            Token t = next();
            if (t.isSymbol("*")) {
                break;
            }
            last = ident(t);
        }
        return last;
    }

    private static String ident(Token t) {
        if (t.type() == TokenType.STRING && t.text().length() >= 2) {
            return t.text().substring(1, t.text().length() - 1);
        }
        return t.identifier();
    }

    /** At {@code (}: skips to the matching {@code )}; returns the index range inside. */
    int[] skipParens() {
        expectSymbol("(");
        int start = pos;
        int depth = 1;
        while (!atEnd()) {
            Token t = tokens.get(pos++);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return new int[] {start, pos - 1};
            }
        }
        return new int[] {start, pos};
    }

    /** Skips tokens until a top-level comma or close paren (not consumed) or the end. */
    void skipToItemEnd() {
        int depth = 0;
        while (!atEnd()) {
            Token t = tokens.get(pos);
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                return;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            pos++;
        }
    }

    /** Whether any token of the whole statement (also before here, e.g. in a WITH clause) is the keyword. */
    boolean statementContains(String keyword) {
        for (Token t : tokens) {
            if (t.is(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens from index {@code from} (inclusive) to {@code to} (exclusive), clipped to the statement. */
    List<Token> slice(int from, int to) {
        return tokens.subList(Math.min(from, tokens.size()), Math.min(to, tokens.size()));
    }

    void skipToEnd() {
        pos = tokens.size();
    }
}
