package dev.bellows.verify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column type changes keep the previous release working: widening only (a longer varchar,
 * varchar to text, a larger integer, more numeric precision at the same scale, more fractional
 * seconds for time, timestamp and interval). Type names as PostgreSQL's {@code format_type} or
 * MySQL's {@code COLUMN_TYPE} print them: a base name, an optional {@code (p)} or {@code (p,s)},
 * and a suffix that must stay the same ({@code  with time zone}, {@code  without time zone},
 * {@code []}, {@code  unsigned}), e.g. {@code timestamp(3) without time zone}.
 */
final class TypeWidening {

    private static final Pattern TYPE = Pattern.compile("^([a-z0-9_ ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?"
            + "((?: with time zone| without time zone)?(?: unsigned)?(?:\\[\\])*)$");

    /** Fixed-length types: a longer length changes the stored (padded) values. */
    private static final List<String> FIXED_LENGTH = List.of("character", "char", "bit", "binary");

    /**
     * MySQL's temporal types print no precision for 0 fractional digits ({@code datetime} is
     * {@code datetime(0)}); PostgreSQL's time and timestamp always carry a time zone suffix and
     * mean the maximum (6) without one.
     */
    private static final List<String> MYSQL_TEMPORAL = List.of("datetime", "timestamp", "time");

    private static final List<List<String>> INTEGERS = List.of(
            List.of("tinyint"), List.of("smallint", "int2"), List.of("mediumint"),
            List.of("integer", "int", "int4"), List.of("bigint", "int8"));
    private static final List<String> TEXT = List.of("text", "mediumtext", "longtext");
    private static final List<String> VARCHAR = List.of("character varying", "varchar");
    private static final List<String> NUMERIC = List.of("numeric", "decimal");

    private TypeWidening() {
    }

    static boolean compatible(String from, String to) {
        if (from == null || to == null) {
            return false;
        }
        if (appendsEnumValues(from.trim(), to.trim())) {
            return true;
        }
        Matcher a = TYPE.matcher(from.toLowerCase(Locale.ROOT).trim());
        Matcher b = TYPE.matcher(to.toLowerCase(Locale.ROOT).trim());
        if (!a.matches() || !b.matches() || !a.group(4).equals(b.group(4))) {
            return false;
        }
        String fa = a.group(1);
        String fb = b.group(1);
        int ia = integerRank(fa);
        int ib = integerRank(fb);
        if (ia >= 0 && ib >= 0) {
            return ib >= ia;
        }
        if (fa.equals("real") && fb.equals("double precision") || fa.equals("float") && fb.equals("double")) {
            return true;
        }
        if (VARCHAR.contains(fa) && (TEXT.contains(fb) || VARCHAR.contains(fb))) {
            return TEXT.contains(fb) || b.group(2) == null || a.group(2) != null
                    && Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
        }
        if (NUMERIC.contains(fa) && NUMERIC.contains(fb)) {
            if (b.group(2) == null) {
                return true;
            }
            if (a.group(2) == null) {
                return false;
            }
            int scaleA = a.group(3) == null ? 0 : Integer.parseInt(a.group(3));
            int scaleB = b.group(3) == null ? 0 : Integer.parseInt(b.group(3));
            return scaleA == scaleB && Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
        }
        if (fa.equals(fb) && a.group(3) == null && b.group(3) == null && !FIXED_LENGTH.contains(fa)) {
            // same type, wider or removed length/precision (bit varying, time, timestamp, interval,
            // datetime); a fixed-length type changes its padded values, so only an unchanged one passes
            if (b.group(2) == null) {
                return !MYSQL_TEMPORAL.contains(fb) || !a.group(4).isEmpty() || a.group(2) == null;
            }
            int from2 = a.group(2) != null ? Integer.parseInt(a.group(2))
                    : MYSQL_TEMPORAL.contains(fa) && a.group(4).isEmpty() ? 0 : Integer.MAX_VALUE;
            return Integer.parseInt(b.group(2)) >= from2;
        }
        return false;
    }

    /**
     * MySQL {@code enum('a','b')} to {@code enum('a','b','c')} (or {@code set}): values appended at
     * the end keep every stored value and its order, so the previous release is unaffected.
     */
    private static boolean appendsEnumValues(String from, String to) {
        for (String kind : List.of("enum(", "set(")) {
            if (from.toLowerCase(Locale.ROOT).startsWith(kind) && to.toLowerCase(Locale.ROOT).startsWith(kind)
                    && from.endsWith(")") && to.endsWith(")")) {
                String prefix = from.substring(kind.length(), from.length() - 1) + ",";
                return to.substring(kind.length()).startsWith(prefix);
            }
        }
        return false;
    }

    private static int integerRank(String type) {
        for (int i = 0; i < INTEGERS.size(); i++) {
            if (INTEGERS.get(i).contains(type)) {
                return i;
            }
        }
        return -1;
    }
}
