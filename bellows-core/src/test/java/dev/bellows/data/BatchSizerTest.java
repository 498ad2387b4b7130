package dev.bellows.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchSizerTest {

    private static final long MS = 1_000_000L;

    @Test
    void aFastBatchGrowsTheSizeAtMostTwofold() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000);
        assertThat(s.observe(20 * MS)).isEqualTo(2_000);
        assertThat(s.observe(100 * MS)).isEqualTo(4_000);
        assertThat(s.observe(160 * MS)).isEqualTo(5_000);
    }

    @Test
    void aSlowBatchShrinksTheSizeAtMostByHalf() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000);
        assertThat(s.observe(2_000 * MS)).isEqualTo(500);
        assertThat(s.observe(250 * MS)).isEqualTo(400);
    }

    @Test
    void nearTheTargetTheSizeStays() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000);
        assertThat(s.observe(190 * MS)).isEqualTo(1_000);
        assertThat(s.observe(215 * MS)).isEqualTo(1_000);
    }

    @Test
    void theSizeStaysWithinItsBoundsAndBackOffHalves() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 100, 1_500);
        assertThat(s.observe(1 * MS)).isEqualTo(1_500);
        assertThat(s.backOff()).isEqualTo(750);
        assertThat(s.backOff()).isEqualTo(375);
        assertThat(s.targetNanos()).as("the target halves too").isEqualTo(50 * MS);
        assertThat(s.observe(10_000 * MS)).isEqualTo(188);
        assertThat(s.observe(10_000 * MS)).isEqualTo(100);
        assertThat(s.backOff()).isEqualTo(100);
        for (int i = 0; i < 10; i++) {
            s.backOff();
        }
        assertThat(s.targetNanos()).as("down to a tenth of the target").isEqualTo(20 * MS);
        for (int i = 0; i < 30; i++) {
            s.observe(1 * MS);
        }
        assertThat(s.targetNanos()).as("recovers without waiters").isEqualTo(200 * MS);
    }
}
