package dev.bellows.junit;

import dev.bellows.queries.QueryLog;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.SQLType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wraps a {@link DataSource} in a datasource-proxy JDBC proxy that records each statement sent
 * through it, with the JDBC types of the parameters the code bound ({@code setInt} is INTEGER,
 * {@code setString} VARCHAR, {@code setObject(i, uuid)} OTHER, …), into a {@link QueryLog}.
 */
final class QueryRecorder implements QueryExecutionListener {

    private final QueryLog log;

    private QueryRecorder(QueryLog log) {
        this.log = log;
    }

    static DataSource wrap(DataSource target, QueryLog log) {
        return ProxyDataSourceBuilder.create(target).name("bellows-record-" + log.release())
                .listener(new QueryRecorder(log)).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        for (QueryInfo q : queries) {
            List<List<ParameterSetOperation>> sets = q.getParametersList();
            if (sets == null || sets.isEmpty()) {
                log.record(q.getQuery(), List.of(), 1);
                continue;
            }
            for (List<ParameterSetOperation> set : sets) {
                log.record(q.getQuery(), types(set), 1);
            }
        }
    }

    /** The JDBC type of each bound parameter, in index order (unbound gaps are OTHER). */
    static List<String> types(List<ParameterSetOperation> operations) {
        Map<Integer, String> byIndex = new TreeMap<>();
        for (ParameterSetOperation op : operations) {
            Object[] args = op.getArgs();
            if (args == null || args.length == 0 || !(args[0] instanceof Integer index)) {
                continue; // named parameters of CallableStatement and out parameters are not recorded
            }
            if (ParameterSetOperation.isRegisterOutParameterOperation(op)) {
                continue;
            }
            byIndex.put(index, type(op.getMethod().getName(), args));
        }
        List<String> out = new ArrayList<>();
        int max = byIndex.isEmpty() ? 0 : ((TreeMap<Integer, String>) byIndex).lastKey();
        for (int i = 1; i <= max; i++) {
            out.add(byIndex.getOrDefault(i, JDBCType.OTHER.getName()));
        }
        return out;
    }

    private static String type(String method, Object[] args) {
        return switch (method) {
            case "setInt" -> "INTEGER";
            case "setLong" -> "BIGINT";
            case "setShort" -> "SMALLINT";
            case "setByte" -> "TINYINT";
            case "setString", "setNString", "setCharacterStream", "setNCharacterStream", "setAsciiStream",
                 "setUnicodeStream" -> "VARCHAR";
            case "setBoolean" -> "BOOLEAN";
            case "setDouble" -> "DOUBLE";
            case "setFloat" -> "REAL";
            case "setBigDecimal" -> "NUMERIC";
            case "setDate" -> "DATE";
            case "setTime" -> "TIME";
            case "setTimestamp" -> "TIMESTAMP";
            case "setBytes", "setBinaryStream" -> "VARBINARY";
            case "setBlob" -> "BLOB";
            case "setClob", "setNClob" -> "CLOB";
            case "setArray" -> "ARRAY";
            case "setURL" -> "DATALINK";
            case "setNull" -> args.length > 1 && args[1] instanceof Integer t ? name(t) : "OTHER";
            case "setObject" -> args.length > 2 && args[2] instanceof Integer t ? name(t)
                    : args.length > 2 && args[2] instanceof SQLType t ? sqlType(t)
                    : ofValue(args.length > 1 ? args[1] : null);
            default -> "OTHER";
        };
    }

    private static String name(int vendorType) {
        try {
            return JDBCType.valueOf(vendorType).getName();
        } catch (IllegalArgumentException e) {
            return "OTHER";
        }
    }

    private static String sqlType(SQLType t) {
        return t instanceof JDBCType j ? j.getName() : "OTHER";
    }

    private static String ofValue(Object v) {
        if (v instanceof Integer) {
            return "INTEGER";
        } else if (v instanceof Long) {
            return "BIGINT";
        } else if (v instanceof Short) {
            return "SMALLINT";
        } else if (v instanceof Byte) {
            return "TINYINT";
        } else if (v instanceof String || v instanceof Character) {
            return "VARCHAR";
        } else if (v instanceof Boolean) {
            return "BOOLEAN";
        } else if (v instanceof Double) {
            return "DOUBLE";
        } else if (v instanceof Float) {
            return "REAL";
        } else if (v instanceof BigDecimal || v instanceof java.math.BigInteger) {
            return "NUMERIC";
        } else if (v instanceof java.sql.Date || v instanceof java.time.LocalDate) {
            return "DATE";
        } else if (v instanceof java.sql.Time || v instanceof java.time.LocalTime) {
            return "TIME";
        } else if (v instanceof java.sql.Timestamp || v instanceof java.time.LocalDateTime) {
            return "TIMESTAMP";
        } else if (v instanceof java.time.OffsetDateTime || v instanceof java.time.ZonedDateTime
                || v instanceof java.time.Instant) {
            return "TIMESTAMP_WITH_TIMEZONE";
        } else if (v instanceof byte[]) {
            return "VARBINARY";
        } else if (v instanceof java.sql.Array) {
            return "ARRAY";
        }
        return "OTHER";
    }
}
