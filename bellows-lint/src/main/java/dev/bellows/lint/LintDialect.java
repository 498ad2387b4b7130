package dev.bellows.lint;

import dev.bellows.db.Dialect;
import dev.bellows.lint.parse.ColumnType;
import dev.bellows.sql.SqlSyntax;

import java.util.List;
import java.util.Set;

/**
 * The database a migration is linted for, and the lint-relevant behaviour that differs between
 * them: which column type changes the server does in place, without rewriting or copying the table.
 */
public enum LintDialect {

    POSTGRESQL("postgresql", SqlSyntax.POSTGRESQL, true,
            "SELECT n.nspname, c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'") {
        /**
         * A larger integer (smallint to int or bigint, int to bigint) keeps every value release N-1
         * reads or writes; the table rewrite it causes is pg-rewriting-type-change's finding. Verify
         * judges it the same way (a widening plus an observed rewrite).
         */
        @Override
        public boolean keepsData(ColumnType from, ColumnType to) {
            if (from == null || to == null) {
                return false;
            }
            int fi = PG_INTEGERS.indexOf(from.base());
            int ti = PG_INTEGERS.indexOf(to.base());
            return fi >= 0 && ti > fi;
        }

        @Override
        public boolean changesTypeInPlace(ColumnType from, ColumnType to, LintOptions options) {
            if (from == null || to == null) {
                return false;
            }
            if (from.sameAs(to)) {
                return true;
            }
            boolean fromText = from.base().equals("varchar") || from.base().equals("text");
            if (fromText && to.base().equals("text")) {
                return true; // varchar(n) → text
            }
            if (fromText && to.base().equals("varchar")) {
                return to.length() < 0 || from.base().equals("varchar") && from.length() > 0
                        && to.length() >= from.length();
            }
            if (from.base().equals("numeric") && to.base().equals("numeric")) {
                return to.args().isEmpty() || from.length() > 0 && to.length() >= from.length()
                        && to.scale() == from.scale();
            }
            if (from.base().equals("varbit") && to.base().equals("varbit")) {
                return to.length() < 0 || from.length() > 0 && to.length() >= from.length();
            }
            if (TIMES.contains(from.base()) && to.base().equals(from.base())) {
                return to.length() < 0 || from.length() >= 0 && to.length() >= from.length(); // more precision
            }
            return from.base().equals("cidr") && to.base().equals("inet");
        }

        @Override
        public boolean changesTypeInPlace(ColumnType from, ColumnType to, LintOptions options, boolean indexed,
                                          String sessionTimeZone) {
            if (changesTypeInPlace(from, to, options)) {
                return true;
            }
            if (from == null || to == null) {
                return false;
            }
            boolean textual = Set.of("text", "varchar", "citext").contains(from.base());
            if (textual && to.base().equals("citext") || from.base().equals("citext") && to.base().equals("text")) {
                return !indexed && to.args().isEmpty(); // binary coercible; an index on it is rebuilt
            }
            return from.base().equals("timestamp") && to.base().equals("timestamptz") && sessionTimeZone != null
                    && UTC.contains(sessionTimeZone.toLowerCase(java.util.Locale.ROOT))
                    && (to.length() < 0 || from.length() >= 0 && to.length() >= from.length());
        }
    },

