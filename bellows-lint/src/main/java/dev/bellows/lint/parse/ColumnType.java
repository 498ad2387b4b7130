package dev.bellows.lint.parse;

import java.util.List;

/**
 * A column type as written, normalised: {@code character varying(50)} becomes base {@code varchar}
 * with argument {@code 50}; MySQL {@code enum('a','b')} has the values as arguments.
 *
 * @param base lower-case canonical name, e.g. {@code varchar}, {@code int}, {@code timestamptz}
 * @param args the arguments in parentheses (lengths, precision, enum values), as written
 * @param text the type as written, for messages
 */
public record ColumnType(String base, List<String> args, String text) {

    public ColumnType {
        args = List.copyOf(args);
    }

    /** The first numeric argument (length or precision), or -1 when there is none. */
    public int length() {
        return args.isEmpty() ? -1 : parseInt(args.get(0));
    }

    /** The second numeric argument (scale), or -1. */
    public int scale() {
        return args.size() < 2 ? -1 : parseInt(args.get(1));
    }

    public boolean sameAs(ColumnType other) {
        return base.equals(other.base) && args.equals(other.args);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
