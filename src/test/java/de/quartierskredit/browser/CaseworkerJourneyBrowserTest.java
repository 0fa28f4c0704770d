package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caseworkers' journey where they live, in Tasklist and Cockpit in a real (headless) Chromium:
 * an advisor records an application (and meets the form's validation), advises and records the
 * guarantors and the decision template; a committee member decides on the read-only dossier; the
 * bank clerk confirms the contract; a manager sees the running loan and the portfolio in Cockpit.
 * One application context, one browser; each step asserts what the page shows.
 *
 * <p>The browser asks for English (as many office PCs do); Tasklist must still be German, with German
 * dates and validation messages, until the person chooses English in the footer. Every Tasklist page
 * visited is checked by {@link GermanOnly}: no English UI word, variable name, id or trace
 * of a regular expression.
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseworkerJourneyBrowserTest {

  private static final String BUSINESS = "Schneiderei Browser";
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoanRepository loans;

  @Autowired JdbcClient jdbc;

  private Browser browser;
  private FundRoom room;
  private String reference;
  private String taskId;
  private TasklistSteps steps;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
    steps = new TasklistSteps(browser, taskService, managementService);
    room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"));
  }

  @AfterAll
  void closeBrowser() {
    if (room != null) {
      room.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void advisorStartsAnApplicationAndTheFormRefusesTooLargeAnAmount() throws Exception {
    browser.login("tasklist", "anna");
    browser.waitForText("Anna Albrecht");
    assertThat(browser.browserLanguages()).as("the browser asks for English").first().asString().startsWith("en");
    browser.waitForText("Prozess starten");
    assertGerman(browser.pageText());
    browser.clickText("Prozess starten");
    browser.clickText("Kreditantrag");
    browser.waitFor(By.cssSelector(".fjs-form"));
    assertThat(browser.pageText()).contains("Kreditantrag aufnehmen", "Vorname", "Quartier des Betriebs",
        "Kreditbetrag (EUR)", "Zwischen 500 und 20.000 EUR", "Bitte wählen").doesNotContain("applicantFirstName",
        "loanAmount");

    browser.type("applicantFirstName", "Ayşe");
    browser.type("applicantLastName", "Demir");
    browser.type("applicantEmail", "keine-adresse");
    browser.type("businessName", BUSINESS);
    browser.choose("businessStage", "Neugründung");
    browser.type("businessPostalCode", "6306");
    browser.choose("quarterCode", "Offenbach");
    browser.type("loanPurpose", "Industrienähmaschine und Ladeneinrichtung");
    browser.type("loanAmount", "25000");
    browser.field("applicantFirstName").click();
    browser.waitFor(By.cssSelector(".fjs-form-field-error"));
    assertThat(browser.fieldErrors()).contains("Höchstens 20.000,00 EUR.", "Bitte so eingeben: Fünf Ziffern.",
        "Bitte eine E-Mail-Adresse wie name@beispiel.de eingeben.");
    assertNoRegex(browser.fieldErrors());
    assertGerman(browser.pageText());
    browser.scrollTo(browser.field("loanAmount"));
    browser.screenshot("01-start-form-validation");

    browser.type("applicantEmail", "ayse.demir@example.org");
    browser.type("businessPostalCode", "63065");
    browser.type("loanAmount", "6000");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> browser.fieldErrors().isEmpty());
    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
        .until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-application")
            .variableValueEquals("businessName", BUSINESS).count() == 1);

    Loan loan = loans.findByReference(runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-application")
        .variableValueEquals("businessName", BUSINESS).singleResult().getBusinessKey()).orElseThrow();
    reference = loan.reference();
    assertThat(loan.amount()).isEqualByComparingTo("6000.00");
    // the reference, right after the start, where the advisor works
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d ->
        browser.notifications().stream().anyMatch(n -> n.contains("Aktenzeichen " + reference)));
    assertThat(browser.notifications()).anyMatch(n -> n.contains("Kreditantrag aufgenommen"));
    browser.screenshot("01b-started");
    assertGerman(browser.pageText());
  }

  @Test
  @Order(2)
  void advisorAdvisesAndRecordsTheGuarantorsAndTheDecisionTemplate() throws Exception {
    browser.closeNotifications();
    openTask("Task_AdviseApplicant");
    assertThat(browser.pageText()).contains("Beratung zu Antrag " + reference, "6.000,00 EUR", "Potenzial des Vorhabens");
    assertGerman(browser.pageText());
    browser.clickText("Antrag wie beantragt weiterführen");
    browser.clickText("hoch");
    browser.clickText("Migrationshintergrund");
    browser.screenshot("02-advice");
    complete();

    openTask("Task_RecordGuarantors");
    assertThat(browser.pageText()).contains("3.000,00 EUR").contains("mindestens zwei Bürgen");
    assertGerman(browser.pageText());
    browser.clickText("Bürgen erfasst");
    browser.type("guarantor1Name", "Jonas Weber");
    browser.type("guarantor1Contact", "0151 5550100");
    browser.type("guarantor1Amount", "2000");
    browser.type("guarantor2Name", "Mehmet Kaya");
    browser.type("guarantor2Contact", "kaya@example.org");
    browser.type("guarantor2Amount", "1500");
    browser.screenshot("03-guarantors");
    complete();
    runJobs();

    openTask("Task_PrepareDecisionTemplate");
    assertGerman(browser.pageText());
    browser.type("templateImprovesSituation", "Ja: eigenes Einkommen statt Aufstockung, eine Teilzeitstelle.");
    browser.type("templateCanRepay", "Ja: Rate rund 270 EUR, auch bei Aufgabe aus dem Minijob tragbar.");
    browser.choose("templateRecommendation", "Bewilligung empfehlen");
    complete();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_DecideApplication");
  }

  @Test
  @Order(3)
  void committeeMemberDecidesOnTheReadOnlyDossier() throws Exception {
    browser.login("tasklist", "sven");
    openTask("Task_DecideApplication");
    String page = browser.pageText();
    assertThat(page).contains("Kreditantrag " + reference, "Ayşe Demir", BUSINESS, "Jonas Weber: 2.000,00 EUR",
        "Zielgruppe Mikrokredit", "Freie Kapazität des Haftungsfonds Offenbach",
        "Verbessert der Kredit die persönliche und wirtschaftliche Lage?")
        .doesNotContain("templateCanRepay", "dossierMarkdown", "{{", "loanReference");
    assertThat(browser.driver.findElements(By.cssSelector(".fjs-form [id$='Field_TemplateCanRepay']"))).isEmpty();
    assertGerman(page);
    browser.screenshot("04-committee-dossier");
    browser.clickText("Bewilligen");
    browser.type("committeeDecisionReason", "Tragfähiges Konzept, Bürgen decken mehr als die Hälfte.");
    browser.type("votesFor", "3");
    browser.type("votesAgainst", "0");
    browser.type("abstentions", "0");
    browser.type("missingDocumentsReason", "Die Unterlagen lagen in der Sitzung auf Papier vor.");
    complete();
    runJobs();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  @Order(4)
  void bankClerkConfirmsTheContractWithAGermanDateAndARealContractNumber() throws Exception {
    runJobs();
    browser.login("tasklist", "bernd");
    openTask("Task_ConfirmContract");
    assertThat(browser.pageText()).contains(reference).contains("6.000,00 EUR").contains("TT.MM.JJJJ");
    assertGerman(browser.pageText());
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
    browser.type("contractNumber", "GLS 4711");

    // the browser knows that no month has a 32nd day, and says so in German
    browser.type("contractSignedOn", "32.12." + today.getYear());
    browser.waitFor(By.cssSelector(".fjs-form-field-error"));
    assertThat(browser.fieldErrors()).containsExactly("Bitte das Datum als TT.MM.JJJJ eingeben, z. B. 01.12.2026.");
    assertNoRegex(browser.fieldErrors());

    // the server knows that April has 30 days: its refusal names the field and leaves the buttons free
    browser.type("contractSignedOn", "31.04." + today.getYear());
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> browser.fieldErrors().isEmpty());
    browser.click(By.cssSelector("button[ng-click='complete()']"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> !browser.errorNotifications().isEmpty());
    assertThat(browser.errorNotifications()).singleElement().asString()
        .contains("„Unterschrieben am“ ist kein gültiges Datum", "TT.MM.JJJJ");
    assertNoRegex(browser.errorNotifications());
    WebElement completeButton = browser.driver.findElement(By.cssSelector("button[ng-click='complete()']"));
    browser.scrollTo(completeButton);
    assertThat(browser.isUncovered(completeButton)).as("the error leaves Abschließen free").isTrue();
    assertThat(browser.isUncovered(browser.driver.findElement(By.cssSelector("button[ng-click='save($event)']"))))
        .as("the error leaves Speichern free").isTrue();
    browser.screenshot("05a-bank-contract-refused");
    assertGerman(browser.pageTextWithoutNotifications());
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();

    browser.closeNotifications();
    browser.type("contractSignedOn", today.format(GERMAN));
    browser.screenshot("05-bank-contract");
    complete();
    Loan contracted = loans.findByReference(reference).orElseThrow();
    assertThat(contracted.state()).isEqualTo(LoanState.CONTRACTED);
    assertThat(jdbc.sql("SELECT bank_contract_number FROM loan WHERE reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo("GLS 4711");
  }

  @Test
  @Order(5)
  void managerSeesTheRunningLoanAndThePortfolioInCockpit() throws Exception {
    browser.login("cockpit", "monika");
    browser.waitForText("Quartierskredit: Portfolio am");
    assertThat(browser.pageText()).contains("Offenbach", "Störungsquote", "Lokale Haftungsfonds",
        "Verlauf der letzten zwölf Stichtage", "Gefährdet: PAR30", "Antragspipeline", "Monatsbericht für den Fonds");
    assertThat(browser.driver.findElements(By.cssSelector(".qk-portfolio tr[data-scope]"))).hasSize(9);
    browser.screenshot("06-cockpit-dashboard");

    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("loan-application")
        .latestVersion().singleResult().getId();
    browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
    browser.waitFor(By.cssSelector(".djs-container svg"));
    browser.waitFor(By.cssSelector("[data-element-id='CallActivity_BankContract']"));
    browser.waitForText("Kreditantrag");
    browser.screenshot("07-cockpit-diagram");
  }

  @Test
  @Order(6)
  void personWhoChoosesEnglishGetsEnglishUntilChoosingGermanAgain() throws Exception {
    browser.login("tasklist", "anna");
    browser.waitForText("Prozess starten");
    browser.clickText("English");
    browser.waitForText("Start process");
    assertThat(browser.pageText()).contains("Start process", "Create task").doesNotContain("Prozess starten");
    browser.screenshot("08-tasklist-in-english");

    browser.clickText("Deutsch");
    browser.waitForText("Prozess starten");
    assertGerman(browser.pageText());
  }

  /** Fails naming every English UI word, variable name, id and trace of a pattern on the page. */
  static void assertGerman(String page) {
    GermanOnly.assertPage(page);
  }

  static void assertNoRegex(List<String> messages) {
    GermanOnly.assertNoRegex(messages);
  }

  private void openTask(String activityId) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activityId)
        .singleResult();
    assertThat(task).as("open task " + activityId).isNotNull();
    steps.open(task);
    taskId = task.getId();
  }

  private void complete() {
    steps.complete();
  }

  private void runJobs() {
    steps.runJobs();
  }

}
