package dev.bellows.cli;

import dev.bellows.data.BatchEvent;
import dev.bellows.data.BatchListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

/**
 * Progress as JSON lines ({@code --format json}): one object per event, {@code "event":"batch"} at
 * most once a second, start, backoff and done always. Fields: event, migration, statement, rows,
 * batches, batch_size, last_batch_ms, rows_per_second, fraction (-1 unknown), eta_seconds (-1 unknown),
 * lock_waiters.
 */
public final class JsonProgress implements BatchListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EVERY_NANOS = 1_000_000_000L;

    private final Consumer<String> out;
    private long last;

    public JsonProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void onEvent(BatchEvent e) {
        if (e.kind() == BatchEvent.Kind.BATCH || e.kind() == BatchEvent.Kind.THROTTLE
                || e.kind() == BatchEvent.Kind.SLOW_COMMIT) {
            if (System.nanoTime() - last < EVERY_NANOS) {
                return;
            }
            last = System.nanoTime();
        }
        out.accept(json(e));
    }

    public static String json(BatchEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", e.kind().id());
        o.put("migration", e.migration());
        o.put("statement", e.statement());
        o.put("rows", e.rows());
        o.put("batches", e.batches());
        o.put("batch_size", e.batchSize());
        o.put("last_batch_ms", e.lastMillis());
        o.put("rows_per_second", Math.round(e.rowsPerSecond()));
        o.put("fraction", e.fraction() < 0 ? -1 : Math.round(e.fraction() * 10000) / 10000.0);
        o.put("eta_seconds", e.etaSeconds());
        o.put("lock_waiters", e.lockWaiters());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
