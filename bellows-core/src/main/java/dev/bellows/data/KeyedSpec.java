package dev.bellows.data;

import dev.bellows.db.Dialect;
import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.Token;
import dev.bellows.sql.TokenType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The table and integer key column that a keyed batch statement walks. Declared in a comment
 * before the statement:
 * <pre>
 * -- bellows:keyed table=books key=id
 * UPDATE books SET isbn = 'ISBN-' || legacy_code WHERE id &gt;= :from AND id &lt; :to AND isbn IS NULL;
 * </pre>
 * or derived when the statement is {@code UPDATE t ...} / {@code DELETE FROM t ...} and compares
 * {@code col >= :from}. {@code table} may be schema-qualified ({@code shop.books}).
 *
 * <p>Names are kept as written — a bare identifier, or a quoted one with its quotes — so that the
 * database folds their case as it does for the statement itself (PostgreSQL lower-cases bare names,
 * MySQL keeps them); a header value that is neither is refused.
 *
 * @param table the table's name parts (schema, table), each a bare or quoted identifier as written
 * @param key   the key column, a bare or quoted identifier as written
 */
public record KeyedSpec(List<String> table, String key) {

    static final String HEADER = "bellows:keyed";
    private static final java.util.regex.Pattern BARE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"[^\"]+\"|`[^`]+`");

    private static List<String> concat(List<String> parts, String key) {
        List<String> all = new ArrayList<>(parts);
        all.add(key);
        return all;
    }

    public KeyedSpec {
        table = List.copyOf(table);
    }

    /** The spec of a statement that uses {@code :from}/{@code :to}. */
    public static KeyedSpec of(SqlStatement s, String file) {
        for (SqlComment comment : s.comments()) {
            String text = comment.text().strip();
            if (text.startsWith(HEADER)) {
                KeyedSpec spec = parseHeader(text.substring(HEADER.length()), file, comment.line());
                Optional<List<String>> target = target(s);
                if (target.isPresent() && !sameTable(spec.table(), target.get())) {
                    throw new BatchDefinitionException(file, comment.line(), "-- " + HEADER + " names table "
                            + String.join(".", spec.table()) + ", but the statement below it changes "
                            + String.join(".", target.get()) + ": the key ranges would be walked over one table while "
                            + "the other is changed, skipping rows. Name the statement's table: -- " + HEADER
                            + " table=" + String.join(".", target.get()) + " key=" + spec.key());
                }
                return spec;
            }
        }
        return derive(s).orElseThrow(() -> new BatchDefinitionException(file, s.line(), "keyed batch statement "
                + "(it uses :from/:to) whose table and key column Bellows cannot tell; declare them in a comment "
                + "before it: -- bellows:keyed table=TABLE key=COLUMN"));
    }

    private static KeyedSpec parseHeader(String rest, String file, int line) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : rest.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        String table = kv.get("table");
        String key = kv.get("key");
        if (table == null || key == null || table.isEmpty() || key.isEmpty()) {
            throw new BatchDefinitionException(file, line, "-- " + HEADER + " needs table=TABLE and key=COLUMN, "
                    + "e.g. -- bellows:keyed table=books key=id");
        }
        List<String> parts = Arrays.asList(table.split("\\."));
        for (String name : concat(parts, key)) {
            if (!BARE.matcher(name).matches() && !QUOTED.matcher(name).matches()) {
                throw new BatchDefinitionException(file, line, "-- " + HEADER + ": '" + name + "' is not an "
                        + "identifier; write a plain name (books, book_id) or a quoted one (\"Books\", `Books`)");
            }
        }
        return new KeyedSpec(parts, key);
    }

    /** Whether two table names (as written) name the same table: bare names fold case, quoted ones do not. */
    private static boolean sameTable(List<String> a, List<String> b) {
        if (!normal(a.get(a.size() - 1)).equals(normal(b.get(b.size() - 1)))) {
            return false;
        }
        return a.size() == 1 || b.size() == 1 || normal(a.get(0)).equals(normal(b.get(0)));
    }

    private static String normal(String name) {
        if (name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`')) {
            return name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** The table an {@code UPDATE t …} or {@code DELETE FROM t …} changes, as written. */
    private static Optional<List<String>> target(SqlStatement s) {
        List<Token> t = s.tokens();
        int i;
        if (s.startsWith("UPDATE")) {
            i = 1;
            if (i < t.size() && t.get(i).is("ONLY")) {
                i++;
            }
        } else if (s.startsWith("DELETE", "FROM")) {
            i = 2;
        } else {
            return Optional.empty();
        }
        List<String> table = new ArrayList<>();
        while (i < t.size() && isName(t.get(i))) {
            table.add(t.get(i).text());
            if (i + 2 < t.size() && t.get(i + 1).isSymbol(".")) {
                i += 2;
            } else {
                break;
            }
        }
        return table.isEmpty() ? Optional.empty() : Optional.of(table);
    }

    private static Optional<KeyedSpec> derive(SqlStatement s) {
        Optional<List<String>> target = target(s);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<String> table = target.get();
        List<Token> t = s.tokens();
        for (int k = 2; k < t.size(); k++) {
            if (t.get(k).type() == TokenType.PARAMETER && t.get(k).text().equalsIgnoreCase(":from")
                    && t.get(k - 1).isSymbol(">=") && isName(t.get(k - 2))) {
                return Optional.of(new KeyedSpec(table, t.get(k - 2).text()));
            }
        }
        return Optional.empty();
    }

    private static boolean isName(Token t) {
        return t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER;
    }

    /** The table as SQL: its names as written (validated identifiers), joined by dots. */
    public String quotedTable(Dialect d) {
        return String.join(".", table);
    }

    public String display() {
        return String.join(".", table) + "." + key;
    }
}
