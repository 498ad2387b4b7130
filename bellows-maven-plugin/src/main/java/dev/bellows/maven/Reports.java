package dev.bellows.maven;

import dev.bellows.DatabaseException;
import dev.bellows.model.Finding;
import dev.bellows.report.Report;
import dev.bellows.report.Reporters;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Reports of lint and verify in the build log and in files. */
final class Reports {

    private Reports() {
    }

    /** Prints a report line by line: error findings as errors, warnings as warnings, the rest as info. */
    static void log(Log log, String format, Report report) {
        StringWriter text = new StringWriter();
        try {
            Reporters.named(format).write(report, text);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        log(log, text.toString());
    }

    static void log(Log log, String text) {
        String level = "info";
        for (String line : text.split("\n")) {
            if (!line.startsWith(" ")) {
                level = line.contains(": error[") ? "error" : line.contains(": warning[") ? "warn" : "info";
            }
            switch (level) {
                case "error" -> log.error(line);
                case "warn" -> log.warn(line);
                default -> log.info(line);
            }
        }
    }

    /** Writes the report to {@code file} in {@code format}; nothing when file is null. */
    static void write(File file, String format, Report report, Log log) {
        if (file == null) {
            return;
        }
        try {
            if (file.getParentFile() != null) {
                Files.createDirectories(file.getParentFile().toPath());
            }
            try (Writer w = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
                Reporters.named(format).write(report, w);
            }
        } catch (IOException e) {
            throw new DatabaseException("cannot write " + file + ": " + e.getMessage(), e);
        }
        log.info("report written to " + file);
    }

    static String oneLine(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + " [" + f.ruleId() + "] " + f.message();
    }
}
