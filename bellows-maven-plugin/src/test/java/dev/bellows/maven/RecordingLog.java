package dev.bellows.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.ArrayList;
import java.util.List;

/** A Maven log that keeps what the goal printed, for assertions, and still prints it. */
final class RecordingLog extends SystemStreamLog {

    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        lines.add("[INFO] " + content);
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
        super.warn(content);
    }

    @Override
    public void error(CharSequence content) {
        lines.add("[ERROR] " + content);
        super.error(content);
    }

    String text() {
        return String.join("\n", lines);
    }
}
