package de.quartierskredit.audit;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.APPROVE_WRITE_OFF;
import static de.quartierskredit.servicing.LoanServicingProcess.Activities.CALL_ON_GUARANTORS;
import static de.quartierskredit.servicing.LoanServicingProcess.Activities.DEFAULT_PERIOD_EXPIRED;
import static de.quartierskredit.servicing.LoanServicingProcess.Activities.WRITE_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.servicing.LoanServicingProcess.Messages;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * Four-eyes steps in the audit trail, driven over the REST API Tasklist uses: a write-off turned down
 * and then approved names both persons each time (from loan_participant) and the loss allocation; a
 * rescheduling names who requested and who approved or rejected it and the schedule versions; an
 * agreed intervention plan names who agreed it and keeps its texts (family matters) by their hash only.
 */
@QuartierskreditTest
class ServicingStepsAuditTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 5, 10, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void shouldRecordARejectedAndThenAnApprovedWriteOffWithBothPersonsAndTheLoss() {
    String reference = defaultedLoanOutsideTheQuarters("4000.00");

    complete("mia", task(reference, CALL_ON_GUARANTORS), Map.of());
    complete("mia", task(reference, WRITE_OFF), Map.of("writeOffConfirmed", true, "writeOffNote", "Geschäft aufgegeben."));
    complete("max", task(reference, APPROVE_WRITE_OFF), Map.of("writeOffDecision", "REJECT",
        "writeOffRejectionReason", "Erst die Bürgen noch einmal ansprechen."));
    assertThat(audit.of(reference)).singleElement().satisfies(rejected -> {
      assertThat(rejected.action()).isEqualTo(AuditAction.WRITE_OFF_REJECTED);
      assertThat(rejected.actor()).isEqualTo("mia");
      assertThat(rejected.secondActor()).isEqualTo("max");
      assertThat(rejected.secondActorRole()).isEqualTo("zurückgewiesen von");
      assertThat(rejected.details()).containsEntry(AuditDetails.REJECTION_REASON_SHA256,
          AuditTrail.sha256("Erst die Bürgen noch einmal ansprechen."));
    });

