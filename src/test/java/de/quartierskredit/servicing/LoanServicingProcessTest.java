package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.servicing.LoanServicingProcess.Messages;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * loan-servicing on PostgreSQL with the engine clock moved month by month and timer jobs executed
 * by the test: monthly contacts to repayment, disturbance and intervention, default with loss
 * allocation, overdue escalation, the no-duplicate guarantee and the follow-up loan.
 */
@QuartierskreditTest
class LoanServicingProcessTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String stubDeployment;

  @BeforeEach
  void setUp() {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 1, 11, 10, 0, 0, 0, BERLIN).toInstant()));
    // repayment-rescheduling belongs to another feature: a one-task stand-in with the same key and contract
    stubDeployment = repositoryService.createDeployment().name("repayment-rescheduling stub")
        .addModelInstance("repayment-rescheduling-stub.bpmn", Bpmn.createExecutableProcess(LoanServicingProcess.RESCHEDULING_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_DecideRescheduling").camundaCandidateGroups(Roles.MICROFINANCER)
            .endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(stubDeployment, true);
  }

  @Test
  void shouldCloseTheLoanAfterTwentyFourMonthlyContactsWhenTheLedgerReportsItRepaid() {
    String reference = activeLoan("offenbach", "4800.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    assertThat(instance).isWaitingAt(LOAN_COURSE).hasBusinessKey(reference);

    for (int month = 1; month <= 24; month++) {
      fireTimer(instance, MONTHLY_CONTACT_DUE);
      List<Task> contacts = tasks(instance, MONTHLY_CONTACT);
      assertThat(contacts).hasSize(1);
      // due at the month's end, when the overdue escalation fires
      assertThat(contacts.get(0).getDueDate()).isEqualTo(Date.from(YearMonth.now(clock).atEndOfMonth()
          .atTime(23, 59, 59).atZone(BERLIN).toInstant()))
          .isEqualTo(timer(instance, CONTACT_OVERDUE).getDuedate());
      assertThat(taskService.getIdentityLinksForTask(contacts.get(0).getId()))
          .anyMatch(link -> Roles.advisors("offenbach").equals(link.getGroupId()));
      taskService.complete(contacts.get(0).getId(), contact(today()));
      jdbc.sql("UPDATE loan SET outstanding_principal = outstanding_principal - 200 WHERE reference = :r")
          .param("r", reference).update(); // the ledger books the instalment
    }
    assertThat(ClockUtil.getCurrentTime()).isAfterOrEqualTo(Date.from(ZonedDateTime.of(2029, 1, 1, 0, 0, 0, 0, BERLIN).toInstant()));
    correlate(reference, Messages.LOAN_REPAID);
    runAsyncJobs(instance);

    assertThat(instance).hasPassed(LOAN_REPAID, CLOSE_REPAID_LOAN).isWaitingAt(OFFER_FOLLOW_UP_LOAN);
    taskService.complete(tasks(instance, OFFER_FOLLOW_UP_LOAN).get(0).getId(), withVariables("followUpWanted", "NO"));
    assertThat(instance).hasPassed(LOAN_CLOSED).isEnded();
    Loan loan = loans.findByReference(reference).orElseThrow();
    assertThat(loan.state()).isEqualTo(LoanState.REPAID);
    assertThat(loan.outstandingPrincipal()).isEqualByComparingTo("0.00");
    assertThat(loan.reservedPrincipal()).isEqualByComparingTo("0.00");
    assertThat(jdbc.sql("SELECT closed_on FROM loan WHERE id = :id").param("id", loan.id()).query(LocalDate.class).single())
        .isEqualTo(today());
    assertThat(count("SELECT count(*) FROM borrower_contact WHERE loan_id = :id AND kind = 'MONTHLY'", loan.id())).isEqualTo(24);
    assertThat(count("SELECT count(*) FROM contact_obligation WHERE loan_id = :id AND fulfilled_on IS NOT NULL", loan.id()))
        .isEqualTo(24);
  }

  @Test
  void shouldNeverOpenASecondContactTaskWhenTheMonthsObligationRunsAgain() {
    String reference = activeLoan("offenbach", "3000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    fireTimer(instance, MONTHLY_CONTACT_DUE);

    // a second run in the same month (retried job, restarted instance, modification by an operator)
    runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity(OPEN_CONTACT_OBLIGATION).execute();

    assertThat(tasks(instance, MONTHLY_CONTACT)).hasSize(1);
    assertThat(instance).hasPassed(NO_CONTACT_NEEDED);
    long loanId = loans.findByReference(reference).orElseThrow().id();
    assertThat(count("SELECT count(*) FROM contact_obligation WHERE loan_id = :id", loanId)).isEqualTo(1);
    assertThatThrownBy(() -> jdbc.sql("""
            INSERT INTO contact_obligation (loan_id, contact_month, due_on, process_instance_id, created_at)
            VALUES (:id, '2027-02', DATE '2027-02-28', 'x', CURRENT_TIMESTAMP)""").param("id", loanId).update())
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void shouldBriefTheAdvisorForTheCallWithTheBorrowerTheArrearsAndTheLastContact() {
    String reference = activeLoan("offenbach", "3000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    fireTimer(instance, MONTHLY_CONTACT_DUE);
    Task first = tasks(instance, MONTHLY_CONTACT).get(0);

    assertThat((String) taskService.getVariableLocal(first.getId(), "contactBriefing"))
        .contains("Ayla Demir · Telefon 069 123 · ayla@example.org")
        .contains("Schneiderei Demir (Handwerk), Bieberer Str. 1, 63065 Offenbach")
        .contains("offen 3.000,00 EUR")
        .contains("**Rückstand:** keiner")
        .contains("**Letzter Kontakt:** noch keiner festgehalten");

    LocalDate contactedOn = today();
    taskService.complete(first.getId(), contact(contactedOn));
    fireTimer(instance, MONTHLY_CONTACT_DUE);

    assertThat((String) taskService.getVariableLocal(tasks(instance, MONTHLY_CONTACT).get(0).getId(),
        "contactBriefing")).contains("**Letzter Kontakt:** "
            + contactedOn.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))
            + " (Telefon): alles im Plan, Betrieb stabil");
  }

  @Test
  void shouldEscalateToTheMicrofinancerWhenNoContactIsRecordedByMonthEnd() {
    String reference = activeLoan("offenbach", "3000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    fireTimer(instance, MONTHLY_CONTACT_DUE);

    fireTimer(instance, CONTACT_OVERDUE);

    assertThat(instance).isWaitingAt(MONTHLY_CONTACT, CLARIFY_OVERDUE_CONTACT);
    Task clarify = tasks(instance, CLARIFY_OVERDUE_CONTACT).get(0);
    assertThat(taskService.getIdentityLinksForTask(clarify.getId()))
        .anyMatch(link -> Roles.MICROFINANCER.equals(link.getGroupId()));
    assertThatThrownBy(() -> taskService.complete(clarify.getId(), withVariables("overdueReason", "NONSENSE")))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("overdueAction");
    taskService.complete(clarify.getId(), withVariables("overdueReason", "ADVISOR_ABSENT",
        "overdueAction", "Vertretung aus Leipzig besucht den Laden bis Freitag."));
    assertThatThrownBy(() -> taskService.complete(tasks(instance, MONTHLY_CONTACT).get(0).getId(),
        contact(today().plusDays(3)))).hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("Zukunft");
    taskService.complete(tasks(instance, MONTHLY_CONTACT).get(0).getId(), contact(today()));

    assertThat(instance).hasPassed("EndEvent_OverdueClarified", CONTACT_RECORDED).isWaitingAt(LOAN_COURSE);
    long loanId = loans.findByReference(reference).orElseThrow().id();
    assertThat(jdbc.sql("SELECT overdue_reason || '|' || overdue_action FROM contact_obligation WHERE loan_id = :id")
        .param("id", loanId).query(String.class).single()).startsWith("ADVISOR_ABSENT|Vertretung");
  }

  @Test
  void shouldRescheduleWithinTheInterventionAndResumeWhenTheArrearsAreCleared() {
    String reference = activeLoan("offenbach", "5000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    disturb(reference);
    correlate(reference, Messages.LOAN_DISTURBED, "arrears", "230.00", "disturbedSince", today().toString());
    runAsyncJobs(instance);

    assertThat(instance).isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
    Task plan = tasks(instance, AGREE_INTERVENTION_PLAN).get(0);
    assertThat(taskService.getIdentityLinksForTask(plan.getId())).extracting(link -> link.getGroupId())
        .contains(Roles.advisors("offenbach"), Roles.MICROFINANCER);
    assertThatThrownBy(() -> taskService.complete(plan.getId(), withVariables("interventionMeasures", "Vertrieb",
        "interventionNextStep", "RESCHEDULE", "microfinancerAgreed", false)))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("microfinancerAgreed");
    taskService.complete(plan.getId(), withVariables("interventionMeasures", "Rate halbieren, Vertriebsberatung",
        "softTopics", "Pflege der Mutter", "interventionNextStep", "RESCHEDULE", "microfinancerAgreed", true));

    ProcessInstance rescheduling = calledProcessInstance(LoanServicingProcess.RESCHEDULING_KEY, instance);
    assertThat(rescheduling).hasBusinessKey(reference);
    taskService.complete(taskService.createTaskQuery().processInstanceId(rescheduling.getId()).singleResult().getId(),
        withVariables("reschedulingOutcome", "APPROVED"));
    assertThat(instance).hasPassed(RESCHEDULING, PLAN_IMPLEMENTED);

    Task intensive = tasks(instance, INTENSIVE_CONTACT).get(0);
    assertThat(intensive.getDueDate()).as("due before the next one would be")
        .isEqualTo(Date.from(intensive.getCreateTime().toInstant().plus(7, java.time.temporal.ChronoUnit.DAYS)));
    taskService.complete(intensive.getId(), contact(today()));
    assertThat(timer(instance, NEXT_INTENSIVE_CONTACT).getDuedate()).isEqualTo(intensive.getDueDate());
    fireTimer(instance, NEXT_INTENSIVE_CONTACT);
    assertThat(tasks(instance, INTENSIVE_CONTACT)).hasSize(1); // still disturbed: next intensive contact
    assertThat(tasks(instance, INTENSIVE_CONTACT).get(0).getDueDate())
        .isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(7, java.time.temporal.ChronoUnit.DAYS)));
    fireTimer(instance, MONTHLY_CONTACT_DUE);
    assertThat(tasks(instance, MONTHLY_CONTACT)).isEmpty(); // intensive contacts replace it while disturbed

    jdbc.sql("UPDATE loan SET disturbed = FALSE WHERE reference = :r").param("r", reference).update();
    correlate(reference, Messages.ARREARS_CLEARED);

    assertThat(instance).hasPassed(ARREARS_CLEARED, RESOLVE_INTERVENTION).isWaitingAt(LOAN_COURSE);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    long loanId = loans.findByReference(reference).orElseThrow().id();
    assertThat(jdbc.sql("""
            SELECT outcome || '|' || rescheduling_outcome || '|' || next_step || '|' || arrears FROM intervention
            WHERE loan_id = :id""").param("id", loanId).query(String.class).single())
        .isEqualTo("RESOLVED|APPROVED|RESCHEDULE|230.00");
    assertThat(count("SELECT count(*) FROM borrower_contact WHERE loan_id = :id AND kind = 'INTENSIVE'", loanId)).isEqualTo(1);
  }

  @Test
  void shouldStartTheInterventionFromTheLoanTableWhenTheDisturbanceMessageWasMissedAndEndItWhenTheFlagClears() {
    String reference = activeLoan("leipzig", "3000.00");
    ProcessInstance instance = startServicing(reference, "leipzig");
    disturb(reference); // the ledger flagged the loan, but no LoanDisturbed reached us

    fireTimer(instance, MONTHLY_CONTACT_DUE);
    runAsyncJobs(instance);

    assertThat(instance).hasPassed(NO_CONTACT_NEEDED, LOAN_DISTURBED).isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
    taskService.complete(tasks(instance, AGREE_INTERVENTION_PLAN).get(0).getId(), withVariables(
        "interventionMeasures", "Wöchentliche Besuche", "interventionNextStep", "SUPPORT", "microfinancerAgreed", true));
    taskService.complete(tasks(instance, INTENSIVE_CONTACT).get(0).getId(), contact(today()));
    jdbc.sql("UPDATE loan SET disturbed = FALSE WHERE reference = :r").param("r", reference).update(); // ArrearsCleared lost too
    fireTimer(instance, NEXT_INTENSIVE_CONTACT);

    assertThat(instance).hasPassed("EndEvent_DisturbanceGone", RESOLVE_INTERVENTION).isWaitingAt(LOAN_COURSE);
  }

  @Test
  void shouldCloseWithoutFollowUpOfferWhenRepaidDuringAnIntervention() {
    String reference = activeLoan("offenbach", "2000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    disturb(reference);
    correlate(reference, Messages.LOAN_DISTURBED, "arrears", "90.00", "disturbedSince", today().toString());
    runAsyncJobs(instance);

    jdbc.sql("UPDATE loan SET outstanding_principal = 0, disturbed = FALSE WHERE reference = :r").param("r", reference).update();
    correlate(reference, Messages.LOAN_REPAID);
    runAsyncJobs(instance);

    assertThat(instance).hasPassed(REPAID_DURING_INTERVENTION, CLOSE_REPAID_LOAN, LOAN_CLOSED).isEnded();
    assertThat(instance).variables().containsEntry("offerFollowUp", false);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.REPAID);
  }

  @Test
  void shouldStartAPrefilledLoanApplicationWhenTheBorrowerWantsAFollowUpLoan() {
    String reference = activeLoan("offenbach", "3000.00");
    ProcessInstance instance = startServicing(reference, "offenbach");
    jdbc.sql("UPDATE loan SET outstanding_principal = 0 WHERE reference = :r").param("r", reference).update();
    correlate(reference, Messages.LOAN_REPAID);
    runAsyncJobs(instance);
    Task offer = tasks(instance, OFFER_FOLLOW_UP_LOAN).get(0);

    assertThatThrownBy(() -> taskService.complete(offer.getId(), withVariables("followUpWanted", "YES", "followUpAmount", 25000L)))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("followUpAmount").hasMessageContaining("followUpPurpose");
    taskService.complete(offer.getId(), withVariables("followUpWanted", "YES", "followUpAmount", 5000.0d,
        "followUpPurpose", "Zweite Nähmaschine"));

    assertThat(instance).hasPassed(START_FOLLOW_UP_APPLICATION, FOLLOW_UP_APPLIED).isEnded();
    String followUp = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("followUpLoanReference").singleResult().getValue();
    Loan next = loans.findByReference(followUp).orElseThrow();
    assertThat(next.state()).isEqualTo(LoanState.APPLIED);
    assertThat(next.amount()).isEqualByComparingTo("5000.00");
    assertThat(next.quarterCode()).isEqualTo("offenbach");
    assertThat(jdbc.sql("""
            SELECT a.first_name || ' ' || a.last_name || '|' || b.name FROM loan l JOIN applicant a ON a.id = l.applicant_id
            JOIN business b ON b.id = l.business_id WHERE l.id = :id""").param("id", next.id()).query(String.class).single())
        .isEqualTo("Ayla Demir|Schneiderei Demir");
    ProcessInstance application = runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-application")
        .processInstanceBusinessKey(followUp).singleResult();
    assertThat(application).isWaitingAt("Task_AdviseApplicant").variables()
        .containsEntry("followUpOf", reference).containsEntry("businessName", "Schneiderei Demir");
  }

  @Test
  void shouldWriteTheLoanOffAndChargeTheLocalFundWhenNothingIsPaidWithinTheDefaultPeriod() {
    String reference = activeLoan("pforzheim", "5000.00");
    jdbc.sql("UPDATE loan SET outstanding_principal = 4000.00 WHERE reference = :r").param("r", reference).update();
    long loanId = loans.findByReference(reference).orElseThrow().id();
    guarantor(loanId, "Jonas Weber", "1500.00");
    guarantor(loanId, "Mehmet Kaya", "1000.00");
    BigDecimal capitalBefore = fundCapital("pforzheim");
    try {
      ProcessInstance instance = startServicing(reference, "pforzheim");
      disturb(reference);
      correlate(reference, Messages.LOAN_DISTURBED, "arrears", "440.00", "disturbedSince", today().toString());
      runAsyncJobs(instance);
      Job defaultTimer = timer(instance, DEFAULT_PERIOD_EXPIRED);
      assertThat(defaultTimer.getDuedate()).isEqualTo(
          Date.from(today().plusDays(90).atStartOfDay(BERLIN).toInstant()));

      fireTimer(instance, DEFAULT_PERIOD_EXPIRED);

      assertThat(instance).hasPassed(MARK_DEFAULTED).isWaitingAt(CALL_ON_GUARANTORS);
      assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);
      assertThat(instance).variables().containsEntry("guarantorCount", 2).containsEntry("outstandingAtDefault", "4.000,00 EUR");
      Task guarantors = tasks(instance, CALL_ON_GUARANTORS).get(0);
      assertThatThrownBy(() -> taskService.complete(guarantors.getId(), withVariables("guarantor1Paid", 1500.01d)))
          .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("guarantor1Paid")
          .hasMessageContaining("guarantor2Paid");
      taskService.complete(guarantors.getId(), withVariables("guarantor1Paid", 1500.0d, "guarantor2Paid", 500L));

      // the write-off is only asked for: the proposed allocation is shown, nothing is booked yet
      assertThat(instance).isWaitingAt(WRITE_OFF).hasNotPassed(ALLOCATE_LOSS);
      assertThat(instance).variables().extractingByKey("lossAllocationSummary").asString()
          .startsWith("Vorgeschlagene Verteilung").contains("2.000,00 EUR");
      assertThat(allocation(loanId)).isEmpty();
      assertThat(fundCapital("pforzheim")).isEqualByComparingTo(capitalBefore);
      Task writeOff = tasks(instance, WRITE_OFF).get(0);
      taskService.claim(writeOff.getId(), "mia");
      taskService.complete(writeOff.getId(), withVariables("writeOffConfirmed", true,
          "writeOffNote", "Geschäft aufgegeben, Kreditnehmer verzogen."));

      assertThat(instance).isWaitingAt(APPROVE_WRITE_OFF).hasNotPassed(ALLOCATE_LOSS);
      Task approval = tasks(instance, APPROVE_WRITE_OFF).get(0);
      assertThat(taskService.getIdentityLinksForTask(approval.getId())).extracting(link -> link.getGroupId())
          .containsExactly(Roles.MICROFINANCER);
      assertThat(instance).variables().containsEntry("writeOffRequestedBy", "mia");
      assertThat(allocation(loanId)).isEmpty();
      taskService.claim(approval.getId(), "max");
      taskService.complete(approval.getId(), withVariables("writeOffDecision", "APPROVE"));

      assertThat(instance).hasPassed(APPROVE_WRITE_OFF, WRITE_OFF_APPROVED, ALLOCATE_LOSS, CLOSE_WRITTEN_OFF, WRITTEN_OFF)
          .isEnded();
      assertThat(allocation(loanId)).containsEntry("LOCAL_FUND", new BigDecimal("2000.00"))
          .containsEntry("MICROFINANCER", new BigDecimal("0.00")).containsEntry("NATIONAL_FUND", new BigDecimal("0.00"));
      assertThat(fundCapital("pforzheim")).isEqualByComparingTo(capitalBefore.subtract(new BigDecimal("2000.00")));
      Loan loan = loans.findByReference(reference).orElseThrow();
      assertThat(loan.state()).isEqualTo(LoanState.WRITTEN_OFF);
      assertThat(loan.outstandingPrincipal()).isEqualByComparingTo("0.00");
      assertThat(jdbc.sql("SELECT outcome FROM intervention WHERE loan_id = :id").param("id", loanId)
          .query(String.class).single()).isEqualTo("DEFAULTED");
    } finally {
      jdbc.sql("UPDATE local_fund SET paid_in_capital = :c WHERE quarter_code = 'pforzheim'").param("c", capitalBefore).update();
    }
  }

  @Test
  void shouldSendARejectedWriteOffBackAndChargeTheMicrofinancerUpToItsCapOnceApproved() {
    String reference = activeLoan(null, "5000.00");
    long loanId = loans.findByReference(reference).orElseThrow().id();
    ProcessInstance instance = startServicing(reference, null);
    disturb(reference);
    correlate(reference, Messages.LOAN_DISTURBED, "arrears", "450.00", "disturbedSince", today().toString());
    runAsyncJobs(instance);
    assertThat(taskService.getIdentityLinksForTask(tasks(instance, AGREE_INTERVENTION_PLAN).get(0).getId()))
        .extracting(link -> link.getGroupId()).containsExactly(Roles.MICROFINANCER);
    fireTimer(instance, DEFAULT_PERIOD_EXPIRED);
    assertThat(instance).variables().containsEntry("guarantorCount", 0);
    BigDecimal total = jdbc.sql("SELECT COALESCE(SUM(outstanding_principal), 0) FROM loan WHERE liable_party = 'MICROFINANCER'")
        .query(BigDecimal.class).single();
    BigDecimal borne = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM loss_allocation WHERE bearer = 'MICROFINANCER'")
        .query(BigDecimal.class).single();
    var expected = LossAllocationPolicy.outsideQuarters(new BigDecimal("5000.00"), BigDecimal.ZERO, total, borne);

    taskService.complete(tasks(instance, CALL_ON_GUARANTORS).get(0).getId());

    assertThat(instance).variables().extractingByKey("lossAllocationSummary").asString().contains("Obergrenze 20 %");
    assertThatThrownBy(() -> taskService.complete(tasks(instance, WRITE_OFF).get(0).getId(),
        withVariables("writeOffConfirmed", false))).hasRootCauseInstanceOf(InputRefusedException.class);
    requestWriteOff(instance, "mia", "Insolvenz.");

    // the second person sends it back: nothing is booked, guarantors and note are done again
    Task approval = tasks(instance, APPROVE_WRITE_OFF).get(0);
    taskService.claim(approval.getId(), "max");
    assertThatThrownBy(() -> taskService.complete(approval.getId(), withVariables("writeOffDecision", "REJECT")))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("writeOffRejectionReason");
    taskService.complete(approval.getId(), withVariables("writeOffDecision", "REJECT",
        "writeOffRejectionReason", "Bitte zuerst die Insolvenzquote abwarten."));
    assertThat(instance).hasPassed(WRITE_OFF_APPROVED).isWaitingAt(CALL_ON_GUARANTORS).hasNotPassed(ALLOCATE_LOSS);
    assertThat(allocation(loanId)).isEmpty();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);

    taskService.complete(tasks(instance, CALL_ON_GUARANTORS).get(0).getId());
    requestWriteOff(instance, "max", "Insolvenz, Quote null.");
    Task secondApproval = tasks(instance, APPROVE_WRITE_OFF).get(0);
    taskService.claim(secondApproval.getId(), "mia");
    taskService.complete(secondApproval.getId(), withVariables("writeOffDecision", "APPROVE"));

    assertThat(instance).isEnded();
    assertThat(allocation(loanId)).containsEntry("MICROFINANCER", expected.microfinancer())
        .containsEntry("NATIONAL_FUND", expected.nationalFund()).containsEntry("LOCAL_FUND", new BigDecimal("0.00"));
    assertThat(expected.microfinancer().add(expected.nationalFund())).isEqualByComparingTo("5000.00");
    assertThat(expected.microfinancer()).isLessThanOrEqualTo(total.multiply(new BigDecimal("0.20")));
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.WRITTEN_OFF);
  }

  // --- helpers ---

  private void requestWriteOff(ProcessInstance instance, String user, String note) {
    Task writeOff = tasks(instance, WRITE_OFF).get(0);
    taskService.claim(writeOff.getId(), user);
    taskService.complete(writeOff.getId(), withVariables("writeOffConfirmed", true, "writeOffNote", note));
    assertThat(instance).isWaitingAt(APPROVE_WRITE_OFF);
  }

  private String activeLoan(String quarter, String amount) {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.EXISTING, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach", quarter,
        "Nähmaschinen und Ladeneinrichtung", new BigDecimal(amount))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = :liable, outstanding_principal = amount, disbursed_on = :today
            WHERE reference = :r""")
        .param("liable", (quarter == null ? LiableParty.MICROFINANCER : LiableParty.LOCAL_FUND).name())
        .param("today", today()).param("r", reference).update();
    return reference;
  }

  private ProcessInstance startServicing(String reference, String quarter) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", reference);
    variables.put("quarterCode", quarter);
    variables.put("advisorGroup", Roles.advisorsFor(quarter));
    return runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(reference)
        .setVariables(variables).execute();
  }

  private void disturb(String reference) {
    jdbc.sql("UPDATE loan SET disturbed = TRUE, disturbed_since = :today WHERE reference = :r")
        .param("today", today()).param("r", reference).update();
  }

  private void guarantor(long loanId, String name, String amount) {
    jdbc.sql("""
            INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at)
            VALUES (:loan, :name, '0151 555', :amount, CURRENT_TIMESTAMP)""")
        .param("loan", loanId).param("name", name).param("amount", new BigDecimal(amount)).update();
  }

  private void correlate(String reference, String message, Object... variables) {
    engine().correlate(reference, message, variables);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Map<String, Object> contact(LocalDate on) {
    return withVariables("contactChannel", "PHONE", "contactOutcome", "ON_TRACK", "businessSituation", "STABLE",
        "contactNotes", "Umsatz wie geplant, Rate pünktlich.", "contactedOn", on.toString());
  }

  private List<Task> tasks(ProcessInstance instance, String activityId) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  /** Moves the engine clock to the timer's due date and executes it (the job executor is off in tests). */
  private void fireTimer(ProcessInstance instance, String activityId) {
    engine().fireTimer(instance, activityId);
  }

  /** Executes the async continuations that are due now (not the future timers). */
  private void runAsyncJobs(ProcessInstance instance) {
    engine().runAsyncJobs(instance);
  }

  private long count(String sql, long loanId) {
    return jdbc.sql(sql).param("id", loanId).query(Long.class).single();
  }

  private Map<String, BigDecimal> allocation(long loanId) {
    Map<String, BigDecimal> result = new HashMap<>();
    jdbc.sql("SELECT bearer, amount FROM loss_allocation WHERE loan_id = :id").param("id", loanId)
        .query((rs, row) -> result.put(rs.getString("bearer"), rs.getBigDecimal("amount"))).list();
    return result;
  }

  private BigDecimal fundCapital(String quarter) {
    return jdbc.sql("SELECT paid_in_capital FROM local_fund WHERE quarter_code = :q").param("q", quarter)
        .query(BigDecimal.class).single();
  }

  private EngineDriver engine() {
    return new EngineDriver(managementService, runtimeService);
  }
}
