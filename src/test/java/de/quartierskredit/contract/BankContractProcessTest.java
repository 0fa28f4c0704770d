package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Activities.*;
import static de.quartierskredit.contract.BankContractProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.contract.BankContractProcess.FollowUpResults;
import de.quartierskredit.contract.BankContractProcess.Messages;
import de.quartierskredit.contract.BankContractProcess.Outcomes;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.RepaymentSchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.shared.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import de.quartierskredit.shared.InputRefusedException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bank-contract model on PostgreSQL: every path from recommendation to disbursement or cancellation. */
@QuartierskreditTest
class BankContractProcessTest {

  private static final BigDecimal AMOUNT = new BigDecimal("5000.00");
  private static final String ADVISORS = Roles.advisors("offenbach");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String reference;
  private LocalDate today;

  @BeforeEach
  void approvedLoan() {
    init(processEngine);
    reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen und Ladeneinrichtung", AMOUNT)).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    jdbc.sql("UPDATE loan SET reserved_principal = amount WHERE reference = :reference")
        .param("reference", reference).update();
    today = LocalDate.now(clock);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldActivateTheLoanWithScheduleVersion1WhenTheBankClerkConfirmsContractAndDisbursement() {
    ProcessInstance instance = start(Map.of());
    assertThat(instance).isWaitingAt(SEND_RECOMMENDATION);
    execute(job(instance));

    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    assertThat(task(instance)).hasCandidateGroup(Roles.BANK);
    assertThat(formRef(instance, CONFIRM_CONTRACT)).isEqualTo("confirm-contract");
    assertThat(instance).variables().containsEntry(APPROVED_AMOUNT, "5.000,00 EUR");
    complete(task(instance), withVariables(CONTRACT_NUMBER, "GLS-2026/0042", CONTRACT_SIGNED_ON, today.toString()));

    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.CONTRACTED);
    assertThat(column("contracted_on", LocalDate.class)).isEqualTo(today);
    assertThat(column("bank_contract_number", String.class)).isEqualTo("GLS-2026/0042");
    assertThat(instance).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(task(instance)).hasCandidateGroup(Roles.BANK);
    assertThat(formRef(instance, CONFIRM_DISBURSEMENT)).isEqualTo("confirm-disbursement");
    // Camunda Forms submit numbers as Double
    complete(task(instance), withVariables(DISBURSED_ON, today.toString(), DISBURSED_AMOUNT, 5000.0));

    assertThat(instance).hasPassedInOrder(SEND_RECOMMENDATION, CONFIRM_CONTRACT, RECORD_CONTRACT,
        CONFIRM_DISBURSEMENT, ACTIVATE_LOAN, LOAN_DISBURSED).isEnded();
    assertThat(outcome(instance)).isEqualTo(Outcomes.DISBURSED);
    assertActive(24, new BigDecimal("0.0890"), today);
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void shouldActivateTheLoanWhenTheBankReportsSigningAndDisbursementByMessage() {
    ProcessInstance instance = start(Map.of(TERM_MONTHS, 12, ANNUAL_INTEREST_RATE, "0.0750"));
    execute(job(instance));

    runtimeService.createMessageCorrelation(Messages.CONTRACT_SIGNED)
        .processInstanceBusinessKey(reference)
        .setVariable(CONTRACT_NUMBER, "GLS-2026-0777")
        .setVariable(CONTRACT_SIGNED_ON, today.minusDays(1).toString())
        .correlate();
    assertThat(instance).hasPassed(CONTRACT_SIGNED).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(completedTasks(instance, CONFIRM_CONTRACT)).isZero();

    runtimeService.createMessageCorrelation(Messages.LOAN_DISBURSED)
        .processInstanceBusinessKey(reference)
        .setVariable(DISBURSED_ON, today.toString())
        .setVariable(DISBURSED_AMOUNT, "5000.00")
        .correlate();

    assertThat(instance).hasPassed(LOAN_DISBURSED_MESSAGE, ACTIVATE_LOAN, LOAN_DISBURSED).isEnded();
    assertThat(completedTasks(instance, CONFIRM_DISBURSEMENT)).isZero();
    assertThat(outcome(instance)).isEqualTo(Outcomes.DISBURSED);
    assertThat(column("contracted_on", LocalDate.class)).isEqualTo(today.minusDays(1));
    assertActive(12, new BigDecimal("0.0750"), today);
  }

  // signing stalls

  @Test
  void shouldAskTheAdvisorsToFollowUpAndKeepTheContractTaskOpenWhenTheEscalationTimerFires() {
    ClockUtil.setCurrentTime(ClockUtil.now()); // one moment for the task and its timer
    ProcessInstance instance = startAndRecommend();
    Job timer = timer(instance);
    assertThat(timer.getDuedate().toInstant())
        .isCloseTo(ClockUtil.now().toInstant().plus(14, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    // the bank's confirmation is due when the advisor is asked to follow up
    assertThat(task(CONFIRM_CONTRACT, instance)).hasDueDate(timer.getDuedate());

    execute(timer);

    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT, FOLLOW_UP_CONTRACT);
    assertThat(task(FOLLOW_UP_CONTRACT, instance)).hasCandidateGroup(ADVISORS);
    assertThat(formRef(instance, FOLLOW_UP_CONTRACT)).isEqualTo("follow-up-contract");
    complete(task(FOLLOW_UP_CONTRACT, instance), withVariables(
        FOLLOW_UP_RESULT, FollowUpResults.WAITING, FOLLOW_UP_NOTE, "Termin bei der Bank am Montag"));

    assertThat(instance).hasPassed(FOLLOWED_UP).isWaitingAt(CONFIRM_CONTRACT);
  }

  @Test
  void shouldEndTheOpenFollowUpWhenTheBankClerkConfirmsTheSignedContract() {
    ProcessInstance instance = startAndRecommend();
    execute(timer(instance));
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT, FOLLOW_UP_CONTRACT);

    complete(task(CONFIRM_CONTRACT, instance),
        withVariables(CONTRACT_NUMBER, "GLS-2026-0043", CONTRACT_SIGNED_ON, today.toString()));

    assertThat(instance).isWaitingAt(CONFIRM_DISBURSEMENT).hasNotPassed(FOLLOWED_UP);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldEndCancelledWithoutTouchingTheLoanWhenTheApplicantWithdrawsAtFollowUp() {
    ProcessInstance instance = startAndRecommend();
    execute(timer(instance));

    complete(task(FOLLOW_UP_CONTRACT, instance), withVariables(
        FOLLOW_UP_RESULT, FollowUpResults.WITHDRAWN, FOLLOW_UP_NOTE, "Hat einen günstigeren Familienkredit"));

    assertThat(instance).hasPassed(CONTRACT_CANCELLED).hasNotPassed(RECORD_CONTRACT).isEnded();
    assertThat(outcome(instance)).isEqualTo(Outcomes.CANCELLED);
    // loan-application ends the loan (WITHDRAWN) and releases the reservation on CANCELLED
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  void shouldRefuseAFollowUpWithoutNoteWhenTheFormIsBypassed() {
    // a task listener's exception reaches the caller wrapped (REST: 500), with our reason in the message
    ProcessInstance instance = startAndRecommend();
    execute(timer(instance));
    String followUp = task(FOLLOW_UP_CONTRACT, instance).getId();

    assertThatThrownBy(() -> taskService.complete(followUp, Map.of(FOLLOW_UP_RESULT, FollowUpResults.WITHDRAWN)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("besprochen");
    assertThatThrownBy(() -> taskService.complete(followUp, Map.of(FOLLOW_UP_RESULT, "MAYBE", FOLLOW_UP_NOTE, "x")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Ergebnis");
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT, FOLLOW_UP_CONTRACT);
  }

  // server-side checks of the forms and messages

  @Test
  void shouldRefuseTheContractAndKeepTheLoanApprovedWhenTheContractNumberIsInvalid() {
    ProcessInstance instance = startAndRecommend();
    String confirm = task(instance).getId();

    assertThatThrownBy(() -> taskService.complete(confirm,
        Map.of(CONTRACT_NUMBER, "<script>", CONTRACT_SIGNED_ON, today.toString())))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("Vertragsnummer");
    assertThatThrownBy(() -> taskService.complete(confirm,
        Map.of(CONTRACT_NUMBER, "GLS-1", CONTRACT_SIGNED_ON, today.plusDays(1).toString())))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("Zukunft");

    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  void shouldRefuseTheDisbursementWhenThePaidOutAmountDiffersFromTheApprovedAmount() {
    ProcessInstance instance = startAndRecommend();
    complete(task(instance), withVariables(CONTRACT_NUMBER, "GLS-2026-0044", CONTRACT_SIGNED_ON, today.toString()));
    String confirm = task(instance).getId();

    assertThatThrownBy(() -> taskService.complete(confirm,
        Map.of(DISBURSED_ON, today.toString(), DISBURSED_AMOUNT, 4999.99)))
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("weicht");
    assertThatThrownBy(() -> runtimeService.createMessageCorrelation(Messages.LOAN_DISBURSED)
        .processInstanceBusinessKey(reference)
        .setVariable(DISBURSED_ON, today.minusDays(3).toString())
        .setVariable(DISBURSED_AMOUNT, "5000.00")
        .correlate())
        .hasRootCauseInstanceOf(InputRefusedException.class).hasMessageContaining("vor der Vertragsunterzeichnung");

    assertThat(instance).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.CONTRACTED);
    assertThat(schedules.countVersions(loans.findByReference(reference).orElseThrow().id())).isZero();
  }

  // retries and idempotency

  @Test
  void shouldRaiseAnIncidentAfterFiveFailedAttemptsWhenTheRecommendationCannotBeSent() {
    reference = "QK-1999-999999";
    ProcessInstance instance = start(Map.of());

    for (int attempt = 1; attempt <= 5; attempt++) {
      String jobId = job(instance).getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("no loan");
      assertThat(job(instance).getRetries()).isEqualTo(5 - attempt);
    }

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(instance).isWaitingAt(SEND_RECOMMENDATION);
  }

  @Test
  void shouldRecommendTheLoanOnceWhenTheRecommendationIsSentAgain() {
    ProcessInstance instance = startAndRecommend();
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(SEND_RECOMMENDATION).execute();

    execute(managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(SEND_RECOMMENDATION).singleResult());

    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void shouldKeepOneScheduleWhenTheLoanIsActivatedAgain() {
    ProcessInstance first = startAndRecommend();
    complete(task(first), withVariables(CONTRACT_NUMBER, "GLS-2026-0045", CONTRACT_SIGNED_ON, today.toString()));
    complete(task(first), withVariables(DISBURSED_ON, today.toString(), DISBURSED_AMOUNT, 5000));
    assertThat(first).isEnded();

    Map<String, Object> again = new HashMap<>(variables());
    again.putAll(Map.of(TERM_MONTHS, 24, ANNUAL_INTEREST_RATE, "0.0890",
        DISBURSED_ON, today.toString(), DISBURSED_AMOUNT, "5000.00"));
    ProcessInstance second = runtimeService.createProcessInstanceByKey(BankContractProcess.KEY)
        .businessKey(reference).setVariables(again).startBeforeActivity(ACTIVATE_LOAN).execute();

    assertThat(second).isEnded();
    long loanId = loans.findByReference(reference).orElseThrow().id();
    assertThat(schedules.countVersions(loanId)).isEqualTo(1);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.ACTIVE);
  }

  private ProcessInstance start(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(variables());
    variables.putAll(extra);
    return runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference, variables);
  }

  private Map<String, Object> variables() {
    return Map.of(LOAN_REFERENCE, reference, ADVISOR_GROUP, ADVISORS);
  }

  private ProcessInstance startAndRecommend() {
    ProcessInstance instance = start(Map.of());
    execute(job(instance));
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    return instance;
  }

  private String formRef(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult().getCamundaFormRef().getKey();
  }

  private long completedTasks(ProcessInstance instance, String taskKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).taskDeleteReason("completed").count();
  }

  private Job timer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  private Object outcome(ProcessInstance instance) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(CONTRACT_OUTCOME).singleResult().getValue();
  }

  private <T> T column(String name, Class<T> type) {
    return jdbc.sql("SELECT " + name + " FROM loan WHERE reference = :reference")
        .param("reference", reference).query(type).single();
  }

  private long outboxRows() {
    return jdbc.sql("SELECT count(*) FROM bank_outbox WHERE loan_reference = :reference AND kind = 'RECOMMENDATION'")
        .param("reference", reference).query(Long.class).single();
  }

  private void assertActive(int termMonths, BigDecimal rate, LocalDate valueDate) {
    var loan = loans.findByReference(reference).orElseThrow();
    assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
    assertThat(loan.outstandingPrincipal()).isEqualTo(AMOUNT);
    assertThat(loan.reservedPrincipal()).isEqualTo(new BigDecimal("0.00"));
    assertThat(column("disbursed_on", LocalDate.class)).isEqualTo(valueDate);
    assertThat(column("term_months", Integer.class)).isEqualTo(termMonths);
    assertThat(column("interest_rate", BigDecimal.class)).isEqualByComparingTo(rate);

    RepaymentSchedule schedule = schedules.findCurrent(loan.id()).orElseThrow();
    assertThat(schedule.version()).isEqualTo(1);
    assertThat(schedules.countVersions(loan.id())).isEqualTo(1);
    assertThat(schedule.lines()).hasSize(termMonths);
    assertThat(schedule.totalPrincipal()).isEqualByComparingTo(AMOUNT);
    assertThat(schedule.lines().get(0).dueOn()).isEqualTo(valueDate.plusMonths(1));
    assertThat(schedule.lines()).last().extracting(ScheduleLine::remainingPrincipal)
        .isEqualTo(new BigDecimal("0.00"));
  }
}
