package dev.bellows.verify;

import dev.bellows.report.Palette;
import dev.bellows.report.Reporters;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Renders a verification in the format given to {@code --format}: text, json, sarif, github or html. */
public final class VerifyOutput {

    private VerifyOutput() {
    }

    /**
     * @param observations in text, also print what every statement did (JSON always has it; SARIF
     *                     has findings only)
     */
    public static String render(VerifyReport report, String format, boolean observations) {
        return render(report, format, observations, Palette.PLAIN);
    }

    /** As {@link #render(VerifyReport, String, boolean)}, with text marked by {@code palette}. */
    public static String render(VerifyReport report, String format, boolean observations, Palette palette) {
        return switch (format == null ? "" : format) {
            case "text" -> TextReport.render(report, observations, palette);
            case "json" -> JsonReport.render(report);
            case "html" -> HtmlReport.render(report);
            default -> {
                StringWriter out = new StringWriter();
                try {
                    Reporters.named(format).write(report.toReport(), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                yield out.toString();
            }
        };
    }

    /**
     * Fails with a {@link dev.bellows.ConfigurationException} naming the formats when {@code format} is not
     * one verify writes; call it before the shadow database starts.
     */
    public static void requireKnown(String format) {
        if ("html".equals(format)) {
            return;
        }
        try {
            Reporters.named(format);
        } catch (dev.bellows.ConfigurationException e) {
            throw new dev.bellows.ConfigurationException(e.getMessage() + " (or html, for verify)");
        }
    }
}
