package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Activities.*;
import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Decisions;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Kinds;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Outcomes;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentSchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.schedule.ScheduleLine;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The repayment-rescheduling model on PostgreSQL: approval, rejection, refused input, and a bank that cannot be told. */
@QuartierskreditTest
class RepaymentReschedulingProcessTest {

  private static final BigDecimal AMOUNT = new BigDecimal("5000.00");
  private static final BigDecimal RATE = new BigDecimal("0.0890");
  private static final String ADVISORS = Roles.advisors("offenbach");
  private static final int PAID_LINES = 3;

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired TestRestTemplate rest;

  private String reference;
  private long loanId;
  private LocalDate today;
  private BigDecimal remaining;

  /** An active loan of 5,000 EUR over 24 months, disbursed four months ago, three instalments paid. */
  @BeforeEach
  void activeLoanWithThreePaidInstalments() {
    init(processEngine);
    today = LocalDate.now(clock);
    LocalDate valueDate = today.minusMonths(4);
    reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen und Ladeneinrichtung", AMOUNT)).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    loans.transition(reference, Set.of(LoanState.APPROVED), LoanState.CONTRACTED, null);
    loans.transition(reference, Set.of(LoanState.CONTRACTED), LoanState.ACTIVE, null);
    jdbc.sql("""
            UPDATE loan SET outstanding_principal = amount, interest_rate = :rate, term_months = 24,
                   disbursed_on = :valueDate WHERE reference = :reference""")
        .param("rate", RATE).param("valueDate", valueDate).param("reference", reference).update();
    loanId = loans.findByReference(reference).orElseThrow().id();
    List<ScheduleLine> lines = AnnuitySchedule.calculate(
        new AnnuitySchedule.Terms(AMOUNT, RATE, 24, valueDate.plusMonths(1)));
    long scheduleId = schedules.storeNewVersion(loanId, AMOUNT, RATE, "Auszahlung", lines).id();
    jdbc.sql("""
            UPDATE repayment_schedule_line SET state = 'PAID', paid_amount = instalment
            WHERE schedule_id = :schedule AND instalment_no <= :paid""")
        .param("schedule", scheduleId).param("paid", PAID_LINES).update();
    remaining = lines.get(PAID_LINES - 1).remainingPrincipal();
  }

