package dev.bellows.load;

import dev.bellows.model.Migration;
import dev.bellows.model.MigrationSet;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.SqlSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ${name}} placeholders in Bellows' own SQL files, replaced by their values before a file is split and run.
 *
 * <p>The exact rule:
 * <ol>
 *   <li>A placeholder is {@code $}{@code {name}}, {@code name} a letter or {@code _} followed by letters, digits,
 *       {@code _}, {@code .} or {@code -}. It is replaced wherever it stands in the file: in code, in string
 *       literals, in dollar-quoted bodies, in comments.</li>
 *   <li>On PostgreSQL a {@code $} that begins a dollar-quote delimiter ({@code $$}, {@code $tag$}) never begins a
 *       placeholder: {@code $${x}$$} is the body {@code {x}} in {@code $$} quotes, not {@code $} and {@code ${x}}.</li>
 *   <li>{@code ${} followed by anything that is not a name and {@code }} (a JSON object, {@code ${1}}) is left as
 *       it is.</li>
 *   <li>A placeholder without a value is an error naming the file, line and name; nothing is run.</li>
 *   <li>A file whose text holds the line {@code -- bellows:placeholders off} is taken verbatim (e.g. a PL/v8 body
 *       with JavaScript template literals).</li>
 *   <li>The checksum stays that of the file as written, so different values per environment are not edits.</li>
 * </ol>
 */
public final class Placeholders {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    static final String OFF = "-- bellows:placeholders off";

    private Placeholders() {
    }

    /** The set with every SQL file's placeholders replaced (and the file split again). */
    public static MigrationSet resolve(MigrationSet set, Map<String, String> values, SqlSyntax syntax) {
        List<Migration> out = new ArrayList<>();
        boolean changed = false;
        for (Migration m : set.migrations()) {
            if (m.isJava() || m.content() == null || !m.content().contains("${")
                    || m.content().lines().anyMatch(l -> l.strip().equalsIgnoreCase(OFF))) {
                out.add(m);
                continue;
            }
            String text = replace(m.content(), values, syntax, m);
            if (text.equals(m.content())) {
                out.add(m);
                continue;
            }
            SqlScript script;
            try {
                script = SqlSplitter.split(text, syntax);
            } catch (SqlSyntaxException e) {
                throw new MigrationLoadException(m.path(), "line " + e.line() + ", column " + e.column()
                        + " (after placeholders were replaced): " + e.getMessage());
            }
            out.add(new Migration(m.release(), m.phase(), m.number(), m.fileName(), m.path(), m.displayPath(), text,
                    m.checksum(), script));
            changed = true;
        }
        return changed ? new MigrationSet(set.location(), out, set.declared()) : set;
    }

    /** {@code text} with its placeholders replaced; fails naming file, line and name for one without a value. */
    static String replace(String text, Map<String, String> values, SqlSyntax syntax, Migration file) {
        StringBuilder out = new StringBuilder(text.length());
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '$' && syntax == SqlSyntax.POSTGRESQL) {
                int tagEnd = dollarTagEnd(text, i);
                if (tagEnd > 0) {
                    out.append(text, i, tagEnd);
                    i = tagEnd;
                    continue;
                }
            }
            if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                String name = close < 0 ? "" : text.substring(i + 2, close);
                if (close > 0 && NAME.matcher(name).matches()) {
                    String value = values.get(name);
                    if (value == null) {
                        throw new MigrationLoadException(file.path(), "line " + line + ": placeholder ${" + name
                                + "} has no value; define it (placeholders: in bellows.yaml, --placeholder " + name
                                + "=VALUE, the Maven plugin's <placeholders>, @BellowsMigrations(placeholders = \"" + name
                                + "=VALUE\") in JUnit, spring.bellows.placeholders." + name
                                + " in Spring Boot, or the variable BELLOWS_PLACEHOLDERS_"
                                + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_')
                                + "), or put the line '" + OFF + "' in a file that means ${...} literally");
                    }
                    out.append(value);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** End (exclusive) of a PostgreSQL dollar-quote delimiter ({@code $$}, {@code $tag$}) at {@code at}, or -1. */
    private static int dollarTagEnd(String s, int at) {
        int i = at + 1;
        int n = s.length();
        if (i < n && s.charAt(i) == '$') {
            return i + 1;
        }
        if (i >= n || !(Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            return -1;
        }
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i < n && s.charAt(i) == '$' ? i + 1 : -1;
    }
}
