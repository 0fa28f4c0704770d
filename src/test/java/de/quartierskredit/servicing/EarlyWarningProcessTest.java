package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Early warning through loan-servicing, with the bank's events over {@code POST /api/bank/events} and the
 * engine clock moved by the test: contacts, a missed contact and payments the ledger does not count as a
 * disturbance flag a loan before an instalment is missed; the flag comes true or goes away; the advisor
 * sees the flagged loan first; and nothing she sends sets a priority or clears a flag.
 */
@QuartierskreditTest
class EarlyWarningProcessTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void startOfTheStory() {
    init(processEngine);
    ClockUtil.setCurrentTime(at(LocalDate.of(2032, 3, 10)));
  }

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void shouldFlagALoanWhoseContactsWorsenPutItsNextContactFirstAndCountTheWarningAsComeTrueWhenItIsMissed() {
    Loan loan = disbursedLoan("offenbach");
    ProcessInstance servicing = startServicing(loan);
    ScheduleLine first = line(loan, 0);

    Task contact = openMonthlyContact(servicing);
    assertThat(contact.getPriority()).isEqualTo(EarlyWarnings.NORMAL_PRIORITY);
    taskService.complete(contact.getId(), contact("DIFFICULTIES", "STRAINED"));

    assertThat(servicing).hasPassed(CONTACT_RECORDED).isWaitingAt(LOAN_COURSE);
    assertThat(openReasons(loan)).isEqualTo("DIFFICULTIES,BUSINESS_STRAINED");
    ClockUtil.setCurrentTime(at(first.dueOn()));
    assertThat(bank(event(loan, "INSTALMENT_PAID", first.instalment(), first.dueOn())).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(openReasons(loan)).as("an instalment paid on time keeps the contact's reasons")
        .isEqualTo("DIFFICULTIES,BUSINESS_STRAINED");

    Task next = openMonthlyContact(servicing);
    assertThat(next.getPriority()).isEqualTo(EarlyWarnings.WARNED_PRIORITY);
    String warnedOn = LocalDate.now(clock).minusMonths(1).withDayOfMonth(1)
        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    assertThat((String) taskService.getVariableLocal(next.getId(), "contactBriefing"))
        .startsWith("- **Frühwarnung seit " + warnedOn + ":** Beim letzten Kontakt Schwierigkeiten berichtet; "
            + "Lage des Betriebs angespannt\n- **Kreditnehmer:**");
    assertThat((String) taskService.getVariableLocal(next.getId(), LoanServicingProcess.Variables.CASE_WARNING))
        .isEqualTo("seit " + warnedOn + ": Beim letzten Kontakt Schwierigkeiten berichtet; Lage des Betriebs angespannt");
    taskService.complete(next.getId(), contact("PAYMENT_PROBLEM", "CRITICAL"));
    assertThat(openReasons(loan)).isEqualTo("PAYMENT_PROBLEM,BUSINESS_CRITICAL");

    ScheduleLine second = line(loan, 1);
    ClockUtil.setCurrentTime(at(second.dueOn()));
    assertThat(bank(event(loan, "INSTALMENT_MISSED", second.instalment(), second.dueOn())).getBody())
        .contains("\"disturbed\":true");
    runAsyncJobs(servicing);

    assertThat(servicing).hasPassed(LOAN_DISTURBED, OPEN_INTERVENTION).isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
    assertThat(openReasons(loan)).as("a disturbed loan is not warned").isNull();
    assertThat(jdbc.sql("SELECT cleared_because || '|' || reasons_seen || '|' || cleared_on FROM loan_warning WHERE loan_id = :id")
        .param("id", loan.id()).query(String.class).single())
        .isEqualTo("DISTURBED|PAYMENT_PROBLEM,DIFFICULTIES,BUSINESS_CRITICAL,BUSINESS_STRAINED|" + second.dueOn());
    Task intensive = taskService.createTaskQuery().processInstanceId(servicing.getId())
        .taskDefinitionKey(INTENSIVE_CONTACT).singleResult();
    assertThat(intensive.getPriority()).isEqualTo(EarlyWarnings.NORMAL_PRIORITY);
    assertThat((String) taskService.getVariableLocal(intensive.getId(), "contactBriefing")).doesNotContain("Frühwarnung");
    // an intensive contact's bad news raises nothing while the loan is disturbed
    taskService.complete(intensive.getId(), contact("PAYMENT_PROBLEM", "GIVEN_UP"));
    assertThat(openReasons(loan)).isNull();
  }

  @Test
  void shouldFlagAMissedMonthlyContactRaiseTheOpenTaskAndClearTheFlagWithTheLateContact() {
    Loan loan = disbursedLoan("offenbach");
    ProcessInstance servicing = startServicing(loan);
    Task contact = openMonthlyContact(servicing);

    engine().fireTimer(servicing, CONTACT_OVERDUE);

    assertThat(servicing).isWaitingAt(MONTHLY_CONTACT, CLARIFY_OVERDUE_CONTACT);
    assertThat(openReasons(loan)).isEqualTo("CONTACT_MISSED");
    Task raised = taskService.createTaskQuery().taskId(contact.getId()).singleResult();
    assertThat(raised.getPriority()).isEqualTo(EarlyWarnings.WARNED_PRIORITY);
    assertThat((String) taskService.getVariableLocal(raised.getId(), LoanServicingProcess.Variables.CASE_WARNING))
        .endsWith(": Monatskontakt bis Monatsende nicht geführt");

    taskService.complete(raised.getId(), contact("ON_TRACK", "STABLE"));

    assertThat(openReasons(loan)).isNull();
    assertThat(jdbc.sql("SELECT cleared_because FROM loan_warning WHERE loan_id = :id").param("id", loan.id())
        .query(String.class).single()).isEqualTo("REASONS_GONE");
  }

  @Test
  void shouldFlagAPaymentInPartsAheadOfTheDueDateAndALatePaymentAndClearThemWithTheNextPaymentOnTime() {
    Loan loan = disbursedLoan("leipzig");
    ProcessInstance servicing = startServicing(loan);
    ScheduleLine first = line(loan, 0);
    ScheduleLine second = line(loan, 1);
    ScheduleLine third = line(loan, 2);

    // 100 EUR five days before the due date: the ledger counts no arrears for an instalment not yet due
    LocalDate early = first.dueOn().minusDays(5);
    ClockUtil.setCurrentTime(at(early));
    assertThat(bank(event(loan, "INSTALMENT_PARTLY_PAID", new BigDecimal("100.00"), early)).getBody())
        .contains("\"disturbed\":false");
    assertThat(openReasons(loan)).isEqualTo("PARTIAL_PAYMENT");
    ClockUtil.setCurrentTime(at(first.dueOn()));
    bank(event(loan, "INSTALMENT_PAID", first.instalment().subtract(new BigDecimal("100.00")), first.dueOn()));
    assertThat(openReasons(loan)).isNull();

    // the next instalment arrives four days late, never reported missed: the ledger is not disturbed
    LocalDate late = second.dueOn().plusDays(4);
    ClockUtil.setCurrentTime(at(late));
    assertThat(bank(event(loan, "INSTALMENT_PAID", second.instalment(), late)).getBody()).contains("\"disturbed\":false");
    assertThat(openReasons(loan)).isEqualTo("LATE_PAYMENT");
    ClockUtil.setCurrentTime(at(third.dueOn()));
    bank(event(loan, "INSTALMENT_PAID", third.instalment(), third.dueOn()));
    assertThat(openReasons(loan)).isNull();

    assertThat(jdbc.sql("SELECT reasons_seen || '|' || cleared_because FROM loan_warning WHERE loan_id = :id ORDER BY id")
        .param("id", loan.id()).query(String.class).list())
        .containsExactly("PARTIAL_PAYMENT|REASONS_GONE", "LATE_PAYMENT|REASONS_GONE");
    assertThat(servicing).isWaitingAt(LOAN_COURSE).hasNotPassed(LOAN_DISTURBED);
  }

  @Test
  void shouldListTheAdvisorsFlaggedLoanFirstAndLetHerClearItOnlyByRecordingAContactWithTheFormsFields() {
    Loan flagged = disbursedLoan("offenbach");
    ProcessInstance flaggedServicing = startServicing(flagged);
    taskService.complete(openMonthlyContact(flaggedServicing).getId(), contact("NOT_REACHED", "STABLE"));
    Task warned = openMonthlyContact(flaggedServicing);
    // created after the flagged loan's task: Tasklist's own sorting (newest first) alone would list it first
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    Loan quiet = disbursedLoan("offenbach");
    ProcessInstance quietServicing = startServicing(quiet);
    Task normal = openMonthlyContact(quietServicing);
    assertThat(warned.getPriority()).isEqualTo(EarlyWarnings.WARNED_PRIORITY);
    assertThat(normal.getPriority()).isEqualTo(EarlyWarnings.NORMAL_PRIORITY);
    RestAs anna = RestAs.user(rest, "anna");

    // honest: her quarter's list, sorted as Tasklist asks (newest first), shows the flagged loan first
    String filterId = filterService.createFilterQuery().filterName("Offene Arbeit meines Quartiers").singleResult().getId();
    ResponseEntity<String> listed = anna.post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=200",
        "{\"sorting\": [{\"sortBy\": \"created\", \"sortOrder\": \"desc\"}]}");
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    RestAs.json(listed).forEach(task -> ids.add(task.get("id").asText()));
    assertThat(ids).contains(warned.getId(), normal.getId());
    assertThat(ids.indexOf(warned.getId())).isLessThan(ids.indexOf(normal.getId()));
    assertThat(RestAs.json(listed).get(0).get("priority").asInt()).isEqualTo(EarlyWarnings.WARNED_PRIORITY);

    // dishonest: she cannot lower the priority, write the display copy, or send extra fields with her contact
    assertThat(anna.put("/engine-rest/task/" + warned.getId(), "{\"name\": \"Monatskontakt\", \"priority\": 0}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(anna.post("/engine-rest/task/" + warned.getId() + "/claim", "{\"userId\": \"anna\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(anna.put("/engine-rest/task/" + warned.getId() + "/localVariables/caseWarning",
        "{\"value\": \"\", \"type\": \"String\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Object> withExtras = new LinkedHashMap<>(formFields("NOT_REACHED", "STABLE"));
    withExtras.put("caseWarning", "");
    withExtras.put("priority", 0);
    withExtras.put("loanWarning", false);
    ResponseEntity<String> refused = anna.post("/engine-rest/task/" + warned.getId() + "/complete",
        "{\"variables\": " + RestAs.variables(withExtras) + "}");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("gibt es in diesem Formular nicht");
    Task unchanged = taskService.createTaskQuery().taskId(warned.getId()).singleResult();
    assertThat(unchanged).as("task still open").isNotNull();
    assertThat(unchanged.getPriority()).isEqualTo(EarlyWarnings.WARNED_PRIORITY);
    assertThat(openReasons(flagged)).isEqualTo("NOT_REACHED");

    // honest: a contact that reaches the borrower, with the form's fields only, clears the flag
    ResponseEntity<String> done = anna.post("/engine-rest/task/" + warned.getId() + "/submit-form",
        "{\"variables\": " + RestAs.variables(formFields("ON_TRACK", "STABLE")) + "}");
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(openReasons(flagged)).isNull();
    assertThat(jdbc.sql("SELECT cleared_because FROM loan_warning WHERE loan_id = :id").param("id", flagged.id())
        .query(String.class).single()).isEqualTo("REASONS_GONE");
  }

  // --- the story's steps ---

  /** The reasons of the loan's open warning as stored, or null without one. */
  private String openReasons(Loan loan) {
    return jdbc.sql("SELECT reasons FROM loan_warning WHERE open_loan_id = :id").param("id", loan.id())
        .query(String.class).optional().orElse(null);
  }

  /** An approved loan that the bank signs and disburses today, reported over the bank events API. */
  private Loan disbursedLoan(String quarter) {
    Loan loan = loans.register(new NewApplication("Nilay", "Aksoy", "nilay@example.org", "0341 555", false,
        "Blumen Aksoy", BusinessStage.NEW_FOUNDER, "Einzelhandel", "Georg-Schwarz-Str. 1", "04177", "Leipzig",
        quarter, "Kühlraum und Erstausstattung", new BigDecimal("2400.00")));
    loans.transition(loan.reference(), Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    jdbc.sql("UPDATE loan SET reserved_principal = amount, liable_party = 'LOCAL_FUND' WHERE id = :id")
        .param("id", loan.id()).update();
    ProcessInstance contract = runtimeService.createProcessInstanceByKey("bank-contract").businessKey(loan.reference())
        .setVariables(Map.of("loanReference", loan.reference(), "advisorGroup", "advisors-" + quarter)).execute();
    runAsyncJobs(contract);
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> signed = event(loan, "CONTRACT_SIGNED", null, today);
    signed.put("contractNumber", "GLS-" + loan.id());
    assertThat(bank(signed).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bank(event(loan, "DISBURSED", loan.amount(), today)).getStatusCode()).isEqualTo(HttpStatus.OK);
    return loans.findByReference(loan.reference()).orElseThrow();
  }

  private ProcessInstance startServicing(Loan loan) {
    return runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(loan.reference())
        .setVariables(Map.of("loanReference", loan.reference(), "quarterCode", loan.quarterCode(),
            "advisorGroup", "advisors-" + loan.quarterCode()))
        .execute();
  }

  /** The 1st of the month: the contact obligation opens; returns the month's contact task. */
  private Task openMonthlyContact(ProcessInstance servicing) {
    Job timer = managementService.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId(MONTHLY_CONTACT_DUE).singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
    runAsyncJobs(servicing);
    List<Task> contacts = taskService.createTaskQuery().processInstanceId(servicing.getId())
        .taskDefinitionKey(MONTHLY_CONTACT).list();
    assertThat(contacts).hasSize(1);
    return contacts.get(0);
  }

  private Map<String, Object> contact(String outcome, String situation) {
    return withVariables("contactChannel", "VISIT", "contactOutcome", outcome, "businessSituation", situation,
        "contactNotes", "Gespräch im Laden.", "contactedOn", LocalDate.now(clock).toString());
  }

  private Map<String, Object> formFields(String outcome, String situation) {
    return new LinkedHashMap<>(contact(outcome, situation));
  }

  private ScheduleLine line(Loan loan, int index) {
    return schedules.findCurrent(loan.id()).orElseThrow().lines().get(index);
  }

  private ResponseEntity<String> bank(Map<String, Object> event) {
    return RestAs.user(rest, "bernd").post("/api/bank/events", write(event));
  }

  private static Map<String, Object> event(Loan loan, String type, BigDecimal amount, LocalDate valueDate) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "EV-" + UUID.randomUUID());
    event.put("loanReference", loan.reference());
    event.put("type", type);
    if (amount != null) {
      event.put("amount", amount);
    }
    event.put("valueDate", valueDate.toString());
    return event;
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void runAsyncJobs(ProcessInstance instance) {
    engine().runAsyncJobs(instance);
  }

  private static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day.atTime(10, 0), BERLIN).toInstant());
  }

  private EngineDriver engine() {
    return new EngineDriver(managementService, runtimeService);
  }
}
