package dev.bellows.queries;

import dev.bellows.ConfigurationException;
import dev.bellows.load.Paths;
import dev.bellows.model.Release;
import dev.bellows.sql.SqlComment;
import dev.bellows.sql.SqlScript;
import dev.bellows.sql.SqlSplitter;
import dev.bellows.sql.SqlStatement;
import dev.bellows.sql.SqlSyntax;
import dev.bellows.sql.SqlSyntaxException;
import dev.bellows.sql.TokenType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text format of a query manifest, read and written here only.
 *
 * <pre>
 * -- bellows query manifest of release 1.2 (…)
 *
 * -- sent 40 | params VARCHAR, INTEGER
 * INSERT INTO titles (title, stock) VALUES (?, ?);
 * </pre>
 *
 * An entry is the statement after a {@code -- sent N} header (with {@code | params TYPE, …}, the
 * {@link JDBCType} names the application bound). Statements without a header (written by hand) are
 * entries of their own, count unknown. Statements between two headers are one entry the
 * application sent as one string (a multi-statement, which cannot be prepared alone). Entries are
 * written sorted by their text, so a manifest diffs well in review.
 */
public final class ManifestFormat {

    private static final Pattern HEADER = Pattern.compile(
            "sent\\s+(\\S+)\\s*(?:\\|\\s*params\\b(.*))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_START = Pattern.compile("sent\\b.*", Pattern.CASE_INSENSITIVE);

    private ManifestFormat() {
    }

    /** Reads a manifest file; a malformed one is a {@link ConfigurationException} naming file and line. */
    public static QueryManifest read(Path file, Release release, SqlSyntax syntax) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(Paths.display(file) + ": not UTF-8 text; save the query manifest as UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + Paths.display(file), e);
        }
        return parse(text, file, release, syntax);
    }

    static QueryManifest parse(String text, Path file, Release release, SqlSyntax syntax) {
        String where = Paths.display(file);
        SqlScript script;
        try {
            script = SqlSplitter.split(text, syntax);
        } catch (SqlSyntaxException e) {
            throw new ConfigurationException(where + ":" + e.line() + ":" + e.column() + ": " + e.getMessage()
                    + "; fix the query manifest (each statement ends with ;)");
        }
        List<Header> headers = new ArrayList<>();
        for (SqlComment c : script.comments()) {
            String body = c.block() ? "" : c.text().strip();
            if (HEADER_START.matcher(body).matches()) {
                headers.add(header(body, where, c.line()));
            }
        }
        List<QueryEntry> entries = new ArrayList<>();
        List<SqlStatement> pending = new ArrayList<>();
        Header current = null;
        int h = 0;
        for (SqlStatement s : script.statements()) {
            Header before = null;
            while (h < headers.size() && headers.get(h).line < s.line()) {
                if (before != null && current == null) {
                    throw new ConfigurationException(where + ":" + before.line + ": a '-- sent' header without a "
                            + "statement after it; remove it or put its statement after it");
                }
                before = headers.get(h++);
            }
            if (before != null) {
                flush(pending, current, entries, where);
                current = before;
            } else if (current == null) {
                flush(pending, null, entries, where);
            }
            pending.add(s);
        }
        flush(pending, current, entries, where);
        if (h < headers.size()) {
            throw new ConfigurationException(where + ":" + headers.get(h).line + ": a '-- sent' header without a "
                    + "statement after it; remove it or put its statement after it");
        }
        Map<String, QueryEntry> seen = new HashMap<>();
        for (QueryEntry e : entries) {
            QueryEntry earlier = seen.putIfAbsent(key(e.sql(), e.parameterTypes()), e);
            if (earlier != null) {
                throw new ConfigurationException(where + ":" + e.line() + ": the same statement as line "
                        + earlier.line() + "; keep one entry (add the counts of both to its '-- sent' header)");
            }
        }
        return new QueryManifest(release, file, entries);
    }

    private record Header(int line, long count, List<String> types) {
    }

    private static Header header(String body, String where, int line) {
        Matcher m = HEADER.matcher(body);
        if (!m.matches()) {
            throw new ConfigurationException(where + ":" + line + ": malformed header '-- " + body + "'; write "
                    + "'-- sent 12' or '-- sent 12 | params INTEGER, VARCHAR'");
        }
        long count;
        try {
            count = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0) {
            throw new ConfigurationException(where + ":" + line + ": '" + m.group(1) + "' is not a count; write "
                    + "'-- sent 12' (how often the application sent the statement; 0 when unknown)");
        }
        List<String> types = new ArrayList<>();
        if (m.group(2) != null && !m.group(2).isBlank()) {
            for (String t : m.group(2).split(",")) {
                String name = t.strip().toUpperCase(java.util.Locale.ROOT);
                try {
                    JDBCType.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(where + ":" + line + ": unknown parameter type '" + t.strip()
                            + "'; use java.sql.JDBCType names, e.g. INTEGER, BIGINT, VARCHAR, NUMERIC, BOOLEAN, "
                            + "DATE, TIMESTAMP, TIMESTAMP_WITH_TIMEZONE, VARBINARY, OTHER");
                }
                types.add(name);
            }
        }
        return new Header(line, count, types);
    }

