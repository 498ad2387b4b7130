package dev.bellows.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements with source positions, in one pass over the text.
 * The one splitter that the runner, {@code plan}, the linter and the verifier share.
 *
 * <p>Understands, per {@link SqlSyntax}: single-quoted strings (with {@code ''} doubling, E'' and
 * MySQL backslash escapes), quoted identifiers, PostgreSQL dollar quotes, {@code --}, {@code #}
 * (MySQL) and block comments (nested on PostgreSQL), SQL-standard {@code BEGIN ATOMIC … END}
 * function bodies, the MySQL client's {@code DELIMITER} command, and MySQL/MariaDB compound
 * statements written without {@code DELIMITER}: a {@code CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT}
 * whose body is a {@code BEGIN … END} block (and MariaDB's {@code BEGIN NOT ATOMIC … END}) is one
 * statement, its inner semicolons included, as Flyway splits it.
 */
public final class SqlSplitter {

    private final String src;
    private final SqlSyntax syntax;
    private final boolean pg;
    private int pos;
    private int line = 1;
    private int lineStart;

    private String delimiter = ";";
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<SqlComment> allComments = new ArrayList<>();
    private List<Token> tokens = new ArrayList<>();
    private List<SqlComment> comments = new ArrayList<>();
    private int stmtStart = -1;
    private int stmtLine;
    private int stmtColumn;
    private int atomicDepth;
    private boolean compound;

    private SqlSplitter(String src, SqlSyntax syntax) {
        this.src = src;
        this.syntax = syntax;
        this.pg = syntax == SqlSyntax.POSTGRESQL;
    }

    /** Splits {@code source}; throws {@link SqlSyntaxException} for an unterminated construct. */
    public static SqlScript split(String source, SqlSyntax syntax) {
        SqlSplitter s = new SqlSplitter(source, syntax);
        s.run();
        return new SqlScript(s.statements, s.allComments);
    }

    private void run() {
        int n = src.length();
        if (n > 0 && src.charAt(0) == '\uFEFF') {
            pos = 1;
            lineStart = 1;
        }
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                continue;
            }
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            if (!pg && tokens.isEmpty() && atLineStart() && regionIs(pos, "DELIMITER") && pos + 9 < n
                    && Character.isWhitespace(src.charAt(pos + 9))) {
                readDelimiterCommand();
                continue;
            }
            if (!delimiter.equals(";") && src.startsWith(delimiter, pos)) {
                pos += delimiter.length();
                emit();
                continue;
            }
            if (c == ';' && delimiter.equals(";") && atomicDepth == 0) {
                pos++;
                emit();
                continue;
            }
            if (c == '-' && peek(1) == '-' && (pg || isSpaceOrEnd(peek(2)))) {
                lineComment(2);
                continue;
            }
            if (c == '#' && !pg) {
                lineComment(1);
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                blockComment();
                continue;
            }
            lexToken(c);
        }
        emit();
    }

    private void lexToken(char c) {
        int start = pos;
        int col = pos - lineStart + 1;
        int startLine = line;
        if (c == '\'') {
            quoted('\'', !pg, TokenType.STRING, start, startLine, col);
        } else if ((c == 'E' || c == 'e') && peek(1) == '\'' && pg) {
            pos++;
            quoted('\'', true, TokenType.STRING, start, startLine, col);
        } else if ((c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x') && peek(1) == '\'') {
            pos++;
            quoted('\'', !pg, TokenType.STRING, start, startLine, col);
        } else if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"') && pg) {
            pos += 2;
            char q = src.charAt(pos);
            quoted(q, false, q == '\'' ? TokenType.STRING : TokenType.QUOTED_IDENTIFIER, start, startLine, col);
        } else if (c == '"') {
            if (pg) {
                quoted('"', false, TokenType.QUOTED_IDENTIFIER, start, startLine, col);
            } else {
                quoted('"', true, TokenType.STRING, start, startLine, col);
            }
        } else if (c == '`' && !pg) {
            quoted('`', false, TokenType.QUOTED_IDENTIFIER, start, startLine, col);
        } else if (c == '$' && pg && isDigit(peek(1))) {
            pos++;
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
            add(TokenType.PARAMETER, start, startLine, col);
        } else if (c == '$' && pg && dollarTagEnd(pos) > 0) {
            dollarString(start, startLine, col);
        } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
            number();
            add(TokenType.NUMBER, start, startLine, col);
        } else if (isIdentStart(c)) {
            pos++;
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            add(TokenType.WORD, start, startLine, col);
        } else if (c == ':' && isIdentStart(peek(1)) && startsParameter(peek(-1))) {
            pos++;
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            add(TokenType.PARAMETER, start, startLine, col);
        } else {
            pos += symbolLength(c);
            add(TokenType.SYMBOL, start, startLine, col);
        }
    }

    private int symbolLength(char c) {
        char d = peek(1);
        String two = "" + c + d;
        return switch (two) {
            case "::", "<>", "<=", ">=", "!=", "||", ":=", "=>", "->" -> two.equals("->") && peek(2) == '>' ? 3 : 2;
            default -> 1;
        };
    }

    private void add(TokenType type, int start, int startLine, int col) {
        if (stmtStart < 0) {
            stmtStart = start;
            stmtLine = startLine;
            stmtColumn = col;
        }
        Token t = new Token(type, src.substring(start, pos), start - stmtStart, pos - stmtStart, startLine, col);
        if (pg && type == TokenType.WORD) {
            trackAtomic(t);
        } else if (type == TokenType.WORD) {
            trackCompound(t);
        }
        tokens.add(t);
    }

    /** BEGIN ATOMIC … END bodies of SQL-standard functions contain semicolons that do not end the statement. */
    private void trackAtomic(Token t) {
        if (t.is("ATOMIC") && !tokens.isEmpty() && tokens.get(tokens.size() - 1).is("BEGIN")
                && tokens.get(0).is("CREATE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && t.is("CASE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && t.is("END")) {
            atomicDepth--;
        }
    }

    /**
     * MySQL compound statements: inside a routine's {@code BEGIN … END} body, {@code BEGIN} and
     * {@code CASE} open a level, {@code END} closes one; {@code END IF/LOOP/WHILE/REPEAT} close a
     * statement that opened none.
     */
    private void trackCompound(Token t) {
        Token prev = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean afterEnd = prev != null && prev.is("END") && compound;
        if (afterEnd && (t.is("IF") || t.is("LOOP") || t.is("WHILE") || t.is("REPEAT"))) {
            atomicDepth++;
            return;
        }
        if (atomicDepth == 0) {
            if (t.is("BEGIN") && routineHead()
                    || t.is("ATOMIC") && tokens.size() == 2 && tokens.get(0).is("BEGIN") && prev.is("NOT")) {
                atomicDepth++;
                compound = true;
            }
            return;
        }
        if (t.is("BEGIN") || t.is("CASE") && !afterEnd) {
            atomicDepth++;
        } else if (t.is("END")) {
            atomicDepth--;
        }
    }

    private boolean routineHead() {
        if (tokens.isEmpty() || !tokens.get(0).is("CREATE")) {
            return false;
        }
        for (Token k : tokens) {
            if (k.is("PROCEDURE") || k.is("FUNCTION") || k.is("TRIGGER") || k.is("EVENT")) {
                return true;
            }
        }
        return false;
    }

    private void emit() {
        if (!tokens.isEmpty()) {
            Token last = tokens.get(tokens.size() - 1);
            String sql = src.substring(stmtStart, stmtStart + last.end());
            statements.add(new SqlStatement(sql, stmtLine, stmtColumn, stmtStart, tokens, comments));
            tokens = new ArrayList<>();
            comments = new ArrayList<>();
        }
        stmtStart = -1;
        atomicDepth = 0;
        compound = false;
    }

    private void quoted(char q, boolean backslashEscapes, TokenType type, int start, int startLine, int col) {
        pos++; // opening quote
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            if (backslashEscapes && c == '\\' && pos + 1 < n) {
                if (src.charAt(pos + 1) == '\n') {
                    line++;
                    lineStart = pos + 2;
                }
                pos += 2;
                continue;
            }
            if (c == q) {
                if (pos + 1 < n && src.charAt(pos + 1) == q) {
                    pos += 2;
                    continue;
                }
                pos++;
                add(type, start, startLine, col);
                return;
            }
            pos++;
        }
        String what = type == TokenType.STRING ? "string" : "quoted identifier";
        throw new SqlSyntaxException("unterminated " + what + " starting with " + q, startLine, col);
    }

    /** End offset (exclusive) of a dollar-quote tag starting at {@code at}, or -1. */
    private int dollarTagEnd(int at) {
        int i = at + 1;
        int n = src.length();
        if (i < n && src.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= n || !(Character.isLetter(src.charAt(i)) || src.charAt(i) == '_')) {
            return -1;
        }
        while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            i++;
        }
        return i < n && src.charAt(i) == '$' ? i + 1 : -1;
    }

    private void dollarString(int start, int startLine, int col) {
        int tagEnd = dollarTagEnd(pos);
        String tag = src.substring(pos, tagEnd);
        int close = src.indexOf(tag, tagEnd);
        if (close < 0) {
            throw new SqlSyntaxException("unterminated dollar-quoted string " + tag, startLine, col);
        }
        for (int i = tagEnd; i < close; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = close + tag.length();
        add(TokenType.DOLLAR_STRING, start, startLine, col);
    }

    private void number() {
        int n = src.length();
        if (src.charAt(pos) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            pos += 2;
            while (pos < n && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            return;
        }
        while (pos < n && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (pos < n && src.charAt(pos) == '.' && peek(1) != '.') {
            pos++;
            while (pos < n && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')
                && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
            pos += 2;
            while (pos < n && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
    }

    private void lineComment(int markerLength) {
        int startLine = line;
        int col = pos - lineStart + 1;
        int end = src.indexOf('\n', pos);
        if (end < 0) {
            end = src.length();
        }
        comment(src.substring(pos + markerLength, end), startLine, col, false);
        pos = end;
    }

    private void blockComment() {
        int startLine = line;
        int col = pos - lineStart + 1;
        int start = pos;
        int depth = 0;
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                if (depth > 0 && !pg) {
                    pos += 2;
                    continue;
                }
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                depth--;
                pos += 2;
                if (depth == 0) {
                    comment(src.substring(start + 2, pos - 2), startLine, col, true);
                    return;
                }
            } else {
                if (c == '\n') {
                    line++;
                    lineStart = pos + 1;
                }
                pos++;
            }
        }
        throw new SqlSyntaxException("unterminated block comment", startLine, col);
    }

    private void comment(String text, int startLine, int col, boolean block) {
        SqlComment c = new SqlComment(text.strip(), startLine, col, block);
        allComments.add(c);
        comments.add(c);
    }

    private void readDelimiterCommand() {
        int startLine = line;
        int col = pos - lineStart + 1;
        int end = src.indexOf('\n', pos);
        if (end < 0) {
            end = src.length();
        }
        String value = src.substring(pos + 9, end).strip();
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new SqlSyntaxException("DELIMITER needs one delimiter, e.g. DELIMITER // … DELIMITER ;",
                    startLine, col);
        }
        delimiter = value;
        pos = end;
    }

    private boolean atLineStart() {
        for (int i = lineStart; i < pos; i++) {
            if (!Character.isWhitespace(src.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean regionIs(int at, String word) {
        return src.regionMatches(true, at, word, 0, word.length());
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i >= 0 && i < src.length() ? src.charAt(i) : '\0';
    }

    /** A {@code :name} parameter follows space or an operator; {@code a[lo:hi]} and {@code x::t} are not parameters. */
    private static boolean startsParameter(char before) {
        return before == '\0' || Character.isWhitespace(before) || "(,=<>+-*/|".indexOf(before) >= 0;
    }

    private static boolean isSpaceOrEnd(char c) {
        return c == '\0' || Character.isWhitespace(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$' || (c > 127 && Character.isLetterOrDigit(c));
    }
}
