package dev.bellows.verify;

import dev.bellows.db.PostgresDialect;
import dev.bellows.model.Finding;
import dev.bellows.testing.Databases;
import dev.bellows.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code verify --format html} opened in a real browser: Debian's Chromium, headless, through chromedriver.
 * Skipped, saying why, where either is missing ({@code .ci/run} installs both).
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("bellows.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("bellows.chromedriver", "/usr/bin/chromedriver"));

    static VerifyReport report;
    static Path page;
    static ChromeDriver browser;

    @BeforeAll
    static void verifyAndOpen(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: no browser to open the HTML report in; install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver), as .ci/run does");
        MigrationTree tree = new MigrationTree(dir.resolve("migrations"))
                .file("1.0/expand/001_books.sql", """
                        CREATE TABLE books (id bigint PRIMARY KEY, title text NOT NULL, legacy_code text);
                        INSERT INTO books SELECT g, 'title ' || g, 'c' || g FROM generate_series(1, 500) g;
                        """)
                .file("1.1/expand/001_isbn.sql", """
                        ALTER TABLE books ADD COLUMN isbn text;
                        COMMENT ON COLUMN books.isbn IS '</pre><script>window.injected = true;</script>';
                        CREATE INDEX books_title ON books (title);
                        """)
                .file("1.1/expand/002_sneaky.sql", "ALTER TABLE books DROP COLUMN legacy_code;\n")
                .file("1.1/contract/001_cleanup.sql", "ALTER TABLE books DROP COLUMN isbn;\n");
        TestDatabase db = Databases.postgres();
        report = Verifier.verify(tree.load(), VerifyOptions.defaults(new PostgresDialect())
                .withShadow(ShadowSpec.url(db.url(), db.user(), db.password())));
        page = Path.of("target", "verify-report.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, VerifyOutput.render(report, "html", true), StandardCharsets.UTF_8);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1400", "--user-data-dir=" + dir.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void open() {
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageOpensWithoutErrorsAndShowsEveryFinding() throws Exception {
        assertThat(report.failed()).as("the case must have errors to show").isTrue();
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("console errors").isEmpty();
        Object errors = ((JavascriptExecutor) browser).executeScript("return window.bellowsErrors;");
        assertThat(errors).as("the page's own script ran without errors").isInstanceOf(List.class);
        assertThat((List<?>) errors).isEmpty();
        assertThat(browser.getTitle()).startsWith("bellows verify: " + report.errors() + " error(s)");

        List<WebElement> listed = browser.findElements(By.cssSelector("#findings li.finding-ref"));
        assertThat(listed).hasSize(report.findings().size());
        for (Finding f : report.findings()) {
            assertThat(browser.findElement(By.id("findings")).getText()).contains(f.ruleId());
        }
        assertThat(browser.findElement(By.cssSelector("#findings")).getText()).contains("verify-dropped-column");
        assertThat(browser.findElements(By.cssSelector("#timeline .block.sev-error"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline .block.sev-ok"))).isNotEmpty();

        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "verify-report.png"), png);
        assertThat(png.length).isGreaterThan(10_000);
    }

    @Test
    void sqlFromTheMigrationsIsShownAsTextNeverRun() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.injected === true;")).isEqualTo(false);
        assertThat(browser.findElement(By.id("migrations")).getAttribute("textContent"))
                .contains("<script>window.injected = true;</script>");
    }

    @Test
    void theSqlAndTheAdviceAreOneClickAway() {
        WebElement dropped = browser.findElements(By.cssSelector(".statement.sev-error")).stream()
                .filter(s -> s.getText().contains("verify-dropped-column")).findFirst().orElseThrow();
        WebElement sql = dropped.findElement(By.cssSelector("details.sql pre"));
        assertThat(sql.isDisplayed()).isFalse();
        dropped.findElement(By.cssSelector("details.sql summary")).click();
        assertThat(sql.isDisplayed()).isTrue();
        assertThat(sql.getText()).contains("DROP COLUMN legacy_code");

        WebElement advice = dropped.findElement(By.cssSelector("details.advice ol"));
        assertThat(advice.isDisplayed()).isFalse();
        dropped.findElement(By.cssSelector("details.advice summary")).click();
        assertThat(advice.isDisplayed()).isTrue();
        assertThat(advice.getText()).isNotBlank();
    }

    @Test
    void aFindingLinksToItsStatementAndTheFilterHidesQuietStatements() {
        WebElement quiet = browser.findElements(By.cssSelector(".statement[data-findings='0']")).stream()
                .filter(s -> !s.getAttribute("class").contains("sev-failed")).findFirst().orElseThrow();
        assertThat(quiet.isDisplayed()).isTrue();
        browser.findElement(By.id("only-findings")).click();
        assertThat(quiet.isDisplayed()).isFalse();
        browser.findElement(By.id("only-findings")).click();
        assertThat(quiet.isDisplayed()).isTrue();

        WebElement link = browser.findElements(By.cssSelector("#findings a")).stream()
                .filter(a -> a.getText().contains("002_sneaky.sql")).findFirst().orElseThrow();
        String target = link.getAttribute("href").replaceFirst(".*#", "");
        link.click();
        WebElement statement = browser.findElement(By.id(target));
        assertThat(statement.getText()).contains("verify-dropped-column");
        assertThat(statement.findElement(By.cssSelector("details.sql pre")).isDisplayed()).isTrue();
    }
}
