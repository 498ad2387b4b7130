package dev.bellows.data;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRenderersTest {

    static BatchEvent event(BatchEvent.Kind kind, double fraction, long eta) {
        return new BatchEvent(kind, "1.3/migrate/001_backfill.sql", 1, 12_345, 7, 2_000, 180, 45_678.4, fraction, eta,
                kind == BatchEvent.Kind.BACKOFF ? 2 : 0);
    }

    @Test
    void theTerminalBarShowsPercentRowsRateSizeAndEta() {
        assertThat(TerminalProgress.line(event(BatchEvent.Kind.BATCH, 0.5, 75)))
                .isEqualTo("  [###############...............]  50.0%  12,345 rows  45,678 rows/s  batch 2,000  ETA 1m15s");
        assertThat(TerminalProgress.line(event(BatchEvent.Kind.BACKOFF, -1, -1)))
                .contains("backing off: 2 waiting").doesNotContain("%");
    }

    @Test
    void theTerminalBarRedrawsInPlaceAndEndsItsLineWhenDone() {
        StringWriter out = new StringWriter();
        TerminalProgress bar = new TerminalProgress(new PrintWriter(out));
        bar.onEvent(event(BatchEvent.Kind.BATCH, 0.5, 75));
        bar.onEvent(event(BatchEvent.Kind.DONE, 1.0, 0));
        assertThat(out.toString()).startsWith("\r  [").contains("\u001b[K").endsWith("done\u001b[K" + System.lineSeparator());
    }

    @Test
    void plainLinesReportResumesAndBackOffsAtOnce() {
        List<String> lines = new ArrayList<>();
        PlainProgress plain = new PlainProgress(lines::add, "001_backfill.sql");
        plain.onEvent(event(BatchEvent.Kind.START, 0.1, -1));
        plain.onEvent(event(BatchEvent.Kind.BACKOFF, 0.1, -1));
        plain.onEvent(event(BatchEvent.Kind.BATCH, 0.1, -1));
        assertThat(lines).containsExactly(
                "  001_backfill.sql  continuing after 7 batches (12,345 rows) of an earlier run",
                "  001_backfill.sql  2 session(s) waited on a batch's locks: batch size cut to 2,000, pausing");
    }
}
