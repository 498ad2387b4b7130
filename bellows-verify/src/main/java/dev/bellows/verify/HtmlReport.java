package dev.bellows.verify;

import dev.bellows.model.Finding;
import dev.bellows.model.Migration;
import dev.bellows.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code verify --format html}: one self-contained page (no external resources) per run. A timeline of
 * releases and phases, each migration a block sized by its run time and coloured by its worst finding;
 * then every statement with the locks it took, rewrites, scans and findings, the SQL and the advice one
 * click away ({@code <details>}).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(VerifyReport report) {
        Map<String, List<Finding>> byStatement = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            byStatement.computeIfAbsent(key(f.file(), f.line()), k -> new ArrayList<>()).add(f);
        }
        StringBuilder h = new StringBuilder(16_384);
        long waived = report.findings().stream().filter(Finding::waived).count();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>bellows verify: ").append(report.errors()).append(" error(s), ")
                .append(report.warnings()).append(" warning(s)</title>\n<style>").append(CSS).append("</style>\n</head>\n")
                .append("<body data-errors=\"").append(report.errors()).append("\" data-warnings=\"")
                .append(report.warnings()).append("\">\n<header>\n<h1>bellows verify</h1>\n<p class=\"summary\">")
                .append(esc(report.server())).append(" &middot; ").append(report.migrations().size())
                .append(" migration(s) in ").append(report.totalMillis()).append(" ms &middot; <span class=\"")
                .append(report.failed() ? "verdict failed\">failed" : "verdict passed\">passed").append("</span>: ")
                .append(count(report.errors(), "error")).append(", ").append(count(report.warnings(), "warning"));
        if (waived > 0) {
            h.append(", ").append(waived).append(" waived");
        }
        h.append("</p>\n</header>\n");
        timeline(h, report, byStatement);
        findings(h, report);
        statements(h, report, byStatement);
        if (!report.notes().isEmpty()) {
            h.append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>\n");
            report.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        h.append("<script>").append(JS).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void timeline(StringBuilder h, VerifyReport report, Map<String, List<Finding>> byStatement) {
        h.append("<section id=\"timeline\">\n<h2>Timeline</h2>\n<div class=\"legend\"><span class=\"sev-error\">error</span>"
                + "<span class=\"sev-warning\">warning</span><span class=\"sev-ok\">nothing found</span>"
                + "<span class=\"sev-failed\">failed</span></div>\n");
        String release = null;
        String phase = null;
        List<MigrationObservation> ms = report.migrations();
        for (int i = 0; i < ms.size(); i++) {
            Migration m = ms.get(i).migration();
            String r = m.release().toString();
            String p = m.phase().id();
            if (!r.equals(release)) {
                if (release != null) {
                    h.append("</div>\n</div>\n");
                }
                h.append("<div class=\"release\" data-release=\"").append(esc(r)).append("\">\n<h3>release ")
                        .append(esc(r)).append("</h3>\n");
                release = r;
                phase = null;
            }
            if (!p.equals(phase)) {
                if (phase != null) {
                    h.append("</div>\n");
                }
                h.append("<div class=\"phase phase-").append(p).append("\"><span class=\"phase-name\">").append(p)
                        .append("</span>\n");
                phase = p;
            }
            String sev = severityOf(ms.get(i), byStatement);
            h.append("<a class=\"block sev-").append(sev).append("\" href=\"#m").append(i)
                    .append("\" style=\"flex-grow:").append(Math.max(1, ms.get(i).millis())).append("\" title=\"")
                    .append(esc(m.displayPath() + ": " + ms.get(i).millis() + " ms")).append("\">")
                    .append(esc(m.fileName())).append("</a>\n");
        }
        if (release != null) {
            h.append("</div>\n</div>\n");
        }
        h.append("</section>\n");
    }

    private static void findings(StringBuilder h, VerifyReport report) {
        h.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (report.findings().isEmpty()) {
            h.append("<p class=\"none\">Nothing found: every release served the one before it.</p>\n</section>\n");
            return;
        }
        h.append("<ol class=\"finding-list\">\n");
        for (Finding f : report.findings()) {
            h.append("<li class=\"finding-ref sev-").append(f.waived() ? "waived" : sev(f.severity())).append("\">")
                    .append(badge(f)).append(" <code>").append(esc(f.ruleId())).append("</code> ");
            if (f.line() > 0) {
                h.append("<a href=\"#").append(anchor(f.file(), f.line())).append("\">").append(esc(f.file()))
                        .append(':').append(f.line()).append("</a> ");
            } else if (f.file() != null && !f.file().isEmpty()) {
                h.append(esc(f.file())).append(' ');
            }
            h.append(esc(f.message())).append("</li>\n");
        }
        h.append("</ol>\n</section>\n");
    }

    private static void statements(StringBuilder h, VerifyReport report, Map<String, List<Finding>> byStatement) {
        h.append("<section id=\"migrations\">\n<h2>What each statement did</h2>\n<label class=\"filter\">"
                + "<input type=\"checkbox\" id=\"only-findings\"> only statements with findings</label>\n");
        List<MigrationObservation> ms = report.migrations();
        for (int i = 0; i < ms.size(); i++) {
            MigrationObservation mo = ms.get(i);
            Migration m = mo.migration();
            h.append("<article class=\"migration sev-").append(severityOf(mo, byStatement)).append("\" id=\"m").append(i)
                    .append("\">\n<h3><span class=\"where\">").append(esc(m.release().toString())).append(" &middot; ")
                    .append(m.phase().id()).append("</span> ").append(esc(m.displayPath())).append(" <span class=\"ms\">")
                    .append(mo.millis()).append(" ms</span></h3>\n");
            for (StatementObservation s : mo.statements()) {
                statement(h, m, s, byStatement.getOrDefault(key(m.displayPath(), s.statement().line()), List.of()));
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static void statement(StringBuilder h, Migration m, StatementObservation s, List<Finding> found) {
        String sev = s.failed() ? "failed" : worst(found);
        h.append("<div class=\"statement sev-").append(sev).append("\" id=\"")
                .append(anchor(m.displayPath(), s.statement().line())).append("\" data-findings=\"").append(found.size())
                .append("\">\n<div class=\"head\">line ").append(s.statement().line()).append(" &middot; ")
                .append(s.millis()).append(" ms &middot; ").append(s.transactional() ? "in the file's transaction"
                        : "alone, outside a transaction").append("</div>\n");
        if (!s.locks().isEmpty()) {
            h.append("<ul class=\"locks\">\n");
            for (LockObservation l : s.locks()) {
                String cls = l.mode().blocksReads() ? "blocks-reads" : l.mode().blocksWrites() ? "blocks-writes" : "harmless";
                h.append("<li class=\"lock ").append(cls).append("\"><span class=\"mode\">").append(l.mode().label())
                        .append("</span> on ").append(esc(l.name())).append(" held ").append(esc(l.held()))
                        .append(l.taken() ? "" : " (taken earlier in the transaction)").append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (StorageRewrite r : s.rewrites()) {
            h.append("<p class=\"rewrite\">rewrote ").append(r.index() ? "index " : "table ").append(esc(r.name()))
                    .append(" (").append(r.rows()).append(" rows)</p>\n");
        }
        for (TableScan t : s.scans()) {
            h.append("<p class=\"scan\">scanned ").append(esc(t.name())).append(' ').append(t.scans())
                    .append(" time(s), ").append(t.rowsRead()).append(" rows read</p>\n");
        }
        if (!s.changes().isEmpty()) {
            h.append("<ul class=\"changes\">\n");
            s.changes().forEach(c -> h.append("<li>").append(esc(c.describe())).append("</li>\n"));
            h.append("</ul>\n");
        }
        if (s.error() != null) {
            h.append("<p class=\"error\">failed: ").append(esc(s.error())).append("</p>\n");
        }
        for (Finding f : found) {
            h.append("<div class=\"finding sev-").append(f.waived() ? "waived" : sev(f.severity())).append("\">")
                    .append(badge(f)).append(" <code>").append(esc(f.ruleId())).append("</code> ")
                    .append(esc(f.message()));
            if (f.waived()) {
                h.append(" <span class=\"waiver\">waived: ").append(esc(f.waiver())).append("</span>");
            }
            if (!f.help().isEmpty()) {
                h.append("\n<details class=\"advice\"><summary>what to do</summary><ol>");
                f.help().forEach(step -> h.append("<li>").append(esc(step)).append("</li>"));
                h.append("</ol></details>");
            }
            h.append("</div>\n");
        }
        h.append("<details class=\"sql\"><summary>SQL</summary><pre>").append(esc(s.statement().sql()))
                .append("</pre></details>\n</div>\n");
    }

    private static String severityOf(MigrationObservation mo, Map<String, List<Finding>> byStatement) {
        if (mo.failed()) {
            return "failed";
        }
        List<Finding> all = new ArrayList<>();
        for (StatementObservation s : mo.statements()) {
            all.addAll(byStatement.getOrDefault(key(mo.migration().displayPath(), s.statement().line()), List.of()));
        }
        return worst(all);
    }

    private static String worst(List<Finding> found) {
        String worst = "ok";
        for (Finding f : found) {
            if (f.waived()) {
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                return "error";
            }
            worst = "warning";
        }
        return worst;
    }

    private static String badge(Finding f) {
        String label = f.waived() ? "waived" : sev(f.severity());
        return "<span class=\"badge\">" + label + "</span>";
    }

    private static String sev(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String key(String file, int line) {
        return file + "\u0000" + line;
    }

    /** An id attribute for a statement: letters, digits and dashes only. */
    static String anchor(String file, int line) {
        StringBuilder b = new StringBuilder("s-");
        for (char c : (file == null ? "" : file).toCharArray()) {
            b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
        }
        return b.append('-').append(line).toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px 48px;color:#1d2327}
            h1{margin:16px 0 4px}h2{margin-top:28px;border-bottom:1px solid #ddd}h3{margin:12px 0 6px;font-size:15px}
            code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
            pre{background:#f6f8fa;padding:8px;overflow:auto;white-space:pre-wrap}
            .verdict{font-weight:600}.verdict.failed{color:#b42318}.verdict.passed{color:#067647}
            .legend span{display:inline-block;margin-right:10px;padding:1px 8px;border-radius:3px;color:#fff;font-size:12px}
            .release{margin:8px 0 14px}.phase{display:flex;align-items:stretch;gap:3px;margin:3px 0}
            .phase-name{flex:0 0 80px;font-size:12px;color:#555;align-self:center}
            .block{flex-basis:0;min-width:28px;padding:4px 6px;border-radius:3px;color:#fff;text-decoration:none;
              font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            .sev-error.block,.legend .sev-error{background:#d92d20}.sev-warning.block,.legend .sev-warning{background:#dc6803}
            .sev-ok.block,.legend .sev-ok{background:#17b26a}.sev-failed.block,.legend .sev-failed{background:#6b1a14}
            .finding-list li{margin:3px 0}.badge{display:inline-block;min-width:56px;text-align:center;border-radius:3px;
              font-size:11px;color:#fff;background:#888;padding:0 4px}
            .sev-error>.badge{background:#d92d20}.sev-warning>.badge{background:#dc6803}.sev-waived>.badge{background:#667085}
            article.migration{border:1px solid #e4e7ec;border-left:5px solid #17b26a;border-radius:4px;margin:10px 0;padding:2px 12px 8px}
            article.sev-error{border-left-color:#d92d20}article.sev-warning{border-left-color:#dc6803}article.sev-failed{border-left-color:#6b1a14}
            .where{color:#667085;font-weight:400}.ms{color:#667085;font-weight:400;font-size:12px}
            .statement{border-top:1px dashed #e4e7ec;padding:6px 0}.statement .head{color:#475467;font-size:12px}
            .locks{margin:4px 0;padding-left:18px}.lock .mode{font-weight:600}.lock.blocks-reads .mode{color:#b42318}
            .lock.blocks-writes .mode{color:#b54708}.lock.harmless .mode{color:#067647}
            .rewrite,.scan{margin:2px 0;color:#b54708}.error{color:#b42318;font-weight:600}
            .finding{margin:4px 0}.waiver{color:#667085}.changes{margin:2px 0;padding-left:18px;color:#344054;font-size:12.5px}
            details summary{cursor:pointer;color:#175cd3;font-size:12.5px}.filter{font-size:13px}
            body.only-findings .statement[data-findings="0"]:not(.sev-failed){display:none}
            """;

    private static final String JS = """
            window.bellowsErrors=[];window.addEventListener('error',function(e){window.bellowsErrors.push(String(e.message));});
            document.getElementById('only-findings').addEventListener('change',function(e){
              document.body.classList.toggle('only-findings',e.target.checked);});
            document.querySelectorAll('a[href^="#s-"]').forEach(function(a){a.addEventListener('click',function(){
              var t=document.getElementById(a.getAttribute('href').slice(1));
              if(t){t.querySelectorAll('details').forEach(function(d){d.open=true;});}});});
            """;
}