  @Test
  void shouldMakeVersion2CurrentKeepVersion1AndTellTheBankOnceWhenTheMicrofinancerApproves() {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt(REQUEST_RESCHEDULING);
    assertThat(task(instance)).hasCandidateGroup(ADVISORS).hasCandidateGroup(Roles.MICROFINANCER);
    assertThat(formRef(instance, REQUEST_RESCHEDULING)).isEqualTo("request-rescheduling");
    assertThat((String) variable(instance, CURRENT_SCHEDULE)).contains("offene Raten | 21");

    complete(task(instance), withVariables(KIND, Kinds.LONGER_TERM, NEW_INSTALMENTS, 30L,
        REASON, "Umsatzeinbruch nach Baustelle vor dem Laden"));

    assertThat(instance).isWaitingAt(APPROVE_RESCHEDULING);
    assertThat(task(instance)).hasCandidateGroup(Roles.MICROFINANCER);
    assertThat(formRef(instance, APPROVE_RESCHEDULING)).isEqualTo("approve-rescheduling");
    assertThat((String) variable(instance, PROPOSAL)).contains("längere Laufzeit", "| Zahl der Raten | 21 | 30 |");
    long requestId = (Long) variable(instance, REQUEST_ID);
    assertThat(requestColumn(requestId, "status", String.class)).isEqualTo("SUBMITTED");

    complete(task(instance), withVariables(DECISION, Decisions.APPROVE, DECISION_COMMENT, "Plausibel"));

    assertThat(instance).isWaitingAt(NOTIFY_BANK);
    RepaymentSchedule current = schedules.findCurrent(loanId).orElseThrow();
    assertThat(current.version()).isEqualTo(2);
    assertThat(schedules.countVersions(loanId)).isEqualTo(2);
    assertThat(current.lines()).hasSize(30);
    assertThat(current.totalPrincipal()).isEqualTo(remaining);
    assertThat(current.lines().get(0).dueOn()).isAfterOrEqualTo(today);
    assertThat(lineStates(1)).containsEntry("PAID", (long) PAID_LINES).containsEntry("SUPERSEDED", 24L - PAID_LINES)
        .doesNotContainKey("OPEN");
    assertThat(jdbc.sql("SELECT current FROM repayment_schedule WHERE loan_id = :loan AND version = 1")
        .param("loan", loanId).query(Boolean.class).single()).isFalse();
    assertThat(loanColumn("term_months", Integer.class)).isEqualTo(4 - 1 + 30);
    assertThat(requestColumn(requestId, "status", String.class)).isEqualTo("APPROVED");
    assertThat(requestColumn(requestId, "approved_on", LocalDate.class)).isEqualTo(today);
    assertThat(requestColumn(requestId, "schedule_version", Integer.class)).isEqualTo(2);
    assertThat(outboxRows()).isZero();

    execute(job(instance));

    assertThat(instance).hasPassedInOrder(LOAD_LOAN, REQUEST_RESCHEDULING, COMPUTE_PROPOSAL, APPROVE_RESCHEDULING,
        RECORD_DECISION, ACTIVATE_SCHEDULE, NOTIFY_BANK, SCHEDULE_CHANGED).isEnded();
    assertThat(outcome(instance)).isEqualTo(Outcomes.APPROVED);
    assertThat(outboxRows()).isEqualTo(1);
    assertThat(jdbc.sql("""
            SELECT amount FROM bank_outbox
            WHERE loan_reference = :reference AND kind = 'RESCHEDULING' AND schedule_version = 2 AND term_months = 30""")
        .param("reference", reference).query(BigDecimal.class).single()).isEqualTo(remaining);
  }

