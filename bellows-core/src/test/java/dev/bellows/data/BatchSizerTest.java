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

    @Test
    void whileQuietTheTargetStretchesToKeepTheFixedCostPerBatchNearFivePercent() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000, true);
        // a 20 ms commit and checkpoint per batch: 20 x 20 ms = 400 ms, reached in steps of 10 %
        for (int i = 0; i < 20; i++) {
            s.observe(200 * MS, 20 * MS, true);
        }
        assertThat(s.targetNanos()).isEqualTo(400 * MS);
        assertThat(s.size()).as("the size followed the longer target").isGreaterThan(1_000);
        // never more than four times the configured target
        for (int i = 0; i < 40; i++) {
            s.observe(400 * MS, 100 * MS, true);
        }
        assertThat(s.targetNanos()).isEqualTo(800 * MS);
        // the application is busy: back to the configured target at once
        s.observe(800 * MS, 100 * MS, false);
        assertThat(s.targetNanos()).isEqualTo(200 * MS);
    }

    @Test
    void aCheapFixedCostOrABackOffKeepsTheConfiguredTarget() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000, true);
        for (int i = 0; i < 20; i++) {
            s.observe(200 * MS, 5 * MS, true);
        }
        assertThat(s.targetNanos()).as("5 ms is under 5 % of 200 ms").isEqualTo(200 * MS);
        for (int i = 0; i < 20; i++) {
            s.observe(200 * MS, 30 * MS, true);
        }
        assertThat(s.targetNanos()).isGreaterThan(500 * MS);
        s.backOff();
        assertThat(s.targetNanos()).as("a back-off halves the configured target, not the stretched one")
                .isEqualTo(100 * MS);
    }

    @Test
    void aTargetSetOnPurposeNeverStretches() {
        BatchSizer s = new BatchSizer(200 * MS, 1_000, 10, 100_000, false);
        for (int i = 0; i < 20; i++) {
            s.observe(200 * MS, 100 * MS, true);
        }
        assertThat(s.targetNanos()).isEqualTo(200 * MS);
    }
}
