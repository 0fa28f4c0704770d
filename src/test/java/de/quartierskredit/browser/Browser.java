package de.quartierskredit.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the few moves Tasklist and Cockpit need. In CI
 * (environment CI=true) a missing browser fails the test; elsewhere it skips with the packages to
 * install. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final WebDriver driver;
  private final String baseUrl;
  private final WebDriverWait wait;
  private final Map<String, String> typed = new java.util.LinkedHashMap<>();

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  static Browser open(String baseUrl) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("Browser tests must run in CI, but " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing: apt-get install chromium chromium-driver (.ci/run does this)");
    }
    assumeTrue(installed, "Browser tests skipped: install Debian's chromium and chromium-driver "
        + "(apt-get install chromium chromium-driver) to run them");
    Path scratch = Path.of("target", "chromium").toAbsolutePath();
    Files.createDirectories(scratch);
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
        "--user-data-dir=" + Files.createTempDirectory(scratch, "profile-"));
    // a browser that asks for English: the webapps must still answer in German
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("XDG_CACHE_HOME", scratch.resolve("cache").toString(),
            "XDG_CONFIG_HOME", scratch.resolve("config").toString()))
        .build();
    return new Browser(new ChromeDriver(service, options), baseUrl);
  }

  void login(String app, String user) {
    logout();
    for (int attempt = 1; ; attempt++) {
      driver.get(baseUrl + "/camunda/app/" + app + "/default/");
      WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")));
      name.clear();
      name.sendKeys(user);
      WebElement password = driver.findElement(By.cssSelector("input[ng-model=password]"));
      password.clear();
      password.sendKeys("demo");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      try {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        return;
      } catch (org.openqa.selenium.TimeoutException notLoggedIn) {
        // on a busy machine the page may not have been ready for the keys: try once more
        if (attempt == 2) {
          throw notLoggedIn;
        }
      }
    }
  }

  /** Logs the current user out of the webapps, if anyone is logged in. */
  void logout() {
    if (driver.getCurrentUrl().startsWith(baseUrl)
        && !driver.findElements(By.cssSelector("a[ng-click='logout()']")).isEmpty()) {
      ((JavascriptExecutor) driver).executeScript("document.querySelector(\"a[ng-click='logout()']\").click()");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    }
    // The login form shows before the server has ended the session: a page loaded at once could still come
    // with the old user's session (seen: Cockpit's dashboard instead of the login). Without its cookies the
    // browser always gets the login form.
    if (driver.getCurrentUrl().startsWith(baseUrl)) {
      driver.manage().deleteAllCookies();
    }
  }

  void go(String path) {
    driver.get(baseUrl + path);
  }

  WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitForText(String text) {
    wait.until(d -> pageText().contains(text));
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void click(By by) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    try {
      element.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException coveredByNotification) {
      // Tasklist's notification panel may lie over the button for a moment
      ((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
    }
  }

  /** Error notifications Tasklist shows (e.g. the server refused a form). */
  List<String> errorNotifications() {
    return driver.findElements(By.cssSelector(".page-notifications .alert-danger")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  /** Every notification Tasklist shows on the page (errors and notices). */
  List<String> notifications() {
    return driver.findElements(By.cssSelector(".page-notifications .alert")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  /** Closes every notification on the page. */
  void closeNotifications() {
    ((JavascriptExecutor) driver).executeScript(
        "document.querySelectorAll('.page-notifications .alert button.close').forEach(b => b.click())");
    wait.until(d -> notifications().isEmpty());
  }

  /** The page's visible text without the notifications (whose wording the server, not Tasklist, chooses). */
  String pageTextWithoutNotifications() {
    return (String) ((JavascriptExecutor) driver).executeScript("""
        const panels = Array.from(document.querySelectorAll('.page-notifications'));
        panels.forEach(panel => panel.style.display = 'none');
        const text = document.body.innerText;
        panels.forEach(panel => panel.style.display = '');
        return text;""");
  }

  /**
   * The element a person would hit when clicking the middle of {@code element}: the element itself (or
   * something inside it) unless something lies over it.
   */
  boolean isUncovered(WebElement element) {
    return (Boolean) ((JavascriptExecutor) driver).executeScript("""
        const target = arguments[0];
        const box = target.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit === target || target.contains(hit);""", element);
  }

  /** The languages the browser asks for, first one first. */
  @SuppressWarnings("unchecked")
  List<String> browserLanguages() {
    return (List<String>) ((JavascriptExecutor) driver).executeScript("return Array.from(navigator.languages)");
  }

  void clickText(String text) {
    click(By.xpath("//*[self::a or self::button or self::label][normalize-space()='" + text + "']"));
  }

  /** A Camunda Forms field by its key (form-js ids end with Field_<Key>). */
  WebElement field(String key) {
    return waitFor(By.cssSelector(".fjs-form [id$='Field_" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "']"));
  }

  /**
   * Types {@code value} into the field and verifies it: the field is left (form-js commits a text
   * field's value to its state on blur) and must then show exactly the value, and keep showing it. The value is remembered,
   * so that {@link #verifyTyped()} can prove before a completion that no re-render lost it.
   */
  void type(String key, String value) {
    WebElement input = field(key);
    scrollTo(input);
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(value);
    ((JavascriptExecutor) driver).executeScript("arguments[0].blur()", input);
    // the field must show the value on two looks 400 ms apart, longer than form-js waits before it
    // commits typing: only then is nothing of this field pending that a later rendering could drop
    // (seen: a value typed right after a number field was wiped when that field's update came in)
    boolean[] shownBefore = {false};
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(400)).until(d -> {
        boolean shown = value.equals(field(key).getDomProperty("value"));
        boolean settled = shown && shownBefore[0];
        shownBefore[0] = shown;
        return settled;
      });
    } catch (org.openqa.selenium.TimeoutException lost) {
      try {
        screenshot("failed-typing-" + key);
      } catch (IOException ignored) {
        // the assertion below says what went wrong
      }
      throw new AssertionError("Field " + key + " shows '" + field(key).getDomProperty("value")
          + "' after typing '" + value + "'", lost);
    }
    typed.put(key, value);
  }

  /**
   * Counts the page's XMLHttpRequests from now on (Tasklist's API client uses them), so that
   * {@link #waitUntilSettled()} can wait for what an action set off.
   */
  void countRequests() {
    ((JavascriptExecutor) driver).executeScript("""
        if (!window.__qkRequests) {
          window.__qkRequests = {open: 0};
          const send = XMLHttpRequest.prototype.send;
          XMLHttpRequest.prototype.send = function () {
            window.__qkRequests.open++;
            this.addEventListener('loadend', () => window.__qkRequests.open--);
            return send.apply(this, arguments);
          };
        }""");
  }

  /**
   * Waits until the page is settled: no request open, and the rendered form the same element on two
   * looks half a second apart (Tasklist renders a task's form again after a claim, and may do so once
   * more when the list it reloads comes back; what is typed into a rendering that is replaced is lost).
   */
  void waitUntilSettled() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object[] previous = {null};
    new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(d -> {
      Object open = js.executeScript("return window.__qkRequests ? window.__qkRequests.open : 0");
      WebElement form = d.findElements(By.cssSelector(".fjs-form")).stream().findFirst().orElse(null);
      boolean settled = ((Number) open).intValue() == 0 && form != null && form.equals(previous[0]);
      previous[0] = ((Number) open).intValue() == 0 ? form : null;
      return settled;
    });
  }

  /** Every value typed since the form was opened is still in its field; fails naming the first that is not. */
  void verifyTyped() {
    typed.forEach((key, value) -> {
      String shown = field(key).getDomProperty("value");
      if (!value.equals(shown)) {
        throw new AssertionError("Field " + key + " lost its value before completion: typed '" + value
            + "', shows '" + shown + "'");
      }
    });
  }

  /** A new form is open: forget what was typed into the previous one. */
  void formOpened() {
    typed.clear();
  }

  /** Chooses an option of a form-js select by the option's label. */
  void choose(String key, String option) {
    WebElement hidden = driver.findElement(By.cssSelector(".fjs-form [id$='Field_"
        + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "']"));
    WebElement group = hidden.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"
        + "//div[contains(@class,'fjs-input-group')]"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", group);
    group.click();
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  List<String> fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText)
        .filter(t -> !t.isBlank()).toList();
  }

  Path screenshot(String name) throws IOException {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, png);
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
