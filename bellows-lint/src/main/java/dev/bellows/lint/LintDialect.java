package dev.bellows.lint;

import dev.bellows.db.Dialect;
import dev.bellows.lint.parse.ColumnType;
import dev.bellows.sql.SqlSyntax;

import java.util.List;

/**
 * The database a migration is linted for, and the lint-relevant behaviour that differs between
 * them: which column type changes the server does in place, without rewriting or copying the table.
 */
public enum LintDialect {

    POSTGRESQL("postgresql", SqlSyntax.POSTGRESQL, true) {
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
            return from.base().equals("cidr") && to.base().equals("inet");
        }
    },

    MYSQL("mysql", SqlSyntax.MYSQL, false) {
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
            if ((from.base().equals("enum") || from.base().equals("set")) && to.base().equals(from.base())) {
                List<String> old = from.args();
                return to.args().size() >= old.size() && to.args().subList(0, old.size()).equals(old);
            }
            return false;
        }
    };

    private final String id;
    private final SqlSyntax syntax;
    private final boolean notValidConstraints;

    LintDialect(String id, SqlSyntax syntax, boolean notValidConstraints) {
        this.id = id;
        this.syntax = syntax;
        this.notValidConstraints = notValidConstraints;
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
