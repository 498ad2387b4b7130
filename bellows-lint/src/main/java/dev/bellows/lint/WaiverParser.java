package dev.bellows.lint;

import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code bellows:allow} waivers in a split file. Shared by the linter and the verifier.
 *
 * <p>Syntax: {@code -- bellows:allow <rule-id>[, <rule-id>…] reason: <text>} (a block comment works
 * too). A waiver without a reason waives nothing and is itself an error ({@code invalid-waiver}).
 *
 * <p>Scope, precisely:
 * <ul>
 *   <li>A waiver on its own line(s) between two statements covers the statement after it.</li>
 *   <li>A waiver on the same line as the end of a statement, after it ({@code DROP TABLE t; -- bellows:allow …}),
 *       covers that statement.</li>
 *   <li>The file header: a waiver before the first statement that is separated from it by at least
 *       one blank line covers every statement of the file. Written directly above the first statement
 *       (no blank line between), it covers the first statement only.</li>
 *   <li>A waiver after the last statement (not on its line) covers nothing and is reported as invalid.</li>
 * </ul>
 */
public final class WaiverParser {

    /** The marker that starts a waiver comment. */
    public static final String MARKER = "bellows:allow";

    private static final Pattern WAIVER = Pattern.compile(
            "bellows:allow\\s+([A-Za-z0-9_\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)\\s*(?:reason:\\s*(.*))?",
            Pattern.DOTALL);

    private WaiverParser() {
    }

    public static Waivers parse(SqlScript script, String content) {
        List<Waiver> fileWide = new ArrayList<>();
        List<List<Waiver>> perStatement = new ArrayList<>();
        List<Waiver> orphans = new ArrayList<>();
        String[] lines = null;
        List<SqlStatement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            perStatement.add(new ArrayList<>());
        }
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            for (SqlComment c : s.comments()) {
                if (!c.text().startsWith(MARKER)) {
                    continue;
                }
                if (i > 0 && before(c, s) && c.line() == endLine(statements.get(i - 1))) {
                    perStatement.get(i - 1).add(waiver(c, Waiver.Scope.STATEMENT));
                } else if (i == 0 && before(c, s)) {
                    if (lines == null) {
                        lines = content.split("\n", -1);
                    }
                    boolean header = blankLineBetween(lines, endLine(c), s.line());
                    (header ? fileWide : perStatement.get(0)).add(waiver(c, header ? Waiver.Scope.FILE
                            : Waiver.Scope.STATEMENT));
                } else {
                    perStatement.get(i).add(waiver(c, Waiver.Scope.STATEMENT));
                }
            }
        }
        if (statements.isEmpty()) {
            // A file without statements: its waivers can only be about the file itself (empty-migration).
            for (SqlComment c : script.comments()) {
                if (c.text().startsWith(MARKER)) {
                    fileWide.add(waiver(c, Waiver.Scope.FILE));
                }
            }
        } else {
            SqlStatement last = statements.get(statements.size() - 1);
            for (SqlComment c : script.comments()) {
                if (c.text().startsWith(MARKER) && after(c, last)) {
                    if (c.line() == endLine(last)) {
                        perStatement.get(statements.size() - 1).add(waiver(c, Waiver.Scope.STATEMENT));
                    } else {
                        orphans.add(waiver(c, Waiver.Scope.NOTHING));
                    }
                }
            }
        }
        return new Waivers(fileWide, perStatement, orphans);
    }

    /** Parses one comment's text; the reason is empty when missing. */
    static Waiver waiver(SqlComment c, Waiver.Scope scope) {
        Matcher m = WAIVER.matcher(c.text().strip());
        if (!m.matches()) {
            return new Waiver(List.of(), "", c.line(), c.column(), scope);
        }
        List<String> ids = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
        String reason = m.group(2) == null ? "" : m.group(2).strip();
        return new Waiver(ids, reason, c.line(), c.column(), scope);
    }

    private static boolean before(SqlComment c, SqlStatement s) {
        return c.line() < s.line() || c.line() == s.line() && c.column() < s.column();
    }

    /** Whether the comment comes after the statement's last token. */
    private static boolean after(SqlComment c, SqlStatement s) {
        Token last = s.tokens().get(s.tokens().size() - 1);
        int end = endLine(s);
        return c.line() > end || c.line() == end && c.column() > last.column();
    }

    /** The line of the statement's last token's end (multi-line strings and bodies included). */
    private static int endLine(SqlStatement s) {
        Token last = s.tokens().get(s.tokens().size() - 1);
        return last.line() + newlines(last.text());
    }

    private static int endLine(SqlComment c) {
        return c.block() ? c.line() + newlines(c.text()) : c.line();
    }

    private static int newlines(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static boolean blankLineBetween(String[] lines, int afterLine, int beforeLine) {
        for (int l = afterLine + 1; l < beforeLine && l <= lines.length; l++) {
            if (lines[l - 1].isBlank()) {
                return true;
            }
        }
        return false;
    }
}