  @Test
  void shouldAddNoVersionAndNoBankNoticeWhenActivationAndNotificationRunAgain() {
    ProcessInstance instance = startAndApprove(Kinds.PAYMENT_PAUSE, PAUSE_MONTHS, 3L);
    execute(job(instance));
    long requestId = (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(REQUEST_ID).singleResult().getValue();

    ProcessInstance again = runtimeService.createProcessInstanceByKey(RepaymentReschedulingProcess.KEY)
        .businessKey(reference)
        .setVariables(Map.of(LOAN_REFERENCE, reference, ADVISOR_GROUP, ADVISORS, REQUEST_ID, requestId))
        .startBeforeActivity(ACTIVATE_SCHEDULE).execute();
    execute(job(again));
    assertThat(again).isEnded();
    execute(restartNotification(requestId));

    assertThat(schedules.countVersions(loanId)).isEqualTo(2);
    assertThat(schedules.findCurrent(loanId).orElseThrow().lines()).hasSize(3 + 21);
    assertThat(outboxRows()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheCurrentScheduleWhenTheMicrofinancerRejects() {
    ProcessInstance instance = start();
    complete(task(instance), withVariables(KIND, Kinds.LOWER_INSTALMENT, TARGET_INSTALMENT, 150.0,
        REASON, "Zweites Kind, weniger Arbeitszeit"));
    assertThat((String) variable(instance, PROPOSAL)).contains("niedrigere Rate");
    long requestId = (Long) variable(instance, REQUEST_ID);

    complete(task(instance), withVariables(DECISION, Decisions.REJECT,
        DECISION_COMMENT, "Erst Haushaltsplan mit der Beratung erstellen"));

    assertThat(instance).hasPassed(RESCHEDULING_REJECTED).hasNotPassed(ACTIVATE_SCHEDULE).isEnded();
    assertThat(outcome(instance)).isEqualTo(Outcomes.REJECTED);
    assertThat(schedules.countVersions(loanId)).isEqualTo(1);
    assertThat(lineStates(1)).containsEntry("OPEN", 24L - PAID_LINES);
    assertThat(requestColumn(requestId, "status", String.class)).isEqualTo("REJECTED");
    assertThat(requestColumn(requestId, "rejected_on", LocalDate.class)).isEqualTo(today);
    assertThat(requestColumn(requestId, "approved_on", LocalDate.class)).isNull();
    assertThat(requestColumn(requestId, "decision_comment", String.class)).startsWith("Erst Haushaltsplan");
    assertThat(outboxRows()).isZero();
  }

  // refused input: the engine does not validate forms, the server does

  @Test
  void shouldRefuseAnInvalidRequestAndKeepTheRequestTaskOpen() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService.complete(taskId,
        Map.of(KIND, Kinds.PAYMENT_PAUSE, PAUSE_MONTHS, 9L, REASON, "Umbau")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("1 bis 6 Monate");
    assertThatThrownBy(() -> taskService.complete(taskId,
        Map.of(KIND, Kinds.LONGER_TERM, NEW_INSTALMENTS, 21L, REASON, "Umbau")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("21 verbleibenden Raten");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(KIND, Kinds.LONGER_TERM, NEW_INSTALMENTS, 30L)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("Grund");

    assertThat(instance).isWaitingAt(REQUEST_RESCHEDULING);
    assertThat(requests()).isZero();
  }

  @Test
  void shouldAnswer400OverRestWhenTheRequestFormIsSubmittedWithBadValues() {
    ProcessInstance instance = start();
    String taskId = task(instance).getId();
    var mia = rest.withBasicAuth("mia", "demo");

    var response = mia.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, json("""
        {"variables": {"reschedulingKind": {"value": "PAYMENT_PAUSE"}, "pauseMonths": {"value": 0},
                       "reschedulingReason": {"value": "Umbau"}}}"""), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Zahlungspause");
    assertThat(instance).isWaitingAt(REQUEST_RESCHEDULING);
  }

  @Test
  void shouldRefuseARejectionWithoutCommentAndKeepTheApprovalTaskOpen() {
    ProcessInstance instance = start();
    complete(task(instance), withVariables(KIND, Kinds.PAYMENT_PAUSE, PAUSE_MONTHS, 2L, REASON, "Krankheit"));
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(DECISION, Decisions.REJECT)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("begründen");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(DECISION, "MAYBE")))
        .isInstanceOf(FormFieldValidationException.class);

    assertThat(instance).isWaitingAt(APPROVE_RESCHEDULING);
    assertThat(requestColumn((Long) variable(instance, REQUEST_ID), "status", String.class)).isEqualTo("SUBMITTED");
  }

  @Test
  void shouldRefuseToStartForALoanThatIsNotInRepayment() {
    loans.transition(reference, Set.of(LoanState.ACTIVE), LoanState.REPAID, null);

    assertThatThrownBy(() -> start()).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("laufender Kredit");
    reference = "QK-1999-999999";
    assertThatThrownBy(() -> start()).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Kein Kredit");
  }

  // started from Tasklist

  @Test
  void shouldLetTheMicrofinancerStartFromTasklistWithTheLoanReferenceOnly() {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(RepaymentReschedulingProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance instance;
    identityService.setAuthentication("mia", List.of(Roles.MICROFINANCER));
    try {
      instance = formService.submitStartForm(definitionId, Map.of(LOAN_REFERENCE, " " + reference));
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(instance).isWaitingAt(REQUEST_RESCHEDULING);
    assertThat(instance.getBusinessKey()).isEqualTo(reference);
    assertThat(variable(instance, QUARTER_CODE)).isEqualTo("offenbach");
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(ADVISORS).count())
        .as("the advisors of the loan's quarter, from the loan row").isOne();
  }

  @Test
  void shouldNotLetAnAdvisorStartARescheduling() {
    identityService.setAuthentication("anna", List.of(ADVISORS));
    try {
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RepaymentReschedulingProcess.KEY,
          Map.of(LOAN_REFERENCE, reference))).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
  }

  // the bank cannot be told: retries, then an incident

  @Test
  void shouldRaiseAnIncidentAfterFiveFailedAttemptsWhenTheBankCannotBeTold() {
    ProcessInstance instance = startAndApprove(Kinds.LONGER_TERM, NEW_INSTALMENTS, 36L);
    // the outbox refuses this loan's rows, as a full disk or a broken link to the bank would
    jdbc.sql("ALTER TABLE bank_outbox ADD CONSTRAINT bank_outbox_test_refuses CHECK (loan_reference <> '"
        + reference + "')").update();
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        String jobId = job(instance).getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).rootCause().hasMessageContaining("bank_outbox_test_refuses");
        assertThat(job(instance).getRetries()).isEqualTo(5 - attempt);
      }
    } finally {
      jdbc.sql("ALTER TABLE bank_outbox DROP CONSTRAINT bank_outbox_test_refuses").update();
    }

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat(instance).isWaitingAt(NOTIFY_BANK);
    assertThat(schedules.findCurrent(loanId).orElseThrow().version()).isEqualTo(2);
    assertThat(outboxRows()).isZero();
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(RepaymentReschedulingProcess.KEY, reference,
        Map.of(LOAN_REFERENCE, reference, QUARTER_CODE, "offenbach", ADVISOR_GROUP, ADVISORS));
  }

