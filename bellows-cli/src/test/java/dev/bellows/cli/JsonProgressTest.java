package dev.bellows.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellows.data.BatchEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonProgressTest {

    static BatchEvent event(BatchEvent.Kind kind, double fraction, long eta) {
        return new BatchEvent(kind, "1.3/migrate/001_backfill.sql", 1, 12_345, 7, 2_000, 180, 45_678.4, fraction, eta,
                kind == BatchEvent.Kind.BACKOFF ? 2 : 0);
    }

    @Test
    void jsonEventsCarryEveryField() throws Exception {
        JsonNode n = new ObjectMapper().readTree(JsonProgress.json(event(BatchEvent.Kind.BACKOFF, 0.25, 30)));
        assertThat(n.get("event").asText()).isEqualTo("backoff");
        assertThat(n.get("migration").asText()).isEqualTo("1.3/migrate/001_backfill.sql");
        assertThat(n.get("rows").asLong()).isEqualTo(12_345);
        assertThat(n.get("batch_size").asInt()).isEqualTo(2_000);
        assertThat(n.get("rows_per_second").asLong()).isEqualTo(45_678);
        assertThat(n.get("fraction").asDouble()).isEqualTo(0.25);
        assertThat(n.get("eta_seconds").asLong()).isEqualTo(30);
        assertThat(n.get("lock_waiters").asInt()).isEqualTo(2);
    }
}