    complete("max", task(reference, CALL_ON_GUARANTORS), Map.of());
    complete("max", task(reference, WRITE_OFF), Map.of("writeOffConfirmed", true, "writeOffNote", "Kein Geschäft mehr."));
    complete("mia", task(reference, APPROVE_WRITE_OFF), Map.of("writeOffDecision", "APPROVE"));
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.WRITTEN_OFF);

    List<AuditEntryView> entries = audit.of(reference);
    assertThat(entries).extracting(AuditEntryView::action)
        .containsExactly(AuditAction.WRITE_OFF_REJECTED, AuditAction.WRITE_OFF);
    AuditEntryView writeOff = entries.get(1);
    assertThat(writeOff.actor()).as("requested by").isEqualTo("max");
    assertThat(writeOff.secondActor()).as("approved by").isEqualTo("mia");
    assertThat(writeOff.actionLabel()).isEqualTo("Abschreibung");
    assertThat(new BigDecimal((String) writeOff.details().get(AuditDetails.WRITTEN_OFF_AMOUNT)))
        .isEqualByComparingTo("4000.00");
    BigDecimal loss = List.of(AuditDetails.LOSS_LOCAL_FUND, AuditDetails.LOSS_MICROFINANCER, AuditDetails.LOSS_NATIONAL_FUND)
        .stream().map(key -> new BigDecimal((String) writeOff.details().get(key))).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(loss).as("the three bearers' shares").isEqualByComparingTo(jdbc.sql("""
            SELECT SUM(a.amount) FROM loss_allocation a JOIN loan l ON l.id = a.loan_id WHERE l.reference = :r""")
        .param("r", reference).query(BigDecimal.class).single());
    assertThat(writeOff.description()).startsWith("abgeschriebener Betrag: 4.000,00 EUR; Verlust des lokalen Haftungsfonds: ");
    assertThat(audit.verify(reference).intact()).isTrue();
    assertThat(entries.toString()).doesNotContain("Ayla", "Demir", "Geschäft aufgegeben", "Bürgen noch");
  }

  @Test
  void shouldRecordWhoRequestedAndWhoApprovedOrRejectedAReschedulingWithTheScheduleVersions() {
    String reference = activeLoanWithSchedule();

    ProcessInstance approved = startRescheduling(reference);
    complete("anna", task(reference, RepaymentReschedulingProcess.Activities.REQUEST_RESCHEDULING), Map.of(
        "reschedulingKind", "LONGER_TERM", "newInstalments", 30, "reschedulingReason", "Umsatzeinbruch nach Baustelle"));
    complete("mia", task(reference, RepaymentReschedulingProcess.Activities.APPROVE_RESCHEDULING), Map.of(
        "reschedulingDecision", "APPROVE", "reschedulingComment", "Plausibel"));
    new EngineDriver(managementService, runtimeService).runAsyncJobs(approved);

    startRescheduling(reference);
    complete("anna", task(reference, RepaymentReschedulingProcess.Activities.REQUEST_RESCHEDULING), Map.of(
        "reschedulingKind", "PAYMENT_PAUSE", "pauseMonths", 3, "reschedulingReason", "Krankheit"));
    complete("max", task(reference, RepaymentReschedulingProcess.Activities.APPROVE_RESCHEDULING), Map.of(
        "reschedulingDecision", "REJECT", "reschedulingComment", "Erst Haushaltsplan"));

    List<AuditEntryView> entries = audit.of(reference);
    assertThat(entries).extracting(AuditEntryView::action)
        .containsExactly(AuditAction.RESCHEDULING_APPROVED, AuditAction.RESCHEDULING_REJECTED);
    AuditEntryView first = entries.get(0);
    assertThat(first.actor()).isEqualTo("anna");
    assertThat(first.secondActor()).isEqualTo("mia");
    assertThat(first.details()).containsEntry(AuditDetails.RESCHEDULING_KIND, "LONGER_TERM")
        .containsEntry(AuditDetails.SCHEDULE_VERSION_BEFORE, 1).containsEntry(AuditDetails.SCHEDULE_VERSION_AFTER, 2)
        .containsEntry(AuditDetails.INSTALMENTS, 30)
        .containsEntry(AuditDetails.DECISION_COMMENT_SHA256, AuditTrail.sha256("Plausibel"));
    assertThat(first.description()).startsWith("Art: längere Laufzeit; bisheriger Tilgungsplan Version: 1; "
        + "neuer Tilgungsplan Version: 2; Raten: 30; Rate: ");
    AuditEntryView second = entries.get(1);
    assertThat(second.actor()).isEqualTo("anna");
    assertThat(second.secondActor()).isEqualTo("max");
    assertThat(second.secondActorRole()).isEqualTo("abgelehnt von");
    assertThat(second.details()).containsEntry(AuditDetails.SCHEDULE_VERSION_BEFORE, 2)
        .doesNotContainKey(AuditDetails.SCHEDULE_VERSION_AFTER);
    assertThat(audit.verify(reference).intact()).isTrue();
  }

  @Test
  void shouldRecordWhoAgreedAnInterventionPlanWithoutItsTexts() {
    String reference = activeLoanWithSchedule();
    jdbc.sql("UPDATE loan SET liable_party = 'LOCAL_FUND', disturbed = TRUE, disturbed_since = :today WHERE reference = :r")
        .param("today", LocalDate.now(clock)).param("r", reference).update();
    ProcessInstance servicing = runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(reference)
        .setVariables(Map.of("loanReference", reference, "quarterCode", "offenbach",
            "advisorGroup", Roles.advisors("offenbach")))
        .execute();
    EngineDriver engine = new EngineDriver(managementService, runtimeService);
    engine.correlate(reference, Messages.LOAN_DISTURBED, "arrears", "230.00",
        "disturbedSince", LocalDate.now(clock).toString());
    engine.runAsyncJobs(servicing);

    complete("anna", task(reference, LoanServicingProcess.Activities.AGREE_INTERVENTION_PLAN), Map.of(
        "interventionMeasures", "Wöchentlicher Termin, Kassenbuch gemeinsam führen",
        "softTopics", "Tochter krank, Ehemann arbeitslos", "microfinancerAgreed", true,
        "interventionNextStep", "SUPPORT"));

    assertThat(audit.of(reference)).singleElement().satisfies(plan -> {
      assertThat(plan.action()).isEqualTo(AuditAction.INTERVENTION_PLAN_AGREED);
      assertThat(plan.actor()).isEqualTo("anna");
      assertThat(plan.details()).containsEntry(AuditDetails.NEXT_STEP, "SUPPORT")
          .containsKey(AuditDetails.PLAN_SHA256);
      assertThat(plan.description()).startsWith("nächster Schritt: weiter begleiten; Plan (SHA-256): ");
      assertThat(plan.toString()).doesNotContain("Tochter", "arbeitslos", "Kassenbuch");
    });
    runtimeService.deleteProcessInstance(servicing.getId(), "test finished", true);
  }

  // --- loans ---

  private String defaultedLoanOutsideTheQuarters(String amount) {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.EXISTING, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach", null,
        "Nähmaschinen und Ladeneinrichtung", new BigDecimal(amount))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = :liable, outstanding_principal = amount, disbursed_on = :today,
                            disturbed = TRUE, disturbed_since = :today
            WHERE reference = :r""")
        .param("liable", LiableParty.MICROFINANCER.name()).param("today", LocalDate.now(clock))
        .param("r", reference).update();
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", reference);
    variables.put("quarterCode", null);
    variables.put("advisorGroup", Roles.MICROFINANCER);
    ProcessInstance servicing = runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(reference)
        .setVariables(variables).execute();
    EngineDriver engine = new EngineDriver(managementService, runtimeService);
    engine.correlate(reference, Messages.LOAN_DISTURBED, "arrears", "400.00",
        "disturbedSince", LocalDate.now(clock).toString());
    engine.runAsyncJobs(servicing);
    engine.fireTimer(servicing, DEFAULT_PERIOD_EXPIRED);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);
    return reference;
  }

  /** An active Offenbach loan of 5,000 EUR over 24 months, disbursed four months ago, three instalments paid. */
  private String activeLoanWithSchedule() {
    BigDecimal amount = new BigDecimal("5000.00");
    BigDecimal rate = new BigDecimal("0.0890");
    LocalDate valueDate = LocalDate.now(clock).minusMonths(4);
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen und Ladeneinrichtung", amount)).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET outstanding_principal = amount, interest_rate = :rate, term_months = 24,
                   disbursed_on = :valueDate WHERE reference = :reference""")
        .param("rate", rate).param("valueDate", valueDate).param("reference", reference).update();
    long loanId = loans.findByReference(reference).orElseThrow().id();
    long scheduleId = schedules.storeNewVersion(loanId, amount, rate, "Auszahlung",
        AnnuitySchedule.calculate(new AnnuitySchedule.Terms(amount, rate, 24, valueDate.plusMonths(1)))).id();
    jdbc.sql("""
            UPDATE repayment_schedule_line SET state = 'PAID', paid_amount = instalment
            WHERE schedule_id = :schedule AND instalment_no <= 3""")
        .param("schedule", scheduleId).update();
    return reference;
  }

  private ProcessInstance startRescheduling(String reference) {
    return runtimeService.startProcessInstanceByKey(RepaymentReschedulingProcess.KEY, reference,
        Map.of("loanReference", reference, "quarterCode", "offenbach", "advisorGroup", Roles.advisors("offenbach")));
  }

  private Task task(String reference, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private void complete(String user, Task task, Map<String, ?> variables) {
    ResponseEntity<String> answer = RestAs.user(rest, user).post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": " + RestAs.variables(variables) + "}");
    assertThat(answer.getStatusCode()).as(task.getTaskDefinitionKey() + ": " + answer.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }
}
