package dev.bellows.cli.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo's latency chart drawn by a real browser (Debian's Chromium, headless): both rollouts' series,
 * phase markers and failed requests are laid out inside their charts. Skipped, saying why, without Chromium.
 */
class LatencyChartBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("bellows.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("bellows.chromedriver", "/usr/bin/chromedriver"));

    @Test
    void bothRolloutsAreDrawnWithPhasesAndFailedRequests(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no browser to draw the chart in; install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), as .ci/run does");
        Latencies bellows = record(false);
        Latencies naive = record(true);
        Path page = LatencyChart.write(dir.resolve("demo.html"), "Bellows demo", "a recorded run",
                List.of(new LatencyChart.Rollout("bellows", "Bellows", bellows),
                        new LatencyChart.Rollout("naive", "Naive", naive)));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1360,800", "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        try {
            browser.get(page.toUri().toString());
            for (String key : List.of("bellows", "naive")) {
                WebElement chart = browser.findElement(By.id("chart-" + key));
                assertThat(chart.getSize().getWidth()).as(key).isGreaterThan(500);
                assertThat(chart.getSize().getHeight()).as(key).isGreaterThan(200);
                for (WebElement series : chart.findElements(By.cssSelector("polyline.series"))) {
                    assertThat(series.getSize().getWidth()).as(key + " series drawn across the time axis")
                            .isGreaterThan(300);
                }
                assertThat(chart.findElements(By.cssSelector("g.phase-marker"))).as(key).hasSize(3);
            }
            WebElement naiveChart = browser.findElement(By.id("chart-naive"));
            List<WebElement> failed = naiveChart.findElements(By.cssSelector("circle.failed-request"));
            assertThat(failed).hasSize((int) naive.failed());
            int left = naiveChart.getLocation().getX();
            int right = left + naiveChart.getSize().getWidth();
            for (WebElement dot : failed) {
                assertThat(dot.isDisplayed()).isTrue();
                assertThat(dot.getLocation().getX()).isBetween(left, right);
            }
            assertThat(browser.findElement(By.id("chart-bellows")).findElements(By.cssSelector("circle.failed-request")))
                    .isEmpty();
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "demo-latency.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    /** Three phases of 300 ms with a request every 5 ms; the naive way's middle phase fails some requests. */
    private static Latencies record(boolean failing) throws InterruptedException {
        Latencies l = new Latencies();
        for (String phase : List.of("expand", failing ? "migration" : "migrate", "contract")) {
            l.enter(phase);
            for (int i = 0; i < 60; i++) {
                boolean fail = failing && !phase.equals("expand") && !phase.equals("contract") && i % 4 == 0;
                long nanos = (fail ? 900 : 1 + i % 7) * 1_000_000L;
                l.record(phase, nanos, fail ? "lock timeout" : null);
                Thread.sleep(5);
            }
        }
        return l;
    }
}
