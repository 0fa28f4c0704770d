package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.portfolio.PortfolioService;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A loan's second half as it really runs: the bank reports contract, disbursement and every
 * instalment over {@code POST /api/bank/events}; the engine clock moves month by month; the monthly
 * contacts are done; the ledger's messages drive {@code loan-servicing}; managers' figures follow.
 */
@QuartierskreditTest
class LoanLifeWithBankEventsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired PortfolioService portfolio;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void startOfTheStory() {
    init(processEngine);
    ClockUtil.setCurrentTime(at(LocalDate.of(2030, 1, 10)));
  }

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Test
  void shouldRepayA24MonthLoanInstalmentByInstalmentAndCloseIt() {
    Loan loan = disbursedLoan("offenbach", "4800.00");
    ProcessInstance servicing = startServicing(loan);
    List<ScheduleLine> lines = currentLines(loan);
    assertThat(lines).hasSize(24);

    for (ScheduleLine line : lines) {
      doMonthlyContact(servicing);
      ClockUtil.setCurrentTime(at(line.dueOn()));
      assertThat(bank(event(loan, "INSTALMENT_PAID", line.instalment(), line.dueOn())).getStatusCode())
          .isEqualTo(HttpStatus.OK);
      if (line.instalmentNo() == 12) {
        var midway = portfolio.reportAsOf(line.dueOn());
        assertThat(scope(midway, "offenbach").principalOutstanding()).isPositive();
        assertThat(scope(midway, "offenbach").principalDisturbed()).isZero();
      }
    }
    runAsyncJobs(servicing);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
        .hasPassed(LOAN_REPAID, CLOSE_REPAID_LOAN).isWaitingAt(OFFER_FOLLOW_UP_LOAN);
    taskService.complete(tasks(servicing, OFFER_FOLLOW_UP_LOAN).get(0).getId(), withVariables("followUpWanted", "NO"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing).isEnded();
    Loan closed = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(closed.state()).isEqualTo(LoanState.REPAID);
    assertThat(closed.outstandingPrincipal()).isEqualByComparingTo("0.00");
    assertThat(count("SELECT COUNT(*) FROM borrower_contact WHERE loan_id = :id", loan)).isEqualTo(24);
    assertThat(count("SELECT COUNT(*) FROM bank_event WHERE loan_reference = :ref", loan)).isEqualTo(26);
    assertThat(jdbc.sql("SELECT SUM(amount) FROM loan_principal_movement WHERE loan_id = :id").param("id", loan.id())
        .query(BigDecimal.class).single()).isEqualByComparingTo("0.00");
    // the last instalment takes the loan out of the portfolio (other tests' loans may still be outstanding)
    LocalDate last = lines.get(23).dueOn();
    assertThat(scope(portfolio.reportAsOf(last.minusDays(1)), "offenbach").loansOutstanding()
        - scope(portfolio.reportAsOf(last), "offenbach").loansOutstanding()).isEqualTo(1);
  }

  @Test
  void shouldInterveneRescheduleAndResumeWhenAnInstalmentIsMissed() {
    Loan loan = disbursedLoan("leipzig", "3000.00");
    ProcessInstance servicing = startServicing(loan);
    ScheduleLine first = currentLines(loan).get(0);
    doMonthlyContact(servicing);
    ClockUtil.setCurrentTime(at(first.dueOn()));

    assertThat(bank(event(loan, "INSTALMENT_MISSED", first.instalment(), first.dueOn())).getBody())
        .contains("\"disturbed\":true");
    runAsyncJobs(servicing);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
        .isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
    ClockUtil.setCurrentTime(at(first.dueOn().plusDays(10))); // advisor and microfinancer meet the borrower
    taskService.complete(tasks(servicing, AGREE_INTERVENTION_PLAN).get(0).getId(), withVariables(
        "interventionMeasures", "Zahlungspause, Vertriebsberatung", "softTopics", "Umbau der Straße vor dem Laden",
        "interventionNextStep", "RESCHEDULE", "microfinancerAgreed", true));

    ProcessInstance rescheduling = calledProcessInstance("repayment-rescheduling", servicing);
    runAsyncJobs(rescheduling);
    taskService.complete(task(rescheduling).getId(), withVariables("reschedulingKind", "PAYMENT_PAUSE",
        "pauseMonths", 2L, "reschedulingReason", "Baustelle vor dem Laden, Umsatz eingebrochen"));
    runAsyncJobs(rescheduling);
    taskService.complete(task(rescheduling).getId(), withVariables("reschedulingDecision", "APPROVE",
        "reschedulingComment", "Pause bis die Baustelle fertig ist"));
    runAsyncJobs(rescheduling);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(rescheduling).isEnded();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing).hasPassed(RESCHEDULING);
    assertThat(count("SELECT COUNT(*) FROM repayment_schedule WHERE loan_id = :id", loan)).isEqualTo(2);

    ScheduleLine pause = currentLines(loan).get(0);
    assertThat(pause.dueOn()).isEqualTo(first.dueOn().plusMonths(1));
    assertThat(pause.principal()).isEqualByComparingTo("0.00"); // interest only during the pause
    ClockUtil.setCurrentTime(at(pause.dueOn()));
    assertThat(bank(event(loan, "INSTALMENT_PAID", pause.instalment(), pause.dueOn())).getBody())
        .contains("\"disturbed\":false");
    runAsyncJobs(servicing);

    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
        .hasPassed(ARREARS_CLEARED, RESOLVE_INTERVENTION);
    assertThat(jdbc.sql("SELECT outcome || '|' || rescheduling_outcome FROM intervention WHERE loan_id = :id")
        .param("id", loan.id()).query(String.class).single()).isEqualTo("RESOLVED|APPROVED");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM loan_disturbance_period WHERE loan_id = :id AND ended_on = :on")
        .param("id", loan.id()).param("on", pause.dueOn()).query(Integer.class).single()).isEqualTo(1);
    // disturbed from the missed instalment on the 10th to the payment a month later: the 15th in between counts
    LocalDate fifteenth = first.dueOn().withDayOfMonth(15);
    assertThat(scope(portfolio.reportAsOf(fifteenth), "leipzig").loansDisturbed()).isEqualTo(1);
    assertThat(scope(portfolio.reportAsOf(fifteenth.plusMonths(1)), "leipzig").loansDisturbed()).isZero();
  }

  @Test
  void shouldWriteOffAndChargeTheLocalFundWhenNothingIsPaidWithinTheDefaultPeriod() {
    Loan loan = disbursedLoan("gelsenkirchen", "2000.00");
    jdbc.sql("""
            INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at)
            VALUES (:id, 'Jonas Weber', '0151 555', 600.00, CURRENT_TIMESTAMP),
                   (:id, 'Mehmet Kaya', 'kaya@example.org', 400.00, CURRENT_TIMESTAMP)""")
        .param("id", loan.id()).update();
    BigDecimal capitalBefore = capital("gelsenkirchen");
    try {
      ProcessInstance servicing = startServicing(loan);
      ScheduleLine first = currentLines(loan).get(0);
      doMonthlyContact(servicing);
      ClockUtil.setCurrentTime(at(first.dueOn()));
      bank(event(loan, "INSTALMENT_MISSED", first.instalment(), first.dueOn()));
      runAsyncJobs(servicing);

      Job defaultTimer = managementService.createJobQuery().processInstanceId(servicing.getId()).timers()
          .activityId(DEFAULT_PERIOD_EXPIRED).singleResult();
      ClockUtil.setCurrentTime(defaultTimer.getDuedate());
      managementService.executeJob(defaultTimer.getId());
      runAsyncJobs(servicing);

      assertThat(loans.findByReference(loan.reference()).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);
      taskService.complete(tasks(servicing, CALL_ON_GUARANTORS).get(0).getId(),
          withVariables("guarantor1Paid", 600.0d, "guarantor2Paid", 150L));
      taskService.complete(tasks(servicing, WRITE_OFF).get(0).getId(), withVariables("writeOffConfirmed", true,
          "writeOffNote", "Laden geschlossen, Kreditnehmer nicht mehr erreichbar."));
      taskService.complete(tasks(servicing, APPROVE_WRITE_OFF).get(0).getId(), withVariables("writeOffDecision", "APPROVE"));

      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing).hasPassed(WRITTEN_OFF).isEnded();
      BigDecimal loss = new BigDecimal("2000.00").subtract(new BigDecimal("750.00"));
      assertThat(jdbc.sql("SELECT amount FROM loss_allocation WHERE loan_id = :id AND bearer = 'LOCAL_FUND'")
          .param("id", loan.id()).query(BigDecimal.class).single()).isEqualByComparingTo(loss);
      assertThat(capital("gelsenkirchen")).isEqualByComparingTo(capitalBefore.subtract(loss));
      LocalDate writtenOff = LocalDate.now(clock);
      var after = portfolio.reportAsOf(writtenOff);
      assertThat(scope(after, "gelsenkirchen").loansOutstanding()).isZero();
      assertThat(after.outcomes().defaults()).isGreaterThanOrEqualTo(1);
      assertThat(scope(portfolio.reportAsOf(writtenOff.minusDays(1)), "gelsenkirchen").loansDisturbed()).isEqualTo(1);
    } finally {
      jdbc.sql("UPDATE local_fund SET paid_in_capital = :c WHERE quarter_code = 'gelsenkirchen'")
          .param("c", capitalBefore).update();
    }
  }

  // --- the story's steps ---

  /** An approved loan that the bank signs and disburses today, reported over the bank events API. */
  private Loan disbursedLoan(String quarter, String amount) {
    Loan loan = loans.register(new NewApplication("Nilay", "Aksoy", "nilay@example.org", "0341 555", false,
        "Blumen Aksoy", BusinessStage.NEW_FOUNDER, "Einzelhandel", "Georg-Schwarz-Str. 1", "04177", "Leipzig",
        quarter, "Kühlraum und Erstausstattung", new BigDecimal(amount)));
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
    Loan active = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(active.state()).isEqualTo(LoanState.ACTIVE);
    return active;
  }

  private ProcessInstance startServicing(Loan loan) {
    return runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(loan.reference())
        .setVariables(Map.of("loanReference", loan.reference(), "quarterCode", loan.quarterCode(),
            "advisorGroup", "advisors-" + loan.quarterCode()))
        .execute();
  }

  /** The 1st of the month: the contact obligation opens; the advisor records the contact. */
  private void doMonthlyContact(ProcessInstance servicing) {
    Job timer = managementService.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId(MONTHLY_CONTACT_DUE).singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
    runAsyncJobs(servicing);
    List<Task> contacts = tasks(servicing, MONTHLY_CONTACT);
    assertThat(contacts).hasSize(1);
    taskService.complete(contacts.get(0).getId(), withVariables("contactChannel", "VISIT", "contactOutcome", "ON_TRACK",
        "businessSituation", "STABLE", "contactNotes", "Laden läuft.", "contactedOn", LocalDate.now(clock).toString()));
  }

  private ResponseEntity<String> bank(Map<String, Object> event) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return rest.withBasicAuth("bernd", "demo").exchange("/api/bank/events", HttpMethod.POST,
          new HttpEntity<>(JSON.writeValueAsString(event), headers), String.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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

  private List<ScheduleLine> currentLines(Loan loan) {
    return schedules.findCurrent(loan.id()).orElseThrow().lines();
  }

  private void runAsyncJobs(ProcessInstance instance) {
    engine().runAsyncJobs(instance);
  }

  private List<Task> tasks(ProcessInstance instance, String activityId) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private long count(String sql, Loan loan) {
    return jdbc.sql(sql).paramSource(Map.of("id", loan.id(), "ref", loan.reference())).query(Long.class).single();
  }

  private BigDecimal capital(String quarter) {
    return jdbc.sql("SELECT paid_in_capital FROM local_fund WHERE quarter_code = :q").param("q", quarter)
        .query(BigDecimal.class).single();
  }

  private static de.quartierskredit.portfolio.PortfolioReport.ScopeFigures scope(
      de.quartierskredit.portfolio.PortfolioReport report, String scope) {
    return report.scopes().stream().filter(s -> s.scope().equals(scope)).findFirst().orElseThrow();
  }

  private static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day.atTime(10, 0), BERLIN).toInstant());
  }

  private EngineDriver engine() {
    return new EngineDriver(managementService, runtimeService);
  }
}
