package dev.bellows.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTest {

    @Test
    void theRollingUpgradeUnderLiveTrafficFailsNoRequestAndTheNaiveWayDoes() {
        CliTest.Run demo = CliTest.bellows(Map.of(), "demo");
        assertThat(demo.exit()).as(demo.out() + demo.err()).isZero();
        String out = demo.out();
        assertThat(out).contains("bellows expand --to 1.3", "instance 4 now runs release 1.3",
                "bellows migrate --to 1.3", "001_backfill_titles.sql  done", "bellows contract --to 1.3",
                "data check: 0 rows", "== Done");
        Matcher bellows = Pattern.compile("(?m)^failed requests: (\\d+) of (\\d+)").matcher(out);
        assertThat(bellows.find()).as(out).isTrue();
        assertThat(Long.parseLong(bellows.group(1))).as(out).isZero();
        assertThat(Long.parseLong(bellows.group(2))).as(out).isGreaterThanOrEqualTo(1_000);
        Matcher naive = Pattern.compile("(?m)^naive way, failed requests: (\\d+) of (\\d+)").matcher(out);
        assertThat(naive.find()).as(out).isTrue();
        assertThat(Long.parseLong(naive.group(1))).as(out).isPositive();
        for (String phase : new String[]{"1.2 only", "expand", "rollout", "migrate", "contract", "1.3 only"}) {
            assertThat(out).containsPattern("(?m)^   " + Pattern.quote(phase) + " +\\d+ +0 ");
        }
    }
}
