package dev.bellows.instances;

import java.time.Duration;

/** Formats short durations for people: {@code 850 ms}, {@code 4 s}, {@code 3 min 20 s}, {@code 2 h 5 min}. */
public final class Ages {

    private Ages() {
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }
}
