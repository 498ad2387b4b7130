package dev.bellows.report;

import dev.bellows.model.Finding;
import dev.bellows.model.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=db/migrations/1.1/expand/001.sql,line=3,col=1,title=bellows expand-drop-column::message},
 * so findings show on the pull request's lines without a SARIF upload. Waived findings are left out;
 * the safe steps follow the message on their own lines.
 */
public final class GithubReporter implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding f : report.findings()) {
            if (f.waived()) {
                continue;
            }
            List<String> properties = new ArrayList<>();
            properties.add("file=" + property(f.file()));
            if (f.line() > 0) {
                properties.add("line=" + f.line());
                properties.add("col=" + Math.max(1, f.column()));
            }
            properties.add("title=" + property("bellows " + f.ruleId()));
            List<String> text = new ArrayList<>();
            text.add(f.message());
            text.addAll(f.help());
            out.write("::" + (f.severity() == Severity.ERROR ? "error" : "warning") + " "
                    + String.join(",", properties) + "::" + data(String.join("\n", text)) + "\n");
        }
        out.flush();
    }

    /** The escaping GitHub requires of a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping GitHub requires of a property value: the message's, plus {@code :} and {@code ,}. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
