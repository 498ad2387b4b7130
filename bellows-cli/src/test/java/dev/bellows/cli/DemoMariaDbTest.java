package dev.bellows.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoMariaDbTest {

    @Test
    void theSameStoryOnAnEmbeddedMariaDbFailsNoRequestAndWritesTheChart(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("demo.html");
        CliTest.Run demo = CliTest.bellows(Map.of(), "demo", "--database", "mariadb", "--rows", "5000",
                "--html", html.toString());
        String out = demo.out();
        assertThat(demo.exit()).as(out + demo.err()).isZero();
        assertThat(out).contains("embedded MariaDB", "bellows expand --to 1.3", "instance 4 now runs release 1.3",
                "001_backfill_titles.sql  done", "data check: 0 rows", "latency chart: " + html.toAbsolutePath());
        Matcher bellows = Pattern.compile("(?m)^failed requests: (\\d+) of (\\d+)").matcher(out);
        assertThat(bellows.find()).as(out).isTrue();
        assertThat(Long.parseLong(bellows.group(1))).as(out).isZero();
        assertThat(Long.parseLong(bellows.group(2))).as(out).isGreaterThanOrEqualTo(1_000);
        Matcher naive = Pattern.compile("(?m)^naive way, failed requests: (\\d+) of (\\d+)").matcher(out);
        assertThat(naive.find()).as(out).isTrue();
        long naiveFailed = Long.parseLong(naive.group(1));
        assertThat(naiveFailed).as(out).isPositive();

        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script", "src=", "href=", "<link", "url(", "@import")
                .contains("id=\"chart-bellows\"", "id=\"chart-naive\"", "class=\"series series-max\"",
                        "data-phase=\"expand\"", "data-phase=\"contract\"", "data-phase=\"migration\"");
        assertThat(page).containsPattern("id=\"chart-bellows\" data-requests=\"\\d+\" data-failed=\"0\"");
        assertThat(page).contains("id=\"chart-naive\" data-requests=\"" + naive.group(2) + "\" data-failed=\""
                + naiveFailed + "\"");
        assertThat(Pattern.compile("class=\"failed-request\"").matcher(page).results().count())
                .isEqualTo(Math.min(2_000, naiveFailed));
    }
}
