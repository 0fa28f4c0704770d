package de.quartierskredit.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The second half of a loan's life where the people live, in German Tasklist: the bank clerk confirms
 * the disbursement, the advisor holds the month's contact with the borrower's details on the form, the
 * bank reports a missed instalment, advisor and microfinancer agree the intervention plan, the advisor
 * requests a payment pause and the microfinancer approves it, and on the 15th the microfinancer records
 * the quality measures. The loan is worked in a quarter nobody else's loans are outstanding in (so the
 * 15th's standard is broken by this loan alone), by that quarter's own advisor and committee member.
 * Every page visited is checked for English UI words and variable names ({@link GermanOnly}).
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoanLifeBrowserTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final String BUSINESS = "Feinkost Lebensweg";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired LoanRepository loans;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  private Browser browser;
  private FundRoom room;
  private String quarter;
  private String advisor;
  private String committeeMember;
  private String reference;
  private TasklistSteps steps;

  @BeforeAll
  void openBrowser() throws Exception {
    browser = Browser.open("http://localhost:" + port);
    steps = new TasklistSteps(browser, taskService, managementService);
  }

  /** Engine work runs inside a test: the coverage recorder of the process tests knows no run before one. */
  @Test
  @Order(0)
  void aQuietQuartersPeopleBringTheLoanToTheSignedContract() {
    quarter = quietQuarter();
    advisor = member(Roles.advisors(quarter));
    committeeMember = member(Roles.committee(quarter));
    room = FundRoom.ensure(jdbc, quarter, new BigDecimal("10000"));
    reference = contractedLoan();
  }

  @AfterAll
  void close() {
    if (room != null) {
      room.close();
    }
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void bankClerkConfirmsTheDisbursementInGerman() throws Exception {
    browser.login("tasklist", "bernd");
    openTask("Task_ConfirmDisbursement");
    assertThat(browser.pageText()).contains("Auszahlung " + reference, "4.000,00 EUR", "Valutadatum");
    browser.type("disbursedOn", today().format(GERMAN));
    browser.type("disbursedAmount", "4000");
    browser.screenshot("life-01-disbursement");
    complete();
    runJobs();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.ACTIVE);
  }

  @Test
  @Order(2)
  void advisorHoldsTheMonthsContactWithTheBorrowersDetailsOnTheForm() throws Exception {
    Job monthly = managementService.createJobQuery().processInstanceId(servicingInstance()).timers()
        .activityId("StartEvent_MonthlyContactDue").singleResult();
    managementService.executeJob(monthly.getId()); // the 1st of the month, without moving the clock
    browser.login("tasklist", advisor);
    openTask("Task_MonthlyContact");
    assertThat(browser.pageText()).contains("Kontakt mit dem Kreditnehmer: " + reference, "Leyla Aydın",
        "Telefon 0341 998877", BUSINESS, "0 von 24 Raten gezahlt", "Rückstand:", "keiner",
        "noch keiner festgehalten");
    browser.screenshot("life-02a-contact-briefing");
    browser.choose("contactChannel", "Telefon");
    browser.type("contactedOn", today().format(GERMAN));
    browser.clickText("Alles im Plan");
    browser.choose("businessSituation", "stabil");
    browser.type("contactNotes", "Laden läuft, Weihnachtsgeschäft gut angelaufen.");
    browser.screenshot("life-02-monthly-contact");
    complete();
  }

  @Test
  @Order(3)
  void advisorAgreesTheInterventionPlanAfterTheBankReportsAMissedInstalment() throws Exception {
    // the first instalment falls due today (a test fixture: no waiting a month), and the bank reports it missed
    jdbc.sql("""
            UPDATE repayment_schedule_line SET due_on = :today WHERE instalment_no = 1 AND schedule_id =
              (SELECT s.id FROM repayment_schedule s JOIN loan l ON l.id = s.loan_id
               WHERE l.reference = :r AND s.current)""")
        .param("today", today()).param("r", reference).update();
    BigDecimal instalment = jdbc.sql("""
            SELECT sl.instalment FROM repayment_schedule_line sl JOIN repayment_schedule s ON s.id = sl.schedule_id
            JOIN loan l ON l.id = s.loan_id WHERE l.reference = :r AND s.current AND sl.instalment_no = 1""")
        .param("r", reference).query(BigDecimal.class).single();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "EV-" + UUID.randomUUID());
    event.put("loanReference", reference);
    event.put("type", "INSTALMENT_MISSED");
    event.put("amount", instalment);
    event.put("valueDate", today().toString());
    var answer = RestAs.user(rest, "bernd").post("/api/bank/events", new ObjectMapper().writeValueAsString(event));
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    runJobs();

    openTask("Task_AgreeInterventionPlan");
    assertThat(browser.pageText()).contains("Interventionsplan: " + reference, "seit " + today().format(GERMAN),
        de.quartierskredit.shared.Money.format(instalment));
    browser.type("interventionMeasures", "Zahlungspause zwei Monate, Beratung zum Einkauf.");
    browser.type("softTopics", "Baustelle vor dem Laden.");
    browser.clickText("Tilgungsplan ändern (niedrigere Rate, längere Laufzeit, Pause)");
    browser.click(By.cssSelector(".fjs-form [id$='Field_MicrofinancerAgreed']"));
    browser.screenshot("life-03-intervention-plan");
    complete();
    runJobs();

    openTask("Task_RequestRescheduling");
    browser.clickText("Zahlungspause");
    browser.type("pauseMonths", "2");
    browser.type("reschedulingReason", "Baustelle vor dem Laden, Umsatz eingebrochen.");
    browser.screenshot("life-04-request-rescheduling");
    complete();
    runJobs();
  }

  @Test
  @Order(4)
  void microfinancerApprovesThePaymentPause() throws Exception {
    browser.login("tasklist", "mia");
    openTask("Task_ApproveRescheduling");
    // the list's newest entry, this task, names the case in full; the form shows the proposal
    assertThat(browser.driver.findElement(By.cssSelector(".tasks-list")).getText())
        .contains("Leyla Aydın", BUSINESS, reference, "4.000,00 EUR", quarterName());
    assertThat(browser.pageText()).contains("Vorschlag: Zahlungspause", "Restschuld 4.000,00 EUR");
    browser.clickText("Genehmigen");
    browser.type("reschedulingComment", "Pause bis die Baustelle fertig ist.");
    browser.screenshot("life-05-approve-rescheduling");
    complete();
    runJobs();
    assertThat(jdbc.sql("""
            SELECT count(*) FROM repayment_schedule s JOIN loan l ON l.id = s.loan_id WHERE l.reference = :r""")
        .param("r", reference).query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  @Order(5)
  void microfinancerRecordsTheQualityMeasuresOnTheFifteenth() throws Exception {
    var standard = runtimeService.createProcessInstanceByKey("portfolio-standard")
        .setVariable("reportingDate", today().toString()).execute();
    Task qa = taskService.createTaskQuery().processInstanceId(standard.getId()).singleResult();
    assertThat(qa).as("the loan alone breaks the 10 %% standard in %s", quarter).isNotNull();
    openTask(qa);
    assertThat(browser.pageText()).contains(reference, "Leyla Aydın", BUSINESS);
    browser.type("qualityMeasures", "Intensivkontakt wöchentlich, Rücksprache mit der Quartiersberatung.");
    browser.screenshot("life-06-quality-assurance");
    complete();
  }

  // --- the loan, set up by the same people through the engine -------------------------------------

  /** A quarter in which no loan of any other test is outstanding or applied for. */
  private String quietQuarter() {
    List<String> quiet = jdbc.sql("""
            SELECT q.code FROM quarter q WHERE NOT EXISTS (SELECT 1 FROM loan l WHERE l.quarter_code = q.code
              AND l.state IN ('APPLIED', 'APPROVED', 'CONTRACTED', 'ACTIVE', 'DEFAULTED'))
            ORDER BY q.code""").query(String.class).list();
    assertThat(quiet).as("a quarter without other tests' loans").isNotEmpty();
    return quiet.get(0);
  }

  private String member(String group) {
    List<User> users = identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
    assertThat(users).as("demo users of " + group).isNotEmpty();
    return users.get(0).getId();
  }

  private String contractedLoan() {
    Map<String, Object> application = new HashMap<>();
    application.put("applicantFirstName", "Leyla");
    application.put("applicantLastName", "Aydın");
    application.put("applicantPhone", "0341 998877");
    application.put("sgb2Recipient", false);
    application.put("businessName", BUSINESS);
    application.put("businessStage", "EXISTING");
    application.put("quarterCode", quarter);
    application.put("loanPurpose", "Kühltheke und Wareneinkauf");
    application.put("commercialPurpose", true);
    application.put("loanAmount", 4000L);
    String applicationId = as(advisor, Roles.advisors(quarter),
        () -> runtimeService.startProcessInstanceByKey("loan-application", application).getId());
    String key = runtimeService.createProcessInstanceQuery().processInstanceId(applicationId).singleResult()
        .getBusinessKey();
    completeAs(key, "Task_AdviseApplicant", advisor, Roles.advisors(quarter), Map.of("adviceOutcome", "CONTINUE",
        "businessPotential", "HIGH", "handicapMigration", true, "commercialPurpose", true));
    completeAs(key, "Task_RecordGuarantors", advisor, Roles.advisors(quarter), Map.of("guarantorDecision", "RECORDED",
        "guarantor1Name", "Jonas Weber", "guarantor1Contact", "0151 555", "guarantor1Amount", 1500L,
        "guarantor2Name", "Mehmet Kaya", "guarantor2Contact", "kaya@example.org", "guarantor2Amount", 1000L));
    runJobs();
    completeAs(key, "Task_PrepareDecisionTemplate", advisor, Roles.advisors(quarter), Map.of(
        "templateImprovesSituation", "Ja: eigenes Einkommen.", "templateCanRepay", "Ja: Rate rund 180 EUR.",
        "templateRecommendation", "APPROVE"));
    completeAs(key, "Task_DecideApplication", committeeMember, Roles.committee(quarter), Map.of(
        "committeeDecision", "APPROVE", "committeeDecisionReason", "Tragfähig.", "votesFor", 3L, "votesAgainst", 0L,
        "abstentions", 0L, "missingDocumentsReason", "Die Unterlagen lagen in der Sitzung auf Papier vor."));
    runJobs();
    completeAs(key, "Task_ConfirmContract", "bernd", Roles.BANK, Map.of("contractNumber", "GLS 4712",
        "contractSignedOn", today().format(GERMAN)));
    runJobs();
    assertThat(loans.findByReference(key).orElseThrow().state()).isEqualTo(LoanState.CONTRACTED);
    return key;
  }

  private void completeAs(String key, String activityId, String user, String group, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey(activityId)
        .singleResult();
    assertThat(task).as("task " + activityId).isNotNull();
    as(user, group, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), values);
      return null;
    });
  }

  private <T> T as(String user, String group, java.util.function.Supplier<T> work) {
    identityService.setAuthentication(user, List.of(group));
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String quarterName() {
    return jdbc.sql("SELECT name FROM quarter WHERE code = :q").param("q", quarter).query(String.class).single();
  }

  private String servicingInstance() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-servicing")
        .processInstanceBusinessKey(reference).singleResult().getId();
  }

  private static LocalDate today() {
    return LocalDate.now(BERLIN);
  }

  // --- the browser ------------------------------------------------------------------------------------

  private void openTask(String activityId) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(activityId).list();
    assertThat(tasks).as("open task " + activityId).hasSize(1);
    openTask(tasks.get(0));
  }

  private void openTask(Task task) {
    steps.open(task);
  }

  private void complete() {
    steps.complete();
    GermanOnly.assertPage(browser.pageText());
  }

  private void runJobs() {
    steps.runJobs();
  }
}
