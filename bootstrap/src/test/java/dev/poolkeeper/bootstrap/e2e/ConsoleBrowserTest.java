package dev.poolkeeper.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.poolkeeper.adapters.providers.ProviderStubs;
import dev.poolkeeper.adapters.providers.vonage.VonagePoolsSimulator;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's chromium, driven through its chromedriver by Selenium (no Selenium
 * Manager: both paths are given). Without them the tests are skipped on a developer's machine and fail under
 * {@code CI=true} (where .ci/run installs them). With {@code -Dpoolkeeper.screenshots=docs} the screenshots
 * the README shows are written to docs/screenshots; otherwise to target/screenshots.
 */
class ConsoleBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static TestServer server;
    private static VonagePoolsSimulator vonage;
    private static WireMockServer vonageStub;
    private static Api api;
    private static String pool;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    static void start() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but /usr/bin/chromium or /usr/bin/chromedriver is missing:"
                    + " .ci/run installs the Debian packages chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "no /usr/bin/chromium and /usr/bin/chromedriver here: the browser tests"
                + " are skipped (apt-get install chromium chromium-driver to run them)");
        vonage = new VonagePoolsSimulator("abcd1234", "vonage-secret");
        vonageStub = ProviderStubs.simulate(vonage, "/v2/numberpools/.*");
        Map<String, Object> config = Simulations.sandbox();
        config.put("poolkeeper.providers.vonage.base-url", vonageStub.baseUrl());
        config.put("poolkeeper.providers.vonage.api-key", "abcd1234");
        config.put("poolkeeper.providers.vonage.api-secret", "vonage-secret");
        config.put("poolkeeper.console.sign-in-attempts-per-minute", 1000);
        server = TestServer.start(config);
        api = server.newAccount();
        Api.Response created = api.post("/v1/pools", "{\"name\":\"checkout-codes\",\"sticky_sender\":true}");
        pool = created.json().get("id").asText();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            items.append(i == 0 ? "" : ",").append(String.format("{\"number\":\"+1415555%04d\",\"provider\":\"sandbox\","
                    + "\"campaign_id\":\"CSANDBOX\"}", 200 + i));
        }
        Api.Response added = api.post("/v1/pools/" + pool + "/numbers", "{\"numbers\":[" + items + "]}");
        assertEquals(200, added.status(), added.body());
        api.post("/v1/pools", "{\"name\":\"marketing-us\"}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            vonageStub.stop();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("poolkeeper-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // a closed network: no background connections, no component updates; a fresh profile every test
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String url(String path) {
        return server.uri().resolve(path).toString();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    private void screenshot(String name) {
        String where = System.getProperty("poolkeeper.screenshots", "target");
        Path dir = where.equals("docs") ? Path.of("..", "docs", "screenshots") : Path.of("target", "screenshots");
        try {
            Files.createDirectories(dir);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the page's scripts reported: a Content-Security-Policy refusal, a script error or a failed htmx
     * request fails a test (a page answered with an error status on purpose, a refused sign-in, does not).
     */
    private void assertNoScriptErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/console/sign-in - Failed to load resource")).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
    }

    @Test
    void anOperatorSignsInSeesThePoolsOpensOneAndSignsOut() {
        browser.get(url("/console/pools"));
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        browser.findElement(By.id("api_key")).sendKeys("pk_notAKeyOfAnyAccount00000");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(error.getText().contains("unknown or revoked"), error.getText());
        screenshot("console-sign-in");

        browser.findElement(By.id("api_key")).sendKeys(api.key());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Pools"));
        assertTrue(browser.manage().getCookies().stream().noneMatch(c -> c.getValue().contains(api.key())));
        assertEquals(List.of("checkout-codes", "marketing-us"), browser.findElements(By.cssSelector("tbody th a"))
                .stream().map(WebElement::getText).sorted().toList());
        WebElement changed = browser.findElement(By.cssSelector("tbody time"));
        waiting().until(ExpectedConditions.attributeToBe(changed, "data-localized", "true"));
        assertTrue(changed.getAttribute("title").endsWith("UTC"), "UTC on hover: " + changed.getAttribute("title"));
        screenshot("console-pools");

        browser.findElement(By.linkText("checkout-codes")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "checkout-codes"));
        assertEquals(12, browser.findElements(By.cssSelector("#members tbody tr")).size());
        assertTrue(browser.findElement(By.cssSelector(".settings")).getText().contains("Sticky for\n30 days"));
        screenshot("console-pool");

        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        browser.get(url("/console/pools"));
        waiting().until(ExpectedConditions.urlContains("/console/sign-in"));
        assertNoScriptErrors();
    }

    private void signIn() {
        signIn(api);
    }

    private void signIn(Api as) {
        browser.get(url("/console/sign-in"));
        browser.findElement(By.id("api_key")).sendKeys(as.key(), Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Pools"));
    }

    @Test
    void anOperatorAddsAMixedListAndAsksWhichNumberWouldBeUsed() {
        signIn();
        browser.get(url("/console/pools/" + pool));
        browser.findElement(By.id("to")).sendKeys("+12125550100", Keys.ENTER);
        WebElement decision = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
        assertTrue(decision.getText().startsWith("+12125550100: from +1415555"), decision.getText());
        assertFalse(browser.findElements(By.cssSelector("#trace tbody tr")).isEmpty(), "the trace is shown");

        browser.findElement(By.id("numbers")).sendKeys("+14155550300\nnot a number\n+14155550301");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("provider"))).selectByValue("sandbox");
        browser.findElement(By.id("campaign_id")).sendKeys("CSANDBOX");
        browser.findElement(By.xpath("//button[text()='Add the numbers']")).click();
        WebElement outcomes = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("add-outcomes")));
        assertEquals(List.of("added", "failed", "added"), outcomes.findElements(By.cssSelector("tbody td:nth-of-type(1)"))
                .stream().map(WebElement::getText).toList());
        assertTrue(browser.findElement(By.id("add-result")).getText().startsWith("2 of 3 in the pool; 1 refused"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("dry-run-h")));
        screenshot("console-pool-actions");
        browser.navigate().refresh();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "checkout-codes"));
        assertTrue(browser.findElement(By.cssSelector(".muted")).getText().contains("14 numbers"));
        assertNoScriptErrors();
    }

    @Test
    void anEditOfAPoolChangedMeanwhileShowsTheConflictAndOverwritesNothing() {
        Api other = server.newAccount();
        String id = other.post("/v1/pools", "{\"name\":\"contested\"}").json().get("id").asText();
        signIn(other);
        browser.get(url("/console/pools/" + id));
        browser.findElement(By.tagName("summary")).click();
        other.patch("/v1/pools/" + id, "{\"sticky_ttl_days\":60}");

        WebElement ttl = browser.findElement(By.id("sticky_ttl_days"));
        ttl.clear();
        ttl.sendKeys("90");
        browser.findElement(By.xpath("//button[text()='Save settings']")).click();
        WebElement message = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-message")));
        assertTrue(message.getText().startsWith("Someone changed this pool while you edited it"), message.getText());
        assertEquals(60, other.get("/v1/pools/" + id).json().get("sticky_ttl_days").asInt(), "nothing overwritten");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", message);
        screenshot("console-settings-conflict");

        browser.findElement(By.tagName("summary")).click();
        ttl = browser.findElement(By.id("sticky_ttl_days"));
        assertEquals("60", ttl.getAttribute("value"), "the form shows the current settings");
        ttl.clear();
        ttl.sendKeys("90");
        browser.findElement(By.xpath("//button[text()='Save settings']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-message"), "Saved"));
        assertEquals(90, other.get("/v1/pools/" + id).json().get("sticky_ttl_days").asInt());
        assertNoScriptErrors();
    }

    @Test
    void thePlanShowsADriftAndSyncNowRepairsIt() throws InterruptedException {
        Api other = server.newAccount();
        String id = other.post("/v1/pools", "{\"name\":\"mirrored\"}").json().get("id").asText();
        Api.Response added = other.post("/v1/pools/" + id + "/numbers", "{\"numbers\":["
                + "{\"number\":\"+14155550400\",\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"},"
                + "{\"number\":\"+14155550401\",\"provider\":\"vonage\",\"campaign_id\":\"CABC123\"}]}");
        assertEquals(200, added.status(), added.body());
        SyncStatus.until(() -> "in_sync".equals(other.get("/v1/pools/" + id + "/sync").json().get("providers").get(0)
                .get("state").asText()), 20);
        String vonagePool = other.get("/v1/pools/" + id + "/sync").json().get("providers").get(0)
                .get("provider_pool_id").asText();
        vonage.numbers.get(vonagePool).remove("14155550401"); // someone removed it in the Vonage dashboard

        signIn(other);
        browser.get(url("/console/pools/" + id));
        browser.findElement(By.linkText("Mirroring at providers")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Mirroring of mirrored"));
        assertEquals("in_sync", browser.findElement(By.cssSelector("#parts .state")).getText(), "as the last sync left it");
        browser.findElement(By.xpath("//button[text()='Show the plan']")).click();
        WebElement step = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plan ol.diff li")));
        assertEquals("add numbers +14155550401", step.getText(), "the drift, as the plan that repairs it");
        screenshot("console-sync-plan");

        browser.findElement(By.xpath("//button[text()='Sync now']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("sync-message"), "Sync requested"));
        SyncStatus.until(() -> vonage.numbers.get(vonagePool).contains("14155550401"), 20);
        browser.findElement(By.xpath("//button[text()='Show the plan']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan"), "In sync: nothing to do."));
        assertNoScriptErrors();
    }

    @Test
    void aMessageIsFoundAndItsAttemptsAndReceiptShowAsATimeline() throws InterruptedException {
        Api.Response sent = api.sendMessage("{\"pool_id\":\"" + pool + "\",\"to\":\"+12125550166\",\"text\":\"hi\"}");
        String id = sent.json().get("id").asText();
        SyncStatus.until(() -> "delivered".equals(api.get("/v1/messages/" + id).json().get("status").asText()), 20);
        signIn();
        browser.findElement(By.linkText("Messages")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Messages"));
        browser.findElement(By.id("to")).sendKeys("+12125550166", Keys.ENTER);
        waiting().until(ExpectedConditions.elementToBeClickable(By.linkText(id))).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), id));
        List<String> timeline = browser.findElements(By.cssSelector("#timeline li strong")).stream()
                .map(WebElement::getText).toList();
        assertEquals("queued", timeline.get(0));
        assertEquals("delivered", timeline.get(timeline.size() - 1));
        assertTrue(timeline.stream().anyMatch(t -> t.startsWith("attempt from +1415555")), timeline.toString());
        screenshot("console-message");
        assertNoScriptErrors();
    }

    @Test
    void aNumberIsOptedOutAndBackInAndAKeyIsCreatedAndRevoked() {
        Api other = server.newAccount();
        String id = other.post("/v1/pools", "{\"name\":\"quiet\"}").json().get("id").asText();
        signIn(other);
        browser.findElement(By.linkText("Opt-outs")).click();
        browser.findElement(By.id("list")).sendKeys(id, Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), id));
        browser.findElement(By.id("number")).sendKeys("+12125550188", Keys.ENTER);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("opt-out-message"), "is opted out"));
        assertEquals("+12125550188", browser.findElement(By.cssSelector("#opted-out-list tbody th")).getText());
        browser.findElement(By.xpath("//button[text()='Opt back in']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("opt-out-message"), "opted back in"));

        browser.findElement(By.linkText("API keys")).click();
        browser.findElement(By.xpath("//button[text()='Create a key']")).click();
        String key = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText();
        assertEquals(200, server.api(key).get("/v1/pools").status(), "the key shown works");
        screenshot("console-keys");
        browser.findElements(By.xpath("//button[text()='Revoke']")).get(1).click();
        browser.switchTo().alert().accept();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys-message"), "Revoked"));
        assertEquals(401, server.api(key).get("/v1/pools").status(), "revoked");
        assertNoScriptErrors();
    }

    @Test
    void theTimelineChartsTheDeliveredShareAndTheOptOutsPageListsTheStop() throws InterruptedException {
        List<String> sent = List.of("+12125550167", "+12125550005").stream().map(to -> api.sendMessage(
                "{\"pool_id\":\"" + pool + "\",\"to\":\"" + to + "\",\"text\":\"hi\"}").json().get("id").asText())
                .toList();
        SyncStatus.until(() -> sent.stream().allMatch(m -> "delivered".equals(
                api.get("/v1/messages/" + m).json().get("status").asText())), 20);
        SyncStatus.until(() -> api.get("/v1/opt-out-lists/" + pool + "/numbers").body().contains("+12125550005"), 20);
        signIn();
        browser.findElement(By.linkText("checkout-codes")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "checkout-codes"));
        List<String> headings = browser.findElements(By.cssSelector("#members thead th")).stream()
                .map(WebElement::getText).toList();
        assertTrue(headings.containsAll(List.of("Delivered (recent receipts)", "Rests until", "Budget")),
                headings.toString());
        browser.findElement(By.linkText("Timeline")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Timeline of checkout-codes"));
        List<WebElement> bars = browser.findElements(By.cssSelector("#delivery-chart rect.bar"));
        assertEquals(30, bars.size());
        WebElement today = bars.get(bars.size() - 1);
        assertEquals("bar", today.getAttribute("class"), "today had receipts");
        assertTrue(today.getRect().getHeight() > 20, "a full bar is drawn tall: " + today.getRect().getHeight());
        screenshot("console-timeline");

        browser.findElement(By.linkText("Opt-outs")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Opt-out lists"));
        WebElement newest = browser.findElement(By.cssSelector("#recent-opt-outs tbody tr"));
        assertTrue(newest.getText().contains("+12125550005") && newest.getText().endsWith("opted out " + pool + " STOP"),
                newest.getText());
        screenshot("console-opt-outs");
        assertNoScriptErrors();
    }

    @Test
    void aStickySenderIsPinnedTheRemovalCostShownAndARequestWithoutTheTokenRefused() {
        Api other = server.newAccount();
        String id = other.post("/v1/pools", "{\"name\":\"pinned\",\"sticky_sender\":true}").json().get("id").asText();
        assertEquals(200, other.post("/v1/pools/" + id + "/numbers", "{\"numbers\":["
                + "{\"number\":\"+14155550500\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"},"
                + "{\"number\":\"+14155550501\",\"provider\":\"sandbox\",\"campaign_id\":\"CSANDBOX\"}]}").status());
        signIn(other);
        browser.get(url("/console/pools/" + id));
        browser.findElement(By.id("sticky-to")).sendKeys("+12125550133", Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pin-sender")))
                .sendKeys("+14155550501", Keys.ENTER);
        WebElement mapping = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sticky-mapping")));
        assertTrue(mapping.getText().startsWith("+12125550133 gets its messages from +14155550501"), mapping.getText());
        assertEquals("+14155550501", other.get("/v1/pools/" + id + "/sticky-senders/+12125550133").json()
                .get("from").asText());

        browser.findElement(By.cssSelector("[aria-label='Edit or remove +14155550501']")).click();
        WebElement cost = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("removal-cost")));
        assertTrue(cost.getText().contains("1 recipient(s) are stuck to it"), cost.getText());

        assertNoScriptErrors();
        // the page's own origin, the session cookie, but no CSRF token: refused, and nothing is pinned
        Object status = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/console/pools/" + id + "/sticky', {method: 'POST', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: 'action=pin&to=%2B12125550134&sender=%2B14155550500'})"
                + ".then(r => done(r.status), e => done(String(e)));");
        assertEquals(403L, ((Number) status).longValue());
        assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .allMatch(e -> e.getMessage().contains("403 (Forbidden)")), "the refusal is the only error logged");
        assertEquals(404, other.get("/v1/pools/" + id + "/sticky-senders/+12125550134").status());

        browser.findElement(By.linkText("Operations")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Operations"));
        assertEquals(List.of("Queues: messages due and not sent", "Mirrors not in sync",
                "Event endpoints and their deliveries"), browser.findElements(By.tagName("h2")).stream()
                .map(WebElement::getText).toList());
        assertNoScriptErrors();
    }

    @Test
    void onAPhoneWidthWindowThePagesDoNotScrollSideways() {
        signIn();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String path : List.of("/console/pools", "/console/pools/" + pool, "/console/pools/" + pool + "/timeline",
                "/console/messages", "/console/opt-outs", "/console/operations", "/console/keys")) {
            browser.get(url(path));
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object wide = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('body *')).filter(e => !e.closest('table.list *'))"
                    + ".filter(e => e.getBoundingClientRect().right"
                    + " > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.'"
                    + " + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertEquals(0L, ((Number) overflow).longValue(), path + " is wider than the window: " + wide);
        }
        screenshot("console-phone");
        assertNoScriptErrors();
    }

    @Test
    void theKeyboardAloneSignsInAndOpensAPool() {
        browser.get(url("/console/sign-in"));
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertEquals("Skip to content", browser.switchTo().activeElement().getText(), "the first stop skips the header");
        for (int i = 0; i < 5 && !"api_key".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        WebElement key = browser.switchTo().activeElement();
        assertEquals("api_key", key.getAttribute("id"), "the key's field is reached by Tab");
        key.sendKeys(api.key(), Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Pools"));

        for (int i = 0; i < 20 && !"checkout-codes".equals(browser.switchTo().activeElement().getText()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("checkout-codes", browser.switchTo().activeElement().getText(), "the pool's link is reached by Tab");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "checkout-codes"));
        assertFalse(browser.findElements(By.cssSelector("#members tbody tr")).isEmpty());
        assertNoScriptErrors();
    }
}