    private static void flush(List<SqlStatement> pending, Header header, List<QueryEntry> entries, String where) {
        if (pending.isEmpty()) {
            return;
        }
        SqlStatement first = pending.get(0);
        String sql = pending.size() == 1 ? first.sql().strip()
                : String.join(";\n", pending.stream().map(s -> s.sql().strip()).toList());
        List<String> types = header == null ? List.of() : header.types;
        if (!types.isEmpty() && pending.size() == 1) {
            long placeholders = first.tokens().stream()
                    .filter(t -> t.type() != TokenType.STRING && t.text().equals("?")).count();
            if (placeholders != types.size()) {
                throw new ConfigurationException(where + ":" + header.line + ": " + types.size() + " parameter type"
                        + (types.size() == 1 ? "" : "s") + " for a statement with " + placeholders
                        + " ? placeholder" + (placeholders == 1 ? "" : "s") + " (line " + first.line()
                        + "); list one JDBC type per ?, in order");
            }
        }
        entries.add(new QueryEntry(sql, types, header == null ? 0 : header.count, first.line(), pending.size()));
        pending.clear();
    }

    /** The identity of an entry: its text (whitespace as sent) and its parameter types. */
    static String key(String sql, List<String> types) {
        return sql.strip() + "\u0000" + String.join(",", types);
    }

    /** One distinct statement as captured, before it has a line. */
    public record Captured(String sql, List<String> parameterTypes, long count) {
        public Captured {
            parameterTypes = List.copyOf(parameterTypes);
        }
    }

    /**
     * The manifest text: a header naming the release and the source, then the entries sorted by
     * text (then parameter types), each after its {@code -- sent} line. The same statements give
     * the same bytes.
     */
    public static String render(Release release, String source, Collection<Captured> captured) {
        Map<String, Captured> merged = new HashMap<>();
        for (Captured sent : captured) {
            // keyed by the text as it reads back (comments outside the statement dropped), so a written
            // manifest never holds two entries that read as one
            Captured c = new Captured(readBack(sent.sql()), sent.parameterTypes(), sent.count());
            merged.merge(key(c.sql(), c.parameterTypes()), c,
                    (a, b) -> new Captured(a.sql(), a.parameterTypes(), a.count() + b.count()));
        }
        List<Captured> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing((Captured c) -> c.sql().strip())
                .thenComparing(c -> String.join(",", c.parameterTypes())));
        StringBuilder b = new StringBuilder();
        b.append("-- Query manifest of release ").append(release.name()).append(": the statements it sends (")
                .append(source).append(").\n");
        b.append("-- One entry per distinct statement, sorted; '-- sent N' is how often it was sent, 'params' the JDBC\n");
        b.append("-- types bound. `bellows verify` prepares each against every schema of the rolling upgrade.\n");
        for (Captured c : sorted) {
            b.append("\n-- sent ").append(c.count());
            if (!c.parameterTypes().isEmpty()) {
                b.append(" | params ").append(String.join(", ", c.parameterTypes()));
            }
            String sql = c.sql().strip().replaceAll(";+$", "").strip();
            String lastLine = sql.substring(sql.lastIndexOf('\n') + 1);
            // a statement ending in a -- comment gets its ; on the next line, or the comment would swallow it
            b.append('\n').append(sql).append(lastLine.contains("--") ? "\n;\n" : ";\n");
        }
        return b.toString();
    }

    private static String readBack(String sql) {
        try {
            List<SqlStatement> parts = SqlSplitter.split(sql, SqlSyntax.POSTGRESQL).statements();
            if (!parts.isEmpty()) {
                return String.join(";\n", parts.stream().map(p -> p.sql().strip()).toList());
            }
        } catch (RuntimeException e) {
            // not splittable: written as it was sent, and the manifest's reader reports it with its line
        }
        return sql;
    }

    /** Writes {@link #render} to {@code file}, creating its directory. */
    public static void write(Path file, Release release, String source, Collection<Captured> captured) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(release, source, captured), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the query manifest " + Paths.display(file), e);
        }
    }

    /** The JDBC type names Bellows understands, for messages. */
    static String typeNames() {
        return String.join(", ", Arrays.stream(JDBCType.values()).map(JDBCType::getName).toList());
    }
}