  private ProcessInstance startAndApprove(String kind, String parameter, Object value) {
    ProcessInstance instance = start();
    complete(task(instance), withVariables(KIND, kind, parameter, value, REASON, "Auftragsflaute"));
    complete(task(instance), withVariables(DECISION, Decisions.APPROVE));
    assertThat(instance).isWaitingAt(NOTIFY_BANK);
    return instance;
  }

  private org.camunda.bpm.engine.runtime.Job restartNotification(long requestId) {
    ProcessInstance notify = runtimeService.createProcessInstanceByKey(RepaymentReschedulingProcess.KEY)
        .businessKey(reference)
        .setVariables(Map.of(LOAN_REFERENCE, reference, ADVISOR_GROUP, ADVISORS, REQUEST_ID, requestId))
        .startBeforeActivity(NOTIFY_BANK).execute();
    return job(notify);
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  private Object outcome(ProcessInstance instance) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(OUTCOME).singleResult().getValue();
  }

  private String formRef(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .initializeFormKeys().singleResult().getCamundaFormRef().getKey();
  }

  private Map<String, Long> lineStates(int version) {
    return jdbc.sql("""
            SELECT l.state, count(*) AS n FROM repayment_schedule_line l
            JOIN repayment_schedule s ON s.id = l.schedule_id
            WHERE s.loan_id = :loan AND s.version = :version GROUP BY l.state""")
        .param("loan", loanId).param("version", version)
        .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n")))
        .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private <T> T requestColumn(long id, String column, Class<T> type) {
    return jdbc.sql("SELECT " + column + " FROM loan_reschedule_request WHERE id = :id")
        .param("id", id).query(type).optional().orElse(null);
  }

  private <T> T loanColumn(String column, Class<T> type) {
    return jdbc.sql("SELECT " + column + " FROM loan WHERE id = :loan").param("loan", loanId).query(type).single();
  }

  private long requests() {
    return jdbc.sql("SELECT count(*) FROM loan_reschedule_request WHERE loan_id = :loan")
        .param("loan", loanId).query(Long.class).single();
  }

  private long outboxRows() {
    return jdbc.sql("SELECT count(*) FROM bank_outbox WHERE loan_reference = :reference AND kind = 'RESCHEDULING'")
        .param("reference", reference).query(Long.class).single();
  }

  private static HttpEntity<String> json(String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
