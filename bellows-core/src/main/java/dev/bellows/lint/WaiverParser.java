package dev.bellows.lint;

import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlStatement;

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
 *   <li>A waiver written after the end of one statement and before the end of the next one covers
 *       that next statement only.</li>
 *   <li>Exception, the file header: a waiver before the first statement that is separated from it
 *       by at least one blank line covers every statement of the file. Written directly above the
 *       first statement (no blank line between), it covers the first statement only.</li>
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
        String[] lines = null;
        List<SqlStatement> statements = script.statements();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            List<Waiver> own = new ArrayList<>();
            for (SqlComment c : s.comments()) {
                if (!c.text().startsWith(MARKER)) {
                    continue;
                }
                boolean header = false;
                if (i == 0 && before(c, s)) {
                    if (lines == null) {
                        lines = content.split("\n", -1);
                    }
                    header = blankLineBetween(lines, endLine(c), s.line());
                }
                Waiver w = waiver(c, header);
                (header ? fileWide : own).add(w);
            }
            perStatement.add(own);
        }
        return new Waivers(fileWide, perStatement);
    }

    /** Parses one comment's text; the reason is empty when missing. */
    static Waiver waiver(SqlComment c, boolean fileWide) {
        Matcher m = WAIVER.matcher(c.text().strip());
        if (!m.matches()) {
            return new Waiver(List.of(), "", c.line(), c.column(), fileWide);
        }
        List<String> ids = Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
        String reason = m.group(2) == null ? "" : m.group(2).strip();
        return new Waiver(ids, reason, c.line(), c.column(), fileWide);
    }

    private static boolean before(SqlComment c, SqlStatement s) {
        return c.line() < s.line() || c.line() == s.line() && c.column() < s.column();
    }

    private static int endLine(SqlComment c) {
        if (!c.block()) {
            return c.line();
        }
        return c.line() + (int) c.text().chars().filter(ch -> ch == '\n').count();
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
