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
 * @param table the table's name parts (schema, table), unquoted
 * @param key   the key column, unquoted
 */
public record KeyedSpec(List<String> table, String key) {

    static final String HEADER = "bellows:keyed";

    public KeyedSpec {
        table = List.copyOf(table);
    }

    /** The spec of a statement that uses {@code :from}/{@code :to}. */
    public static KeyedSpec of(SqlStatement s, String file) {
        for (SqlComment comment : s.comments()) {
            String text = comment.text().strip();
            if (text.startsWith(HEADER)) {
                return parseHeader(text.substring(HEADER.length()), file, comment.line());
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
        return new KeyedSpec(Arrays.asList(table.split("\\.")), key);
    }

    private static Optional<KeyedSpec> derive(SqlStatement s) {
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
            table.add(t.get(i).identifier());
            if (i + 2 < t.size() && t.get(i + 1).isSymbol(".")) {
                i += 2;
            } else {
                break;
            }
        }
        if (table.isEmpty()) {
            return Optional.empty();
        }
        for (int k = 2; k < t.size(); k++) {
            if (t.get(k).type() == TokenType.PARAMETER && t.get(k).text().equalsIgnoreCase(":from")
                    && t.get(k - 1).isSymbol(">=") && isName(t.get(k - 2))) {
                return Optional.of(new KeyedSpec(table, t.get(k - 2).identifier()));
            }
        }
        return Optional.empty();
    }

    private static boolean isName(Token t) {
        return t.type() == TokenType.WORD || t.type() == TokenType.QUOTED_IDENTIFIER;
    }

    public String quotedTable(Dialect d) {
        return table.stream().map(d::quote).collect(Collectors.joining("."));
    }

    public String display() {
        return String.join(".", table) + "." + key;
    }
}
