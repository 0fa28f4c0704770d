package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, late bank reports (DefaultDeadlinePolicy): a missed instalment reported months after its
 * value date opens the intervention like any other miss, and the default period counts from the day
 * the report was booked; the value date stays the disturbance's start. Through {@code POST
 * /api/bank/events} and {@code loan-servicing}, with the engine clock moved by the test.
 */
@QuartierskreditTest
class LateBankReportProcessTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_DAYS = 90; // quartierskredit.servicing.default-after: P90D
  /** The loan's first instalment is due on this day; it is disbursed a month before. */
  private static final LocalDate FIRST_DUE = LocalDate.of(2030, 12, 10);

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private Loan loan;
  private ProcessInstance servicing;

  @BeforeEach
  void anActiveLoanInServicing() {
    init(processEngine);
    ClockUtil.setCurrentTime(at(FIRST_DUE.minusMonths(1)));
    loan = activeLoan();
    servicing = runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(loan.reference())
        .setVariables(Map.of("loanReference", loan.reference(), "quarterCode", "offenbach",
            "advisorGroup", "advisors-offenbach"))
        .execute();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing).isWaitingAt(LOAN_COURSE);
  }

  @AfterEach
  void backToNow() {
    ClockUtil.reset();
  }

  @Nested
  class Honest {

    @Test
    void shouldCountTheDefaultPeriodFromTheValueDateWhenTheMissIsReportedOnTime() {
      ClockUtil.setCurrentTime(at(FIRST_DUE));
      assertThat(bank(miss(FIRST_DUE)).getStatusCode()).isEqualTo(HttpStatus.OK);
      runAsyncJobs();

      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
          .hasPassed(LOAN_DISTURBED, OPEN_INTERVENTION).isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
      assertThat(defaultTimer().getDuedate()).isEqualTo(startOf(FIRST_DUE.plusDays(DEFAULT_DAYS)));
      assertThat(intervention()).isEqualTo(new Dates(FIRST_DUE, FIRST_DUE, FIRST_DUE.plusDays(DEFAULT_DAYS)));
    }

    @Test
    void shouldOpenTheInterventionAndCountFromTheDayOfTheReportWhenTheMissIsReportedThreeMonthsLate() {
      LocalDate received = FIRST_DUE.plusMonths(3).plusDays(2);
      ClockUtil.setCurrentTime(at(received));

      JsonNode answer = json(bank(miss(FIRST_DUE)));
      assertThat(answer.get("disturbed").asBoolean()).isTrue();
      assertThat(answer.get("disturbedSince").asText()).isEqualTo(FIRST_DUE.toString());
      runAsyncJobs();

      // before issue 16 the deadline was FIRST_DUE + 90 days, in the past: the loan defaulted at once
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
          .hasPassed(OPEN_INTERVENTION).hasNotPassed(DEFAULT_PERIOD_EXPIRED, MARK_DEFAULTED)
          .isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
      assertThat(defaultTimer().getDuedate()).isEqualTo(startOf(received.plusDays(DEFAULT_DAYS)))
          .isAfter(ClockUtil.getCurrentTime());
      assertThat(intervention()).isEqualTo(new Dates(FIRST_DUE, received, received.plusDays(DEFAULT_DAYS)));
      // the history keeps the value date: as of the 15th after it the loan was disturbed
      assertThat(disturbancePeriod()).isEqualTo(FIRST_DUE + "|" + received);
      assertThat(jdbc.sql("SELECT disturbed_since FROM loan WHERE id = :id").param("id", loan.id())
          .query(LocalDate.class).single()).isEqualTo(FIRST_DUE);
      assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(servicing.getId())
          .taskDefinitionKey(AGREE_INTERVENTION_PLAN).singleResult())
          .extracting(task -> runtimeService.getVariable(servicing.getId(), "defaultDueText"))
          .isEqualTo(de.quartierskredit.shared.Dates.format(received.plusDays(DEFAULT_DAYS)));

      // and when the period runs out without payment, the loan defaults as before
      fireDefaultTimer();
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing)
          .hasPassed(DEFAULT_PERIOD_EXPIRED, MARK_DEFAULTED).isWaitingAt(CALL_ON_GUARANTORS);
      assertThat(loans.findByReference(loan.reference()).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);
    }
  }

  @Nested
  class Dishonest {

    @Test
    void shouldNotShortenTheDeadlineWithAnOlderValueDateSentLater() {
      LocalDate secondDue = FIRST_DUE.plusMonths(1);
      LocalDate received = secondDue.plusDays(5);
      ClockUtil.setCurrentTime(at(received));
      bank(miss(secondDue));
      runAsyncJobs();
      Dates opened = intervention();

      // weeks later the bank reports the same miss again under a new id, and the first instalment's
      ClockUtil.setCurrentTime(at(received.plusDays(40)));
      assertThat(bank(miss(secondDue)).getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(bank(miss(FIRST_DUE)).getStatusCode()).isEqualTo(HttpStatus.OK);
      runAsyncJobs();

      assertThat(intervention()).isEqualTo(opened)
          .isEqualTo(new Dates(secondDue, received, received.plusDays(DEFAULT_DAYS)));
      assertThat(defaultTimer().getDuedate()).isEqualTo(startOf(received.plusDays(DEFAULT_DAYS)));
      assertThat(interventions()).isEqualTo(1);
    }

    @Test
    void shouldNotLengthenTheDeadlineWithAFutureValueDate() {
      ClockUtil.setCurrentTime(at(FIRST_DUE));
      ResponseEntity<String> refused = bank(miss(FIRST_DUE.plusDays(30)));

      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("liegt in der Zukunft");
      runAsyncJobs();
      org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(servicing).isWaitingAt(LOAN_COURSE);
      assertThat(interventions()).isZero();

      // the true report afterwards counts from its own booking day
      assertThat(bank(miss(FIRST_DUE)).getStatusCode()).isEqualTo(HttpStatus.OK);
      runAsyncJobs();
      assertThat(intervention().defaultDueOn()).isEqualTo(FIRST_DUE.plusDays(DEFAULT_DAYS));
    }

    @Test
    void shouldChangeNothingWhenTheLateReportIsReplayedLater() {
      LocalDate received = FIRST_DUE.plusMonths(3);
      ClockUtil.setCurrentTime(at(received));
      Map<String, Object> late = miss(FIRST_DUE);
      ResponseEntity<String> first = bank(late);
      runAsyncJobs();
      Dates opened = intervention();

      ClockUtil.setCurrentTime(at(received.plusDays(20)));
      ResponseEntity<String> replay = bank(late);
      runAsyncJobs();

      assertThat(replay.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
      assertThat(replay.getBody()).isEqualTo(first.getBody());
      assertThat(intervention()).isEqualTo(opened);
      assertThat(opened.knownOn()).isEqualTo(received);
      assertThat(disturbancePeriod()).isEqualTo(FIRST_DUE + "|" + received);
      assertThat(interventions()).isEqualTo(1);
    }
  }

  // --- the story's steps ---

  /** An ACTIVE loan of 1,200.00 EUR at 0 % disbursed today, twelve monthly instalments from FIRST_DUE. */
  private Loan activeLoan() {
    Loan registered = loans.register(new NewApplication("Emre", "Yilmaz", "emre@example.org", "069 555", false,
        "Imbiss Yilmaz", BusinessStage.EXISTING, "Gastronomie", "Frankfurter Str. 10", "63067", "Offenbach",
        "offenbach", "Neue Fritteuse", new BigDecimal("1200.00")));
    LoanTestStates.activate(loans, registered.reference());
    jdbc.sql("UPDATE loan SET outstanding_principal = amount, disbursed_on = :d, liable_party = 'LOCAL_FUND' WHERE id = :id")
        .param("d", FIRST_DUE.minusMonths(1)).param("id", registered.id()).update();
    schedules.storeNewVersion(registered.id(), registered.amount(), BigDecimal.ZERO, "Auszahlung",
        AnnuitySchedule.calculate(new AnnuitySchedule.Terms(registered.amount(), BigDecimal.ZERO, 12, FIRST_DUE)));
    return loans.findByReference(registered.reference()).orElseThrow();
  }

  private Map<String, Object> miss(LocalDate valueDate) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", "EV-" + UUID.randomUUID());
    event.put("loanReference", loan.reference());
    event.put("type", "INSTALMENT_MISSED");
    event.put("valueDate", valueDate.toString());
    return event;
  }

  private ResponseEntity<String> bank(Map<String, Object> event) {
    try {
      return RestAs.user(rest, "bernd").post("/api/bank/events", JSON.writeValueAsString(event));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The open intervention's three dates as stored. */
  record Dates(LocalDate disturbedSince, LocalDate knownOn, LocalDate defaultDueOn) {}

  private Dates intervention() {
    return jdbc.sql("SELECT disturbed_since, known_on, default_due_on FROM intervention WHERE loan_id = :id")
        .param("id", loan.id())
        .query((rs, row) -> new Dates(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class)))
        .single();
  }

  private long interventions() {
    return jdbc.sql("SELECT count(*) FROM intervention WHERE loan_id = :id").param("id", loan.id())
        .query(Long.class).single();
  }

  private String disturbancePeriod() {
    return jdbc.sql("SELECT started_on, known_on FROM loan_disturbance_period WHERE loan_id = :id")
        .param("id", loan.id())
        .query((rs, row) -> rs.getObject(1, LocalDate.class) + "|" + rs.getObject(2, LocalDate.class))
        .single();
  }

  private Job defaultTimer() {
    return managementService.createJobQuery().processInstanceId(servicing.getId()).timers()
        .activityId(DEFAULT_PERIOD_EXPIRED).singleResult();
  }

  private void fireDefaultTimer() {
    new EngineDriver(managementService, runtimeService).fireTimer(servicing, DEFAULT_PERIOD_EXPIRED);
  }

  private void runAsyncJobs() {
    new EngineDriver(managementService, runtimeService).runAsyncJobs(servicing);
  }

  private static JsonNode json(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return JSON.readTree(response.getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Date at(LocalDate day) {
    return Date.from(ZonedDateTime.of(day.atTime(10, 0), BERLIN).toInstant());
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(BERLIN).toInstant());
  }
}