    MYSQL("mysql", SqlSyntax.MYSQL, false,
            "SELECT table_schema, table_name, COALESCE(table_rows, 0), COALESCE(data_length, 0) + COALESCE(index_length, 0) "
                    + "FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'") {
        /** utf8mb4 VARCHAR up to 63 characters keeps a 1-byte length prefix; MySQL copies across that line. */
        private static final int ONE_BYTE_PREFIX_CHARS = 63;

        @Override
        public boolean changesTypeInPlace(ColumnType from, ColumnType to, LintOptions options) {
            if (from == null || to == null) {
                return false;
            }
            if (from.sameAs(to)) {
                return true;
            }
            if (from.base().equals("varchar") && to.base().equals("varchar") && to.length() >= from.length()) {
                return options.mysqlVersion().isMariaDb() || to.length() <= ONE_BYTE_PREFIX_CHARS
                        || from.length() > ONE_BYTE_PREFIX_CHARS;
            }
            if (appendsMembers(from, to)) {
                return storageBytes(from) == storageBytes(to); // a SET past 8 members (an ENUM past 255) needs a wider column
            }
            return false;
        }

        private boolean appendsMembers(ColumnType from, ColumnType to) {
            if ((from.base().equals("enum") || from.base().equals("set")) && to.base().equals(from.base())) {
                List<String> old = from.args();
                return to.args().size() >= old.size() && to.args().subList(0, old.size()).equals(old);
            }
            return false;
        }

        private int storageBytes(ColumnType t) {
            int n = t.args().size();
            if (t.base().equals("enum")) {
                return n <= 255 ? 1 : 2;
            }
            return n <= 8 ? 1 : n <= 16 ? 2 : n <= 24 ? 3 : n <= 32 ? 4 : 8;
        }

        @Override
        public boolean keepsData(ColumnType from, ColumnType to) {
            if (from == null || to == null) {
                return false;
            }
            if (appendsMembers(from, to)) {
                return true;
            }
            int fi = INTEGERS.indexOf(from.base());
            int ti = INTEGERS.indexOf(to.base());
            if (fi >= 0 && ti >= 0) {
                return ti >= fi && from.text().toLowerCase(java.util.Locale.ROOT).contains("unsigned")
                        == to.text().toLowerCase(java.util.Locale.ROOT).contains("unsigned");
            }
            boolean fromChars = from.base().equals("varchar") || from.base().equals("char");
            if (fromChars && to.base().equals("varchar")) {
                return to.length() >= from.length();
            }
            int ft = TEXTS.indexOf(from.base());
            int tt = TEXTS.indexOf(to.base());
            if (tt >= 0 && (fromChars || ft >= 0)) {
                return ft < 0 || tt >= ft;
            }
            if ((from.base().equals("decimal") || from.base().equals("numeric")) && to.base().equals(from.base())) {
                return to.length() >= from.length() && to.scale() == from.scale();
            }
            return from.base().equals("float") && to.base().equals("double");
        }
    };

    private static final Set<String> TIMES = Set.of("timestamp", "timestamptz", "time", "timetz", "interval");
    /** Zones with a fixed zero offset: PostgreSQL 12+ converts timestamp to timestamptz in place in them. */
    private static final Set<String> UTC = Set.of("utc", "etc/utc", "gmt", "etc/gmt", "uct", "etc/uct",
            "universal", "etc/universal", "zulu", "etc/zulu", "gmt0", "etc/gmt0", "z");
    private static final List<String> PG_INTEGERS = List.of("smallint", "int", "bigint");
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");

    private final String id;
    private final SqlSyntax syntax;
    private final boolean notValidConstraints;
    private final String tableSizesQuery;

    LintDialect(String id, SqlSyntax syntax, boolean notValidConstraints, String tableSizesQuery) {
        this.id = id;
        this.syntax = syntax;
        this.notValidConstraints = notValidConstraints;
        this.tableSizesQuery = tableSizesQuery;
    }

    /**
     * The catalog query for every table's schema, name, estimated rows and total bytes (PostgreSQL:
     * {@code reltuples}, -1 before the first ANALYZE; MySQL: {@code table_rows}, an InnoDB estimate).
     * It reads statistics only: no table is scanned or locked.
     */
    public String tableSizesQuery() {
        return tableSizesQuery;
    }

    /** Whether CHECK and FOREIGN KEY constraints can be added NOT VALID and validated later. */
    public boolean addsConstraintsNotValid() {
        return notValidConstraints;
    }

    public String id() {
        return id;
    }

    public SqlSyntax syntax() {
        return syntax;
    }

    /**
     * Whether changing a column from {@code from} to {@code to} neither rewrites nor copies the table
     * and cannot be noticed by the previous release's code (widening only). False when {@code from}
     * is unknown.
     */
    public abstract boolean changesTypeInPlace(ColumnType from, ColumnType to, LintOptions options);

    /**
     * Like {@link #changesTypeInPlace(ColumnType, ColumnType, LintOptions)}, knowing also whether an index
     * covers the column and the session time zone the file set (null when unknown).
     */
    public boolean changesTypeInPlace(ColumnType from, ColumnType to, LintOptions options, boolean indexed,
                                      String sessionTimeZone) {
        return changesTypeInPlace(from, to, options);
    }

    /**
     * Whether the change only widens the column (every value release N-1 reads or writes keeps its
     * meaning), so that only the table copy or rewrite is a hazard, not release N-1's code.
     */
    public boolean keepsData(ColumnType from, ColumnType to) {
        return false;
    }

    /** The dialect named on the command line, with the same names as {@link Dialect#named(String)}. */
    public static LintDialect named(String name) {
        return of(Dialect.named(name));
    }

    /** The lint dialect of a database dialect. */
    public static LintDialect of(Dialect dialect) {
        for (LintDialect d : values()) {
            if (d.id.equals(dialect.id())) {
                return d;
            }
        }
        throw new IllegalArgumentException("no lint dialect for " + dialect.id());
    }
}
