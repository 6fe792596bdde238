package dev.atrium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.persistence.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal and the generated skill page in a real browser (Debian's Chromium, headless): sign in, install
 * the hello plugin by upload, run its echo skill from the generated page with a file, watch the progress and
 * the streamed text, download {@code echo.txt}, cancel a slow run, switch to Chinese, open the plugin's own
 * page and the usage dashboard. Screenshots of every page go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.plugins.allow-unsigned=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

    @TempDir
    static Path home;

    static WebDriver browser;
    static WebDriverWait wait;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(DOWNLOADS);
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        // Debian's browser and driver, named explicitly, so Selenium never tries to download either.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                        "--lang=en-US")
                .setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
                        "download.prompt_for_download", false));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void screenshot(String name) throws IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    @Order(1)
    void signsInAndInstallsTheHelloPluginByUpload() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestKeys.admin(home));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-plugin=hello]")));
        assertThat(browser.findElement(By.id("who")).getText()).startsWith("admin · admin · default");
        screenshot("01-plugins");

        // The bundled hello goes, then comes back from the archive a user uploads.
        js("window.confirm = () => true;");
        browser.findElement(By.cssSelector("[data-plugin=hello] button.danger")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-plugin=hello]")));
        browser.findElement(By.id("plugin-file")).sendKeys(helloArchive().toString());
        WebElement installed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#install-message p")));
        assertThat(installed.getText()).contains("hello");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-plugin=hello]"), "started"));
        screenshot("02-installed");

        // The same id again is refused with the reason, and the page offers to upgrade instead.
        browser.findElement(By.id("plugin-file")).sendKeys(helloArchive().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("upgrade")));
        assertThat(browser.findElement(By.cssSelector("#install-message .atr-problem")).getText()).contains("already installed");
        browser.findElement(By.id("upgrade")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("install-message"), "Installed hello"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-plugin=hello]"), "started"));

        // A refused upload shows the problem, and nothing changes.
        Path junk = Files.writeString(home.resolve("not-a-plugin.zip"), "this is no zip");
        browser.findElement(By.id("plugin-file")).sendKeys(junk.toString());
        WebElement problem = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#install-message .atr-problem")));
        assertThat(problem.getText()).isNotBlank();
        screenshot("03-refused-upload");
    }

    @Test
    @Order(2)
    void runsEchoFromItsGeneratedPageWithProgressStreamResultAndDownload() throws Exception {
        browser.get(url("/skills/hello/echo"));
        WebElement text = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-text")));
        assertThat(browser.findElement(By.cssSelector("label[for=in-text]")).getText()).contains("Text");
        text.sendKeys("alpha beta gamma delta epsilon zeta eta theta");
        browser.findElement(By.id("in-delayMs")).sendKeys("150");
        Path attachment = Files.writeString(home.resolve("notes.txt"), "attached notes");
        browser.findElement(By.cssSelector("#in-file")).sendKeys(attachment.toString());
        browser.findElement(By.id("run")).click();

        // Progress and streamed words arrive while the run goes on, before the result.
        wait.until(d -> ((Number) js("return document.querySelector('.atr-progress progress').value")).intValue() > 0);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream"), "alpha"));
        assertThat(browser.findElements(By.cssSelector("#result:not([hidden])"))).isEmpty();
        screenshot("04-streaming");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), "Done"));
        WebElement result = browser.findElement(By.id("result"));
        assertThat(result.getText()).contains("words").contains("8").contains("notes.txt");
        screenshot("05-result");

        browser.findElement(By.cssSelector("[data-artifact='echo.txt']")).click();
        Path downloaded = DOWNLOADS.resolve("echo.txt");
        wait.until(d -> Files.exists(downloaded) && size(downloaded) > 0);
        assertThat(Files.readString(downloaded, StandardCharsets.UTF_8)).startsWith("alpha beta gamma").contains("notes.txt");
    }

    @Test
    @Order(3)
    void cancelsASlowRun() throws Exception {
        browser.get(url("/skills/hello/echo"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("in-text")))
                .sendKeys("one two three four five six seven eight nine ten eleven twelve thirteen fourteen");
        browser.findElement(By.id("in-delayMs")).sendKeys("700");
        browser.findElement(By.id("run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stream"), "one"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), "Cancelled"));
        assertThat(browser.findElement(By.id("stream")).getText()).doesNotContain("fourteen");
        screenshot("06-cancelled");
    }

    @Test
    @Order(4)
    void switchesToChineseAndShowsThePluginsOwnPage() throws Exception {
        browser.get(url("/skills/hello/echo"));
        WebElement language = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language")));
        new Select(language).selectByValue("zh");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run"), "运行"));
        assertThat(browser.findElement(By.cssSelector("nav a[data-route=runs]")).getText()).isEqualTo("运行记录");
        screenshot("07-chinese");

        browser.get(url("/plugins/hello/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "打个招呼"));
        browser.findElement(By.id("text")).sendKeys("你好 世界");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "echo.txt"));
        screenshot("08-plugin-page");
        js("localStorage.setItem('atrium.locale', 'en');");
    }

    @Test
    @Order(5)
    void showsRunsAndAUsageChartWithData() throws Exception {
        browser.get(url("/#/runs"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.atr-grid tbody tr")));
        assertThat(browser.findElement(By.cssSelector("table.atr-grid")).getText()).contains("echo").contains("cancelled");
        browser.findElement(By.cssSelector("table.atr-grid tbody tr a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li")));
        screenshot("09-run-detail");

        browser.get(url("/#/usage"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-runs canvas")));
        assertThat(Integer.parseInt(browser.findElement(By.id("chart-runs")).getDomAttribute("data-rendered"))).isPositive();
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("hello");
        screenshot("10-usage");
        // Down to a phone's width the page still lays out.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        wait.until(d -> ((Number) js("return document.documentElement.scrollWidth")).intValue() <= 400);
        screenshot("10-usage-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        browser.get(url("/#/admin"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-name"))).sendKeys("reviewer");
        browser.findElement(By.id("user-password")).sendKeys("a long enough passphrase");
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "reviewer"));
        WebElement action = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-action")));
        action.sendKeys("user.create");
        action.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> {
            String rows = d.findElement(By.id("audit-rows")).getText();
            return rows.contains("user.create") && !rows.contains("plugin.install");
        });
        screenshot("11-admin");

        // The session ends (here: its cookie is gone); the next call says so instead of failing quietly.
        browser.manage().deleteAllCookies();
        js("location.hash = '#/runs';");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("expired")));
        assertThat(browser.findElement(By.id("expired")).getText()).contains("Sign in");
        screenshot("12-session-expired");
    }

    @Test
    @Order(6)
    void thePluginsOwnPagesRunTheirSkills() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(TestKeys.admin(home));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-plugin=office]")));

        // Office: minutes from a pasted transcript, with the action item's owner.
        browser.get(url("/plugins/office/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("m-transcript"))).sendKeys(
                "Alice: Let's ship the beta on Friday.\nBob: I will write the release notes by Thursday.\n"
                        + "Alice: Agreed, we go with the blue design.");
        browser.findElement(By.id("m-run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("minutes-result"), "Bob"));
        assertThat(browser.findElements(By.cssSelector("[role=tab]"))).hasSizeGreaterThanOrEqualTo(2);
        screenshot("13-office-page");

        // Education: a session with the teacher's reference; a wrong step is answered without the answer.
        browser.get(url("/plugins/education/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("t-problem")))
                .sendKeys("Tom has 12 apples and buys 5 more. How many apples does he have now?");
        js("const set = (id, v) => { const n = document.getElementById(id); n.value = v; n.dispatchEvent(new Event('input')); };"
                + "set('t-solution', '12 + 5 = 17'); set('t-answer', '17');");
        browser.findElement(By.id("t-begin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("t-message"))).sendKeys("12 + 5 = 18");
        browser.findElement(By.id("t-send")).click();
        wait.until(d -> d.findElements(By.cssSelector(".pg-tutor-msg")).size() >= 2);
        List<WebElement> replies = browser.findElements(By.cssSelector(".pg-tutor-msg"));
        assertThat(replies.get(replies.size() - 1).getText()).doesNotContain("17");
        screenshot("14-education-page");

        // Medical: a draft that says what it is.
        browser.get(url("/plugins/medical/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("d-source"))).sendKeys(
                "Doctor: What brings you in today?\nPatient: I have had a cough for two weeks. No fever.\n"
                        + "Doctor: Your lungs sound clear. We will get a chest X-ray.");
        browser.findElement(By.id("d-run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "requires clinician sign-off"));
        screenshot("15-medical-page");

        // E-commerce: a listing from typed attributes, every material traced to them.
        browser.get(url("/plugins/ecommerce/"));
        List<WebElement> cells = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#l-attrs tbody input")));
        cells.get(1).sendKeys("copper");
        cells.get(3).sendKeys("red");
        browser.findElement(By.id("l-brand")).sendKeys("Acme");
        browser.findElement(By.id("l-category")).sendKeys("Kitchen kettle");
        browser.findElement(By.id("l-run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("l-compliance")));
        WebElement title = browser.findElement(By.id("l-edit-title"));
        assertThat(title.getDomProperty("value")).containsIgnoringCase("copper").doesNotContainIgnoringCase("steel");
        screenshot("16-ecommerce-page");
        // The user edits the title in place and checks it: the server keeps the rules and the facts.
        title.sendKeys(" Steel Free shipping!");
        browser.findElement(By.id("l-check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("l-checked")));
        assertThat(browser.findElement(By.id("l-edit-title")).getDomProperty("value")).containsIgnoringCase("copper")
                .doesNotContainIgnoringCase("steel").doesNotContainIgnoringCase("free shipping").doesNotContain("!");
        assertThat(browser.findElement(By.id("l-grounding")).getText()).containsIgnoringCase("steel");
        screenshot("17-ecommerce-checked");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The hello archive the host bundles, as a user would upload it. */
    private static Path helloArchive() throws IOException {
        var resource = new PathMatchingResourcePatternResolver().getResources("classpath*:bundled-plugins/hello-*.zip")[0];
        Path file = home.resolve("hello-plugin.zip");
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
