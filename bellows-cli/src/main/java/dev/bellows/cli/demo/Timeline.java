package dev.bellows.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints events with the seconds since the scenario started. */
public final class Timeline {

    private final PrintWriter out;
    private final long start = System.nanoTime();

    public Timeline(PrintWriter out) {
        this.out = out;
    }

    public synchronized void event(String text) {
        out.printf(Locale.ROOT, "  %5.1f s  %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}
