package dev.bellows.junit;

import dev.bellows.verify.VerifyOutput;
import dev.bellows.verify.VerifyReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes each verification as one HTML page into the build's output folder: {@code -Dbellows.report.dir=DIR}
 * when set, else {@code target/} (Maven) or {@code build/} (Gradle) of the working directory when one exists;
 * nowhere otherwise. The file is {@code bellows-verify-<location>-<dialect>.html}.
 */
final class HtmlReportFile {

    static final String DIR_PROPERTY = "bellows.report.dir";

    private HtmlReportFile() {
    }

    static Optional<Path> write(VerifyReport report, Settings settings) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.get().resolve("bellows-verify-" + slug(settings.location().toString()) + "-"
                + settings.dialect().id() + ".html");
        try {
            Files.createDirectories(dir.get());
            Files.writeString(file, VerifyOutput.render(report, "html", true), StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException e) {
            // The report is a by-product: a folder that cannot be written must not fail the user's tests.
            System.err.println("bellows: could not write the verify report " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Path> directory() {
        String configured = System.getProperty(DIR_PROPERTY, "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured.trim()));
        }
        for (String candidate : new String[] {"target", "build"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    static String slug(String location) {
        String s = location.replaceFirst("^classpath:", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "migrations" : s;
    }
}
