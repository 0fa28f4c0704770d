package de.quartierskredit.loanfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.application.LoanApplicationProcess;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A loan's life driven through the real models by the people who do each step, for the loan file's
 * tests: anna (advisor, Offenbach) records, advises and records guarantors and the decision
 * template; sven (committee, Offenbach) decides; bernd (bank) confirms contract and disbursement in
 * Tasklist and reports instalments over the bank API; anna holds the monthly contacts; mia
 * (microfinancer) agrees the intervention plan and approves the payment pause anna requests.
 */
final class LoanStory {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final TestRestTemplate rest;
  String reference;

  LoanStory(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity,
      JdbcClient jdbc, TestRestTemplate rest) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.jdbc = jdbc;
    this.rest = rest;
  }

  static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day.atTime(10, 0), BERLIN).toInstant());
  }

  static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(BERLIN).toLocalDate();
  }

  /** Application to disbursement: the loan is ACTIVE with its servicing running. */
  LoanStory originate(String businessName, long amount) {
    untilCommittee(businessName, amount);
    complete("sven", "committee-offenbach", "Task_DecideApplication", Map.of("committeeDecision", "APPROVE",
        "committeeDecisionReason", "Tragfähiges Konzept, gute Bürgen.", "votesFor", 3L, "votesAgainst", 0L,
        "abstentions", 1L, "missingDocumentsReason", "Die Unterlagen lagen in der Sitzung auf Papier vor."));
    complete("bernd", "bank", "Task_ConfirmContract", Map.of("contractNumber", "GLS-" + reference,
        "contractSignedOn", today().toString()));
    complete("bernd", "bank", "Task_ConfirmDisbursement", Map.of("disbursedOn", today().toString(),
        "disbursedAmount", (double) amount));
    assertThat(state()).isEqualTo(LoanState.ACTIVE.name());
    return this;
  }

  /** Application, advice, guarantors and decision template: the committee's decision is open. */
  LoanStory untilCommittee(String businessName, long amount) {
    Map<String, Object> application = new HashMap<>();
    application.put("applicantFirstName", "Selin");
    application.put("applicantLastName", "Aydın");
    application.put("applicantEmail", "selin.aydin@example.org");
    application.put("applicantPhone", "069 4711");
    application.put("sgb2Recipient", true);
    application.put("businessName", businessName);
    application.put("businessStage", "TAKEOVER");
    application.put("businessSector", "Einzelhandel");
    application.put("businessStreet", "Marktplatz 3");
    application.put("businessPostalCode", "63065");
    application.put("businessCity", "Offenbach am Main");
    application.put("quarterCode", "offenbach");
    application.put("loanPurpose", "Übernahme des Kiosks mit Warenbestand");
    application.put("commercialPurpose", true);
    application.put("loanAmount", amount);
    ProcessInstance instance = as("anna", "advisors-offenbach",
        () -> runtime.startProcessInstanceByKey(LoanApplicationProcess.KEY, application));
    reference = instance.getBusinessKey() != null ? instance.getBusinessKey()
        : (String) runtime.getVariable(instance.getId(), "loanReference");
    complete("anna", "advisors-offenbach", "Task_AdviseApplicant", Map.of("adviceOutcome", "CONTINUE",
        "businessPotential", "HIGH", "handicapMigration", true, "commercialPurpose", true,
        "expectedMonthlyProfit", 1800L, "jobsCreatedOrKept", 2L));
    complete("anna", "advisors-offenbach", "Task_RecordGuarantors", Map.of("guarantorDecision", "RECORDED",
        "guarantor1Name", "Jonas Weber", "guarantor1Contact", "0151 555", "guarantor1Amount", 1500L,
        "guarantor2Name", "Mehmet Kaya", "guarantor2Contact", "kaya@example.org", "guarantor2Amount", 1000.0d));
    complete("anna", "advisors-offenbach", "Task_PrepareDecisionTemplate", Map.of(
        "templateImprovesSituation", "Ja: eigenes Einkommen, ein Arbeitsplatz mehr.",
        "templateCanRepay", "Ja: die Rate ist aus dem Umsatz tragbar.", "templateRecommendation", "APPROVE"));
    drain();
    return this;
  }

  /** The month's contact: its timer fires, anna records it. */
  void monthlyContact(String outcome, String situation) {
    ProcessInstance servicing = servicing();
    Job timer = management.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId("StartEvent_MonthlyContactDue").singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    drain();
    complete("anna", "advisors-offenbach", "Task_MonthlyContact", Map.of("contactChannel", "VISIT",
        "contactOutcome", outcome, "businessSituation", situation, "contactNotes", "Laden läuft, Kundschaft kommt.",
        "contactedOn", today().toString()));
  }

  /** The monthly contact's task, open but not done (for the browser test). */
  void openMonthlyContact() {
    ProcessInstance servicing = servicing();
    Job timer = management.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId("StartEvent_MonthlyContactDue").singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    drain();
  }

  /** The bank reports the instalment due on that day over its API. */
  void bankReports(String type, int instalmentNo) {
    Map<String, Object> line = jdbc.sql("""
            SELECT l.due_on, l.instalment FROM repayment_schedule_line l JOIN repayment_schedule s ON s.id = l.schedule_id
            JOIN loan n ON n.id = s.loan_id WHERE n.reference = :reference AND s.current AND l.instalment_no = :no""")
        .param("reference", reference).param("no", instalmentNo).query().singleRow();
    LocalDate due = ((java.sql.Date) line.get("due_on")).toLocalDate();
    ClockUtil.setCurrentTime(at(due));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "EV-" + UUID.randomUUID());
    event.put("loanReference", reference);
    event.put("type", type);
    event.put("amount", line.get("instalment"));
    event.put("valueDate", due.toString());
    try {
      assertThat(RestAs.user(rest, "bernd").post("/api/bank/events", JSON.writeValueAsString(event)).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    drain();
  }

  /** After a missed instalment: mia and anna agree to reschedule; anna asks for a pause, mia approves. */
  void interveneWithPaymentPause() {
    ClockUtil.setCurrentTime(at(today().plusDays(5)));
    complete("mia", "microfinancer", "Task_AgreeInterventionPlan", Map.of("interventionMeasures",
        "Zahlungspause, Vertriebsberatung", "softTopics", "Baustelle vor dem Laden", "interventionNextStep",
        "RESCHEDULE", "microfinancerAgreed", true));
    complete("anna", "advisors-offenbach", "Task_RequestRescheduling", Map.of("reschedulingKind", "PAYMENT_PAUSE",
        "pauseMonths", 1L, "reschedulingReason", "Baustelle vor dem Laden, Umsatz eingebrochen"));
    ClockUtil.setCurrentTime(at(today().plusDays(1)));
    complete("mia", "microfinancer", "Task_ApproveRescheduling", Map.of("reschedulingDecision", "APPROVE",
        "reschedulingComment", "Pause bis die Baustelle fertig ist"));
  }

  /**
   * Nothing more is paid: the default period runs out, mia calls on the guarantors and asks for the
   * write-off, max approves it (four eyes).
   */
  void defaultAndWriteOff() {
    ProcessInstance servicing = servicing();
    Job timer = management.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId("BoundaryEvent_DefaultPeriodExpired").singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    drain();
    complete("mia", "microfinancer", "Task_CallOnGuarantors", Map.of("guarantor1Paid", 600.0d, "guarantor2Paid", 150L));
    complete("mia", "microfinancer", "Task_WriteOffLoan", Map.of("writeOffConfirmed", true,
        "writeOffNote", "Laden geschlossen, Kreditnehmer nicht mehr erreichbar."));
    complete("max", "microfinancer", "Task_ApproveWriteOff", Map.of("writeOffDecision", "APPROVE"));
  }

  String state() {
    return jdbc.sql("SELECT state FROM loan WHERE reference = :r").param("r", reference).query(String.class).single();
  }

  ProcessInstance servicing() {
    return runtime.createProcessInstanceQuery().processDefinitionKey("loan-servicing")
        .processInstanceBusinessKey(reference).singleResult();
  }

  /** Runs every due async continuation of the loan's processes until none is left. */
  void drain() {
    boolean ran = true;
    while (ran) {
      ran = false;
      for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
          management.executeJob(job.getId());
          ran = true;
        }
      }
    }
  }

  void complete(String user, String group, String taskKey, Map<String, Object> variables) {
    drain();
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list();
    assertThat(open).as(taskKey + " of " + reference).hasSize(1);
    as(user, group, () -> {
      tasks.complete(open.get(0).getId(), variables);
      return null;
    });
    drain();
  }

  private <T> T as(String user, String group, java.util.function.Supplier<T> step) {
    identity.setAuthentication(user, List.of(group));
    try {
      return step.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  static BigDecimal euros(String amount) {
    return new BigDecimal(amount);
  }
}
