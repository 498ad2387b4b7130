package dev.bellows.data;

import java.io.PrintWriter;

/**
 * A progress bar redrawn in place on a terminal (at most 10 times a second): percentage when known,
 * rows, rate, batch size and ETA. Ends the line when the statement is done.
 */
public final class TerminalProgress implements BatchListener {

    private static final int WIDTH = 30;
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter out;
    private long last;
    private boolean drawn;

    public TerminalProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onEvent(BatchEvent e) {
        boolean end = e.kind() == BatchEvent.Kind.DONE;
        if (!end && e.kind() != BatchEvent.Kind.BACKOFF && System.nanoTime() - last < EVERY_NANOS) {
            return;
        }
        last = System.nanoTime();
        if (end && !drawn) {
            return;
        }
        out.print("\r" + line(e) + "\u001b[K");
        if (end) {
            out.println();
            drawn = false;
        } else {
            drawn = true;
        }
        out.flush();
    }

    static String line(BatchEvent e) {
        StringBuilder sb = new StringBuilder("  [");
        if (e.fraction() >= 0) {
            int filled = (int) Math.round(Math.min(1.0, e.fraction()) * WIDTH);
            sb.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(ProgressFormat.percent(e.fraction()));
        } else {
            int pos = (int) (e.batches() % WIDTH);
            sb.append(".".repeat(pos)).append('#').append(".".repeat(WIDTH - pos - 1)).append("]");
        }
        sb.append("  ").append(ProgressFormat.count(e.rows())).append(" rows  ")
                .append(ProgressFormat.rate(e.rowsPerSecond())).append("  batch ")
                .append(ProgressFormat.count(e.batchSize()));
        if (e.kind() == BatchEvent.Kind.BACKOFF) {
            sb.append("  backing off: ").append(e.lockWaiters()).append(" waiting");
        } else if (e.kind() != BatchEvent.Kind.DONE) {
            sb.append("  ").append(ProgressFormat.eta(e.etaSeconds()));
        } else {
            sb.append("  done");
        }
        return sb.toString();
    }
}
