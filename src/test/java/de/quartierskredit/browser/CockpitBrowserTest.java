package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.portfolio.HandBuiltPortfolio;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cockpit, Admin and Welcome as managers and process owners meet them, in a real (headless) Chromium
 * that asks for English: the portfolio and the 10 % standard in words first on the dashboard, German
 * throughout unless English is chosen, and no action offered that the engine would refuse.
 *
 * <p>The portfolios are built by hand in years no other test uses (2013: the standard holds; 2014:
 * Leipzig breaks it), and the engine clock, which is the application's "today", is set into them.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CockpitBrowserTest {

  /** What Cockpit's dashboard and our plugin would show in English (Camunda's en.json), and raw data. */
  static final List<String> ENGLISH_ON_THE_DASHBOARD = List.of("Dashboard", "Right Now", "Running Process Instances",
      "Running", "Open Incidents", "Incidents", "Open Human Tasks", "Process Definitions", "Decision Definitions",
      "Custom Plugins", "Processes", "Decisions", "More", "Powered by", "Date and Time", "It is time to migrate",
      "Suspend", "Delete", "Add variable", "Loading", "true", "false", "null", "undefined", "NaN");
  /** Words of the actions and their column on a process instance page, in English (en.json and templates). */
  static final List<String> ENGLISH_ON_AN_INSTANCE = List.of("Actions", "Suspend", "Delete", "Add variable",
      "Cancel", "Retry", "Edit variable", "Running", "Incidents", "Processes");
  static final List<String> ENGLISH_IN_WELCOME = List.of("Applications", "Edit profile", "Change password",
      "Documentation", "Links", "Log out", "Powered by", "Date and Time", "It is time to migrate");
  static final List<String> ENGLISH_IN_ADMIN = List.of("Users", "Groups", "Tenants", "Authorizations",
      "Create New User", "List of Users", "Manage Authorizations", "My Profile", "Powered by", "It is time to migrate");
  static final List<String> ENGLISH_ON_THE_LOGIN_PAGE = List.of("Log in", "Username", "Password", "Powered by");
  /** Field names of /api/portfolio and a camelCase word of any kind: no variable name reaches a manager. */
  static final List<String> FIELD_NAMES = List.of("disturbanceRate", "aboveStandard", "loansOutstanding",
      "principalOutstanding", "reportingDate", "asOf", "quarterCode", "OUTSIDE", "ALL");
  static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");
  static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");

  @LocalServerPort int port;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  private Browser browser;

  @BeforeAll
  void buildPortfoliosAndOpenBrowser() throws Exception {
    var build = new HandBuiltPortfolio(loans, jdbc);
    List<Loan> built = new ArrayList<>();
    // 2013: Offenbach exactly at the limit (1 of 10), Leipzig undisturbed: the standard holds
    LocalDate disbursed2013 = LocalDate.of(2013, 3, 1);
    for (int i = 0; i < 10; i++) {
      built.add(build.activeLoan("offenbach", "1000.00", disbursed2013));
    }
    build.disturbed(built.get(0), LocalDate.of(2013, 4, 2), null);
    for (int i = 0; i < 5; i++) {
      built.add(build.activeLoan("leipzig", "800.00", disbursed2013));
    }
    // 2014: on the 15th Leipzig 1 of 7 disturbed (14,3 %), the whole system 1 of 17 (5,9 %) ...
    LocalDate disbursed2014 = LocalDate.of(2014, 3, 1);
    for (int i = 0; i < 10; i++) {
      built.add(build.activeLoan("offenbach", "1000.00", disbursed2014));
    }
    for (int i = 0; i < 7; i++) {
      built.add(build.activeLoan("leipzig", "8000.00", disbursed2014));
    }
    build.disturbed(built.get(built.size() - 1), LocalDate.of(2014, 5, 2), null);
    // ... and after the 15th one in Offenbach: today (the 20th) the whole system is at 2 of 17 (11,8 %)
    build.disturbed(built.get(15), LocalDate.of(2014, 6, 17), null);
    // the reports read the principal movements; the rows' balance is what today's fund capacity counts,
    // and these loans were repaid long ago (six months after disbursement)
    jdbc.sql("UPDATE loan SET outstanding_principal = 0, state = 'REPAID' WHERE id IN (:ids)")
        .param("ids", built.stream().map(Loan::id).toList()).update();
    browser = Browser.open("http://localhost:" + port);
    assertThat((String) js("return navigator.languages[0]")).as("the browser asks for English").startsWith("en");
  }

  @AfterAll
  void closeBrowserAndResetClock() {
    ClockUtil.reset();
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void managerSeesFirstOnTheDashboardThatTheStandardHolds() throws Exception {
    today(2013, 6, 20);
    browser.login("cockpit", "monika");
    WebElement verdict = browser.waitFor(By.cssSelector(".qk-verdict-reporting-date"));

    assertThat(firstDashboardBlock()).as("the first block on the dashboard").isEqualTo("qk-portfolio");
    assertThat(verdict.getLocation().getY()).as("the verdict's distance from the top of the page").isLessThan(300);
    assertThat(verdict.getText()).isEqualTo("Stichtag 15.06.2013 und heute (20.06.2013) – Standard eingehalten: im "
        + "gesamten System 6,7 % der ausstehenden Kredite gestört, in jedem Quartier und außerhalb der Quartiere "
        + "höchstens 10 % (Grenze 10 %).");
    assertThat(verdict.getAttribute("class")).contains("qk-holds");
    String page = browser.pageText();
    assertThat(page).contains("Quartierskredit: Portfolio am 20.06.2013", "Quartiere am 20.06.2013", "10,0 %", "10.000,00 EUR", "4.000,00 EUR");
    assertThat(row("offenbach")).contains("10", "10.000,00 EUR", "10,0 %", "eingehalten");
    assertGermanAndNoData(page, ENGLISH_ON_THE_DASHBOARD);
    assertThat(chart(".qk-trend")).startsWith("Verlauf gesamtes System, letzte 12 Stichtage").contains("15.06.2013 gestört 6,7 %");
    browser.screenshot("cockpit-01-standard-holds");
  }

  @Test
  @Order(2)
  void managerReadsWhereTheStandardIsBroken() throws Exception {
    today(2014, 6, 20);
    browser.go("/camunda/app/cockpit/default/#/dashboard");
    browser.driver.navigate().refresh();
    browser.waitForText("Portfolio am 20.06.2014");
    WebElement verdict = browser.waitFor(By.cssSelector(".qk-verdict-reporting-date"));

    assertThat(verdict.getText()).isEqualTo("Stichtag 15.06.2014 – Standard verfehlt in Leipzig: 14,3 % gestört "
        + "(Grenze 10 %). Im gesamten System 5,9 % gestört.");
    assertThat(verdict.getAttribute("class")).contains("qk-broken");
    assertThat(browser.waitFor(By.cssSelector(".qk-verdict-today")).getText()).isEqualTo("Stand heute (20.06.2014) – "
        + "Standard verfehlt im gesamten System: 11,8 % gestört, in Leipzig: 14,3 % gestört (Grenze 10 %).");
    assertThat(row("leipzig")).contains("14,3 % (über 10 %)", "56.000,00 EUR", "verfehlt");
    assertThat(row("offenbach")).contains("10,0 %", "eingehalten");
    assertThat(row("ALL")).contains("66.000,00 EUR", "11,8 % (über 10 %)", "verfehlt");
    assertThat(firstDashboardBlock()).isEqualTo("qk-portfolio");
    assertGermanAndNoData(browser.pageText(), ENGLISH_ON_THE_DASHBOARD);
    browser.screenshot("cockpit-02-standard-broken");
  }

  @Test
  @Order(3)
  void managerSeesRiskLossesFundsAndPipelineAsGermanChartsAndOpensTheFunderReport() throws Exception {
    // still 20.06.2014, logged in as Monika: Leipzig 1 of 7 disturbed on the 15th
    browser.waitFor(By.cssSelector(".qk-indicators"));

    String trend = chart(".qk-trend");
    assertThat(trend).startsWith("Verlauf gesamtes System, letzte 12 Stichtage (Standard: höchstens 10 % gestört): ")
        .contains("15.06.2014 gestört 5,9 %, PAR30 ", "15.07.2013 gestört ");
    assertThat(browser.driver.findElements(By.cssSelector("svg.qk-trend polyline"))).as("three lines").hasSize(3);
    assertThat(browser.driver.findElements(By.cssSelector("svg.qk-trend .qk-trend-point"))).hasSize(12);
    assertThat(browser.waitFor(By.cssSelector(".qk-legend")).getText()).contains("gestört am Stichtag", "PAR30", "PAR90",
        "(Stichtag 15.06.2014)");
    assertThat(chart(".qk-aging")).startsWith("Ausstehendes Kapital nach Tagen überfällig, gesamtes System: ")
        .contains("66.000,00 EUR");
    assertThat(browser.driver.findElements(By.cssSelector("svg.qk-aging .qk-bar"))).as("five aging buckets").hasSize(5);
    assertThat(chart(".qk-funds-chart")).startsWith("Auslastung der lokalen Haftungsfonds").contains("Offenbach ", " von ");
    assertThat(browser.driver.findElements(By.cssSelector("svg.qk-pipeline"))).as("the pipeline chart").hasSize(1);
    assertThat(chart(".qk-pipeline")).startsWith("Wartende Anträge und Fälle je Schritt: ");

    // the chosen scope redraws trend and aging
    new org.openqa.selenium.support.ui.Select(browser.waitFor(By.cssSelector("select.qk-scope"))).selectByVisibleText("Leipzig");
    assertThat(chart(".qk-trend")).startsWith("Verlauf Leipzig").contains("15.06.2014 gestört 14,3 %");
    assertThat(chart(".qk-aging")).contains("56.000,00 EUR");

    String indicators = browser.waitFor(By.cssSelector(".qk-indicators")).getText();
    assertThat(indicators).contains("PAR30", "PAR90", "Ausfallquote (Ausfälle je vergebene Kredite)",
        "Ausfallquote (ausgefallenes Kapital je Rückzahlungen)", "Abschreibungsquote", "Verluste: ", "Rückzahlungsquote",
        "Tage bis zur Entscheidung", "Offenbach", "Leipzig", "66.000,00 EUR");
    assertThat(browser.waitFor(By.cssSelector(".qk-at-risk")).getText()).startsWith("Gefährdet: PAR30 ");
    assertThat(browser.waitFor(By.cssSelector(".qk-lost")).getText()).startsWith("Verloren seit 01.07.2013: ");
    String page = browser.pageText();
    assertThat(page).contains("Antragspipeline", "Offene Entscheidungen des Vergabeausschusses", "Stockende Verträge");
    assertGermanAndNoData(page, ENGLISH_ON_THE_DASHBOARD);
    browser.scrollTo(browser.waitFor(By.cssSelector(".qk-chart-row")));
    browser.screenshot("cockpit-05-portfolio-charts");
    browser.scrollTo(browser.waitFor(By.cssSelector(".qk-indicators")));
    browser.screenshot("cockpit-06-indicators-and-pipeline");

    // the funder's report of the last month: the CSV downloads with the Cockpit login, the page prints
    WebElement month = browser.waitFor(By.cssSelector("select.qk-report-month"));
    assertThat(new org.openqa.selenium.support.ui.Select(month).getFirstSelectedOption().getText()).isEqualTo("Mai 2014");
    String csvLink = browser.waitFor(By.cssSelector("a.qk-report-csv")).getAttribute("href");
    assertThat(csvLink).endsWith("/api/portfolio/funder-report.csv?month=2014-05");
    Object download = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], { credentials: 'same-origin' })
          .then(async r => {
            const bytes = new Uint8Array(await r.clone().arrayBuffer());
            done(r.status + ' ' + r.headers.get('content-type') + ' ' + bytes.slice(0, 3).join(',') + ' '
              + (await r.text()).split('\\r\\n')[0]);
          })
          .catch(e => done(String(e)));""", csvLink);
    assertThat((String) download).as("status, type, byte order mark and header of the CSV")
        .startsWith("200 text/csv;charset=UTF-8 239,187,191 Monat;Stand;Bereich;Stichtag;");
    String printLink = browser.waitFor(By.cssSelector("a.qk-report-print")).getAttribute("href");
    browser.driver.get(printLink);
    browser.waitForText("Drucken / als PDF speichern");
    String report = browser.pageText();
    assertThat(report).contains("Monatsbericht Mai 2014 – Quartierskredit", "Stand 31.05.2014", "Stichtag 15.05.2014",
        "Standard verfehlt in Leipzig: 14,3 % gestört", "66.000,00 EUR", "Leipzig", "PAR30", "Antragspipeline");
    GermanOnly.assertPage(report);
    assertThat(ISO_DATE.matcher(report).find()).as("an ISO date on the report").isFalse();
    browser.screenshot("cockpit-07-funder-report");
    browser.go("/camunda/app/cockpit/default/#/dashboard");
  }

  @Test
  @Order(4)
  void onARunningLoanOnlyTheProcessOwnerIsOfferedChanges() throws Exception {
    ClockUtil.reset();
    var started = RestAs.user(rest, "anna").post("/api/applications", """
        {"applicantFirstName": "Selin", "applicantLastName": "Kaya", "sgb2Recipient": false,
         "businessName": "Änderungsschneiderei Cockpit", "businessStage": "NEW_FOUNDER", "quarterCode": "offenbach",
         "loanPurpose": "Nähmaschine", "commercialPurpose": true, "loanAmount": 3000}""");
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String instance = "/camunda/app/cockpit/default/#/process-instance/"
        + RestAs.json(started).get("processInstanceId").asText() + "/runtime";

    for (String reader : List.of("monika", "mia")) {
      browser.login("cockpit", reader);
      openInstance(instance, reader);
      // only the loan file to open (quartierskredit/loan-file-plugin.js), nothing to change
      assertThat(visible(".ctn-toolbar a:not(.qk-loan-file)")).as(reader + "'s toolbar actions").isEmpty();
      assertThat(visible(".ctn-toolbar a.qk-loan-file")).as(reader + "'s Kreditakte").hasSize(1);
      assertThat(visible("[ng-click^='deleteVariable'], [ng-click^='enableEditMode'], .cam-table td.actions"))
          .as(reader + "'s variable actions").isEmpty();
      String page = browser.pageText();
      assertThat(page).contains("Variablen", "Änderungsschneiderei Cockpit");
      ENGLISH_ON_AN_INSTANCE.forEach(word -> assertThat(page).as(reader + " reads no English").doesNotContain(word));
      browser.click(By.xpath("//a[contains(@ng-click,'selectTab')][normalize-space()='Tasks']"));
      browser.waitFor(By.cssSelector(".user-tasks td.assignee"));
      assertThat(visible(".user-tasks .edit-toggle, .user-tasks .change-user-identity-links, "
          + ".user-tasks .change-group-identity-links")).as(reader + "'s task actions").isEmpty();
      String tasks = browser.waitFor(By.cssSelector(".user-tasks")).getText();
      assertThat(tasks).as("German date and time").containsPattern("\\b\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2}\\b");
      assertThat(ISO_DATE.matcher(tasks).find()).as("an ISO date among the tasks").isFalse();
      browser.screenshot("cockpit-03-instance-" + reader);
    }

    browser.login("cockpit", "admin");
    openInstance(instance, "admin");
    assertThat(visible(".ctn-toolbar a .glyphicon").stream().map(icon -> icon.getAttribute("class")).toList())
        .as("the process owner's toolbar: cancel, retry, add a variable, suspend")
        .anyMatch(c -> c.contains("glyphicon-remove")).anyMatch(c -> c.contains("glyphicon-repeat"))
        .anyMatch(c -> c.contains("glyphicon-plus")).anyMatch(c -> c.contains("glyphicon-pause"));
    assertThat(visible("[ng-click^='deleteVariable']")).as("the process owner deletes variables").isNotEmpty();
    assertThat((String) js("return getComputedStyle(document.querySelector('.cam-table thead td.actions'), '::after')"
        + ".content")).isEqualTo("\"Aktionen\"");
    browser.screenshot("cockpit-04-instance-admin");
  }

  @Test
  @Order(5)
  void adminAndWelcomeAreGermanForABrowserThatAsksForEnglishUntilEnglishIsChosen() throws Exception {
    browser.logout();
    browser.go("/camunda/app/admin/default/");
    browser.waitForText("Anmelden");
    ENGLISH_ON_THE_LOGIN_PAGE.forEach(word -> assertThat(browser.pageText()).as("Admin's login").doesNotContain(word));

    browser.login("admin", "admin");
    browser.waitForText("Neuen Benutzer erstellen");
    String admin = browser.pageText();
    assertThat(admin).contains("Benutzer", "Gruppen", "Autorisierungen", "Liste der Benutzer");
    ENGLISH_IN_ADMIN.forEach(word -> assertThat(admin).as("Admin").doesNotContain(word));

    browser.go("/camunda/app/welcome/default/");
    browser.waitForText("Sprache / Language");
    String welcome = browser.pageText();
    assertThat(welcome).contains("Anwendungen", "Profil bearbeiten", "Die Oberfläche ist auf Deutsch.");
    ENGLISH_IN_WELCOME.forEach(word -> assertThat(welcome).as("Welcome").doesNotContain(word));
    browser.screenshot("welcome-01-german-for-an-english-browser");

    try {
      browser.click(By.cssSelector(".qk-language [data-language='en']"));
      browser.waitForText("Applications");
      assertThat(browser.pageText()).contains("Edit profile", "The interface is in English");
      browser.go("/camunda/app/admin/default/");
      browser.waitForText("Create New User");
    } finally {
      browser.go("/camunda/app/welcome/default/");
      browser.click(By.cssSelector(".qk-language [data-language='de']"));
      browser.waitForText("Anwendungen");
    }
  }

  /** Sets the application's today (the engine clock) to noon of the day in Berlin. */
  private static void today(int year, int month, int day) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(year, month, day).atTime(12, 0)
        .atZone(ZoneId.of("Europe/Berlin")).toInstant()));
  }

  /** The class of the dashboard block drawn highest on the page ("qk-portfolio" when ours is first). */
  private String firstDashboardBlock() {
    return (String) js("""
        const blocks = [...document.querySelectorAll('.ctn-view.dashboard section')]
          .filter(s => s.offsetHeight > 0 && !s.parentElement.closest('.ctn-view.dashboard section'))
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        return blocks.length === 0 ? 'none' : blocks[0].querySelector('.qk-portfolio') ? 'qk-portfolio'
          : blocks[0].className;""");
  }

  private String row(String scope) {
    return browser.waitFor(By.cssSelector(".qk-quarters tr[data-scope='" + scope + "']")).getText();
  }

  /** A chart's text alternative (its aria-label), once it is drawn. */
  private String chart(String css) {
    return browser.waitFor(By.cssSelector("svg" + css)).getAttribute("aria-label");
  }

  private void assertGermanAndNoData(String page, List<String> english) {
    english.forEach(word -> assertThat(page).as("English word on the dashboard").doesNotContain(word));
    FIELD_NAMES.forEach(name -> assertThat(page).as("field name on the dashboard").doesNotContain(name));
    assertThat(CAMEL_CASE.matcher(page).results().map(m -> m.group()).toList()).as("variable names").isEmpty();
    assertThat(ISO_DATE.matcher(page).results().map(m -> m.group()).toList()).as("ISO dates").isEmpty();
  }

  /** Opens the instance and waits until its variables are listed and the page is marked for the user. */
  private void openInstance(String path, String user) {
    browser.go(path);
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> user.equals(
        d.findElement(By.tagName("html")).getAttribute("data-qk-marks-for")));
    browser.waitFor(By.xpath("//table[contains(@class,'cam-table')]//span[normalize-space()='businessName']"));
  }

  private List<WebElement> visible(String css) {
    return browser.driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser.driver).executeScript(script);
  }
}
