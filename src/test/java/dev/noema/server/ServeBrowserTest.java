package dev.noema.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium: one browser and one server for the class (they are slow
 * to start). Skipped where {@code /usr/bin/chromedriver} is absent (Debian packages chromium and
 * chromium-driver).
 */
class ServeBrowserTest {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path folder;
  private static ServedSample sample;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void start() {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "no /usr/bin/chromedriver and /usr/bin/chromium: apt-get install chromium chromium-driver");
    sample = ServedSample.start(folder.resolve("kb"), b -> b.writeServerFile(false));
    browser = startBrowser(folder.resolve("profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /**
   * Headless Chromium through the system chromedriver, so Selenium Manager never goes to the
   * network.
   */
  static ChromeDriver startBrowser(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (sample != null) {
      sample.close();
    }
  }

  @BeforeEach
  void openPage() {
    browser.get(sample.url() + "/");
    wait.until(
        d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-graph-loaded")));
  }

  @Test
  void page_loads_the_sample_graph() throws Exception {
    long nodes = (Long) js("return cyNodes()");
    // The sample's meaning graph (about 30 entities offline since the evidence-based extractor).
    assertTrue(nodes > 20, "nodes drawn: " + nodes);
    assertEquals(nodes, (Long) js("return state.graph.nodes.length"), "every node drawn");
    assertTrue(browser.findElement(By.id("counts")).getText().matches("\\d+ nodes, \\d+ edges"));
    long edges = (Long) js("return state.edges.shown.reduce((a, b) => a + b, 0)");
    assertEquals(edges, (Long) js("return state.graph.edges.length"), "every edge drawn");
    long headlines = (Long) js("return state.cy.nodes('.headline').length");
    assertTrue(headlines >= 5 && headlines <= 20, headlines + " headlines");
    // Readable in the opening view, whatever its zoom: at least 10 px on screen.
    Number smallest =
        (Number)
            js(
                "return Math.min(...state.cy.nodes('.headline')"
                    + ".map((n) => parseFloat(n.renderedStyle('font-size'))))");
    assertTrue(smallest.doubleValue() >= 10, "smallest headline font: " + smallest + " px");
    screenshot("noema-map.png");
    // Zooming in: 12 px on screen until ordinary labels (10 model units) are larger, then their
    // size.
    Number[] zoomedIn =
        ((List<?>)
                js(
                    "state.cy.zoom(state.cy.zoom() * 4); return [state.cy.zoom(),"
                        + " parseFloat(state.cy.nodes('.headline').first().renderedStyle('font-size'))]"))
            .toArray(Number[]::new);
    double expected = Math.max(12, 10 * zoomedIn[0].doubleValue());
    assertEquals(
        expected,
        zoomedIn[1].doubleValue(),
        0.5,
        "headline font after zooming in to " + zoomedIn[0]);
  }

  @Test
  void the_relation_filter_keeps_only_that_relations_edges() {
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-relation")))
        .selectByValue("partOf");
    long shown = (Long) js("return state.edges.shown.reduce((a, b) => a + b, 0)");
    long partOf =
        (Long) js("return state.graph.edges.filter((e) => e.relation === 'partOf').length");
    assertTrue(partOf > 0 && shown == partOf, shown + " edges shown, " + partOf + " partOf edges");
  }

  @Test
  void searching_recursia_focuses_it_and_opening_its_evidence_highlights_the_quote()
      throws Exception {
    search("RECURSIA");
    wait.until(ExpectedConditions.textToBe(By.id("entity-title"), "RECURSIA"));
    assertEquals("https://w3id.org/noema/id/entity/recursia", js("return focusedNode()"));
    screenshot("noema-serve.png");
    List<WebElement> evidence = browser.findElements(By.cssSelector("#evidence li.evidence"));
    assertTrue(evidence.size() > 0);
    assertTrue(evidence.get(0).getText().contains("turn 1"), evidence.get(0).getText());
    WebElement longest =
        evidence.stream()
            .max(
                java.util.Comparator.comparingInt(
                    e -> e.findElement(By.tagName("blockquote")).getText().length()))
            .orElseThrow();
    String quote = longest.findElement(By.tagName("blockquote")).getText();
    longest.findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.attributeContains(By.id("turn-1"), "class", "focus"));
    assertTrue(browser.findElement(By.id("turn-1")).getText().contains("RECURSIA"));
    // The quote's span is highlighted in the rendered turn, across the Markdown around it.
    wait.until(d -> !d.findElements(By.cssSelector("#turn-1 mark.quoted")).isEmpty());
    String marked =
        (String)
            js(
                "return Array.from(document.querySelectorAll('#turn-1 mark.quoted'))"
                    + ".map((m) => m.textContent).join('')");
    assertEquals(
        quote.replaceAll("[*_`]", "").replaceAll("\\s+", " ").strip(),
        marked.replaceAll("\\s+", " ").strip());
    assertEquals(
        0L,
        js(
            "return document.querySelectorAll('#reader mark.quoted').length -"
                + " document.querySelectorAll('#turn-1 mark.quoted').length"));
    screenshot("noema-quote.png");
  }

  @Test
  void a_misspelling_offers_did_you_mean() {
    search("RECURSA");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("did-you-mean"), "RECURSIA"));
    browser.findElement(By.cssSelector("#did-you-mean button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("entity-title"), "RECURSIA"));
  }

  @Test
  void path_finder_shows_each_hop_with_its_relation_and_quoted_evidence() throws Exception {
    browser.findElement(By.cssSelector("#tabs button[data-tab=path]")).click();
    browser.findElement(By.id("path-from")).sendKeys("RECURSIA");
    browser.findElement(By.id("path-to")).sendKeys("INSIGHT");
    browser.findElement(By.id("path-go")).click();
    wait.until(d -> d.findElements(By.cssSelector("#path-result li.hop")).size() >= 2);
    List<WebElement> hops = browser.findElements(By.cssSelector("#path-result li.hop"));
    assertTrue(hops.get(0).getText().startsWith("RECURSIA"), hops.get(0).getText());
    assertTrue(hops.get(hops.size() - 1).getText().startsWith("INSIGHT"));
    assertTrue(
        hops.get(0).findElement(By.className("relation")).getText().matches("—.+→"),
        hops.get(0).getText());
    assertTrue(
        browser.findElements(By.cssSelector("#path-result blockquote")).size() > 0,
        "quoted evidence");
    assertTrue(
        (Long) js("return state.cy.nodes('.path').length") >= 2,
        "the path's nodes are highlighted");
    assertTrue(
        (Long) js("return state.edges.highlighted.length") >= 1,
        "the path's edges are highlighted");
    screenshot("noema-path.png");
  }

  @Test
  void a_script_label_renders_as_text() {
    search("xss-probe");
    wait.until(ExpectedConditions.textToBe(By.id("entity-title"), ServedSample.XSS_LABEL));
    assertNull(js("return window.__xss === undefined ? null : String(window.__xss)"));
    assertEquals(0L, js("return document.querySelectorAll('#entity script, #entity img').length"));
  }

  @Test
  void console_runs_a_query_as_a_table_and_refuses_update() {
    browser.findElement(By.cssSelector("#tabs button[data-tab=console]")).click();
    browser.findElement(By.id("console-run")).click();
    wait.until(d -> d.findElements(By.cssSelector("#console-result tr")).size() > 1);
    WebElement query = browser.findElement(By.id("console-query"));
    query.clear();
    query.sendKeys("DROP ALL");
    browser.findElement(By.id("console-run")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("console-error"), "read-only"));
  }

  private static void screenshot(String name) throws java.io.IOException {
    Path file = Path.of("target/screenshots", name);
    Files.createDirectories(file.getParent());
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  private void search(String text) {
    WebElement box = browser.findElement(By.id("search"));
    box.clear();
    box.sendKeys(text);
    browser.findElement(By.id("search-go")).click();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }
}
