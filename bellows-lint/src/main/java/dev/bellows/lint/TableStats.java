package dev.bellows.lint;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Table sizes of the database the migrations will run on (row estimates and bytes, read from the
 * catalog, never by counting), and the threshold under which a lock or rewrite of a table is
 * brief enough to be a warning.
 *
 * <p>The stats file is tab- or comma-separated, one table a line: {@code schema, table, rows,
 * bytes}; lines starting with {@code #} and a header line starting with {@code schema} are skipped.
 *
 * @param tables        sizes by lower-case table name and by {@code schema.table}
 * @param source        where they came from (file or database), for messages
 * @param minRows       a table with fewer estimated rows than this …
 * @param minBytes      … and fewer bytes than this is small: its lock findings become warnings
 * @param bytesPerSecond the rate used to estimate how long a rewrite or scan holds its lock
 */
public record TableStats(Map<String, TableSize> tables, String source, long minRows, long minBytes,
                         long bytesPerSecond) {

    public static final long DEFAULT_MIN_ROWS = 10_000;
    public static final long DEFAULT_MIN_BYTES = 10L * 1024 * 1024;
    /**
     * The slowest rate bellows-bench LockRate measured (a table rewrite, 14 MB/s on embedded PostgreSQL 17,
     * 2 vCPU under load; scans ran at 427 MB/s, an index build at 69 MB/s): a cautious estimate by default.
     */
    public static final long DEFAULT_BYTES_PER_SECOND = 14L * 1024 * 1024;

    /** One table's size: estimated rows and total bytes (with indexes and TOAST). */
    public record TableSize(String schema, String table, long rows, long bytes) {
    }

    public TableStats {
        tables = Map.copyOf(tables);
        if (minRows < 0 || minBytes < 0 || bytesPerSecond <= 0) {
            throw new IllegalArgumentException("stats thresholds must be positive (rows " + minRows + ", bytes "
                    + minBytes + ", bytes/s " + bytesPerSecond + ")");
        }
    }

    public static TableStats of(List<TableSize> sizes, String source) {
        Map<String, TableSize> m = new HashMap<>();
        for (TableSize s : sizes) {
            String t = s.table().toLowerCase(Locale.ROOT);
            m.putIfAbsent(t, s);
            if (s.schema() != null && !s.schema().isEmpty()) {
                m.put(s.schema().toLowerCase(Locale.ROOT) + "." + t, s);
            }
        }
        return new TableStats(m, source, DEFAULT_MIN_ROWS, DEFAULT_MIN_BYTES, DEFAULT_BYTES_PER_SECOND);
    }

    public TableStats withThreshold(long rows, long bytes) {
        return new TableStats(tables, source, rows, bytes, bytesPerSecond);
    }

    public TableStats withRate(long bytesPerSec) {
        return new TableStats(tables, source, minRows, minBytes, bytesPerSec);
    }

    /** Reads a stats file; a bad line is an error naming the file and line. */
    public static TableStats read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stats file " + file + ": " + e.getMessage(), e);
        }
        List<TableSize> sizes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(Locale.ROOT).startsWith("schema")) {
                continue;
            }
            String[] f = line.split(line.indexOf('\t') >= 0 ? "\t" : ",", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 4 fields (schema, table, rows, "
                        + "bytes), found " + f.length + "; export the file with bellows lint --export-stats FILE --url …");
            }
            try {
                sizes.add(new TableSize(f[0].strip(), f[1].strip(), Math.max(0, Long.parseLong(f[2].strip())),
                        Long.parseLong(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": rows and bytes must be whole numbers, "
                        + "found '" + f[2].strip() + "' and '" + f[3].strip() + "'");
            }
        }
        return of(sizes, file.toString());
    }

    /** Reads the sizes from the database's catalog, in a read-only session; nothing is counted or locked. */
    public static TableStats read(Connection c, LintDialect dialect, String source) throws SQLException {
        c.setReadOnly(true);
        List<TableSize> sizes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(dialect.tableSizesQuery())) {
            while (rs.next()) {
                sizes.add(new TableSize(rs.getString(1), rs.getString(2), Math.max(0, rs.getLong(3)), rs.getLong(4)));
            }
        }
        return of(sizes, source);
    }

    /**
     * Connects to {@code url} (read-only) and reads the sizes from its catalog. The password is never
     * part of a message; a password parameter in the URL is masked.
     */
    public static TableStats read(String url, String user, String password, LintDialect dialect) {
        String shown = url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        try (Connection c = new dev.bellows.db.ConnectionSettings(url, user, password)
                .connect("lint --url, --user, --password or BELLOWS_USER, BELLOWS_PASSWORD")) {
            return read(c, dialect, shown);
        } catch (SQLException e) {
            throw new dev.bellows.DatabaseException("cannot read table sizes from " + shown + ": " + e.getMessage(), e);
        }
    }

    /** Writes the sizes as a stats file (tab-separated, with a header). */
    public void write(Path file) {
        StringBuilder b = new StringBuilder("schema\ttable\trows\tbytes\n");
        tables.values().stream().distinct()
                .sorted(java.util.Comparator.comparing(TableSize::schema).thenComparing(TableSize::table))
                .forEach(s -> b.append(s.schema()).append('\t').append(s.table()).append('\t').append(s.rows())
                        .append('\t').append(s.bytes()).append('\n'));
        try {
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stats file " + file + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return (int) tables.values().stream().distinct().count();
    }

    /** The size of a table as a statement names it ({@code t}, {@code public.t}, {@code "T"}). */
    public Optional<TableSize> table(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        TableSize s = tables.get(n);
        if (s == null && n.contains(".")) {
            s = tables.get(n.substring(n.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(s);
    }

    public boolean small(TableSize s) {
        return s.rows() < minRows && s.bytes() < minBytes;
    }

    /**
     * The finding with the table's size in its message: on a small table a warning (the lock is brief),
     * on a big one with the estimated time the lock is held. Unknown tables are left as they are.
     */
    public Finding apply(Finding f, String table) {
        Optional<TableSize> size = table(table);
        if (size.isEmpty()) {
            return f;
        }
        TableSize s = size.get();
        String what = s.table() + " has about " + String.format(Locale.ROOT, "%,d", s.rows()) + " rows, "
                + human(s.bytes()) + " (" + source + ")";
        if (small(s)) {
            return new Finding(f.ruleId(), Severity.WARNING, f.file(), f.line(), f.column(), f.message() + " — but "
                    + what + ", below the threshold of " + String.format(Locale.ROOT, "%,d", minRows) + " rows / "
                    + human(minBytes) + ": the lock is brief, so this is a warning", f.help(), f.waiver());
        }
        double seconds = (double) s.bytes() / bytesPerSecond;
        return new Finding(f.ruleId(), f.severity(), f.file(), f.line(), f.column(), f.message() + " — " + what
                + ": estimated lock time " + duration(seconds) + " at " + human(bytesPerSecond) + "/s", f.help(),
                f.waiver());
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024);
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1024.0 / 1024 / 1024);
    }

    static String duration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "about %.0f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "about %.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
    }
}
