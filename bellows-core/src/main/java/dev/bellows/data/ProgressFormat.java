package dev.bellows.data;

import java.util.Locale;

/** Shared number formatting of the progress renderers. */
final class ProgressFormat {

    private ProgressFormat() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double rowsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f rows/s", rowsPerSecond);
    }

    static String eta(long seconds) {
        if (seconds < 0) {
            return "ETA ?";
        }
        return seconds >= 3600 ? String.format(Locale.ROOT, "ETA %dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "ETA %dm%02ds", seconds / 60, seconds % 60);
    }

    static String percent(double fraction) {
        return fraction < 0 ? "" : String.format(Locale.ROOT, "%5.1f%%", fraction * 100);
    }
}
