package de.quartierskredit.guarantor;

import static de.quartierskredit.guarantor.GuarantorCheckProcess.Activities.CHECK_GUARANTORS;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Activities.END_FINANCED_PRIVATELY;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Activities.END_GUARANTORS_SUFFICIENT;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Activities.END_WITHDRAWN;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Activities.RECORD_GUARANTORS;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.ADVISOR_GROUP;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTORS_SUFFICIENT;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_CHECK_REASON;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_COVERAGE;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_COVERAGE_REQUIRED;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_DECISION;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.GUARANTOR_OUTCOME;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.LOAN_AMOUNT;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.LOAN_REFERENCE;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorAmount;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorContact;
import static de.quartierskredit.guarantor.GuarantorCheckProcess.Variables.guarantorName;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.guarantor.GuarantorCheckProcess.Decisions;
import de.quartierskredit.guarantor.GuarantorCheckProcess.Outcomes;
import de.quartierskredit.support.QuartierskreditTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QuartierskreditTest
class GuarantorCheckProcessTest {

  private static final String ADVISORS_OFFENBACH = "advisors-offenbach";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired JdbcClient jdbc;

  private String loanReference;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(processEngine);
    loanReference = "QK-TEST-" + UUID.randomUUID().toString().substring(0, 8);
    insertLoan(loanReference, new BigDecimal("5000.00"));
  }

  @Test
  void shouldEndSufficientWhenTwoGuarantorsCoverHalfOnFirstTry() {
    ProcessInstance instance = start(5000L);

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS).variables()
        .containsEntry(GUARANTOR_COVERAGE_REQUIRED, "2500.00");
    assertThat(task(instance)).hasCandidateGroup(ADVISORS_OFFENBACH);
    assertDeployedForm(task(instance).getId());
    complete(task(instance), recorded(
        "Ayşe Demir", "0151 1234567", 1500L,
        "Jonas Weber", "jonas@example.org", 1000.0d));
    assertThat(instance).isWaitingAt(CHECK_GUARANTORS);
    execute(job(instance));

    assertThat(instance).hasPassed(CHECK_GUARANTORS, END_GUARANTORS_SUFFICIENT).isEnded();
    assertThat(instance).variables()
        .containsEntry(GUARANTOR_OUTCOME, Outcomes.SUFFICIENT)
        .containsEntry(GUARANTORS_SUFFICIENT, true)
        .containsEntry(GUARANTOR_COVERAGE, "2500.00");
    assertGuarantorRows(2, "2500.00");
  }

  @Test
  void shouldAskAgainWithTheReasonWhenCoverageIsShortAndEndSufficientWhenCorrected() {
    ProcessInstance instance = start(5000.0d);

    complete(task(instance), recorded(
        "Ayşe Demir", "0151 1234567", 1500L,
        "Jonas Weber", "jonas@example.org", 999.99d));
    execute(job(instance));

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS).variables()
        .containsEntry(GUARANTORS_SUFFICIENT, false)
        .containsEntry(GUARANTOR_CHECK_REASON, "Die Bürgschaften decken 2.499,99 EUR; "
            + "nötig ist mindestens die Hälfte des Kreditbetrags: 2.500,00 EUR.")
        .doesNotContainKey(GUARANTOR_OUTCOME);
    assertThat(task(instance)).hasCandidateGroup(ADVISORS_OFFENBACH);
    assertGuarantorRows(0, null);

    Map<String, Object> corrected = recorded(
        "Ayşe Demir", "0151 1234567", 1500L,
        "Jonas Weber", "jonas@example.org", 1000L);
    corrected.put(guarantorName(3), "Mehmet Kaya");
    corrected.put(guarantorContact(3), "Marktplatz 3, Offenbach");
    corrected.put(guarantorAmount(3), 500.5d);
    complete(task(instance), corrected);
    execute(job(instance));

    assertThat(instance).hasPassed(END_GUARANTORS_SUFFICIENT).isEnded();
    assertThat(instance).variables().containsEntry(GUARANTOR_OUTCOME, Outcomes.SUFFICIENT);
    assertGuarantorRows(3, "3000.50");
  }

  @Test
  void shouldGiveAFailedCheckBackToTheAdvisorWhoRecordedTheGuarantors() {
    ProcessInstance instance = start(5000.0d);
    assertThat(task(instance)).isNotAssigned(); // nobody of this test loan advised or recorded anything yet

    completeAs("anna", ADVISORS_OFFENBACH, recorded(
        "Ayşe Demir", "0151 1234567", 1500L, "Jonas Weber", "jonas@example.org", 500L));
    execute(job(instance));

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS);
    assertThat(task(instance)).isAssignedTo("anna");
  }

  @Test
  void shouldLeaveAFailedCheckToTheQuarterWhenTheRecorderIsNoAdvisorThere() {
    ProcessInstance instance = start(5000.0d);
    // lars advises in Leipzig: even if the task was handed to him, his name must not come back on it
    processEngine.getTaskService().setAssignee(task(instance).getId(), "lars");

    complete(task(instance), recorded(
        "Ayşe Demir", "0151 1234567", 1500L, "Jonas Weber", "jonas@example.org", 500L));
    execute(job(instance));

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS);
    assertThat(task(instance)).isNotAssigned().hasCandidateGroup(ADVISORS_OFFENBACH);
  }

  private void completeAs(String user, String group, Map<String, Object> variables) {
    String taskId = task().getId();
    processEngine.getIdentityService().setAuthentication(user, java.util.List.of(group));
    try {
      processEngine.getTaskService().complete(taskId, variables);
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void shouldNotDuplicateGuarantorsWhenTheLoanIsCheckedAgain() {
    ProcessInstance first = start(5000L);
    complete(task(first), recorded("A. Bürge", "Kiel", 2000L, "B. Bürge", "Kiel", 2000L));
    execute(job(first));
    assertGuarantorRows(2, "4000.00");

    ProcessInstance second = start(5000L);
    complete(task(second), recorded("A. Bürge", "Kiel", 1500L, "C. Bürge", "Kiel", 1000L));
    execute(job(second));

    assertThat(second).hasPassed(END_GUARANTORS_SUFFICIENT).isEnded();
    assertGuarantorRows(2, "2500.00");
  }

  @Test
  void shouldAskAgainNamingTheSlotWhenASlotIsPartlyFilled() {
    ProcessInstance instance = start("5000");
    Map<String, Object> partly = recorded("Ayşe Demir", "0151 1234567", 2500L, "Jonas Weber", "", 2500L);

    complete(task(instance), partly);
    execute(job(instance));

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS).variables()
        .containsEntry(GUARANTOR_CHECK_REASON, "Bürge 2: Kontakt (Telefon, E-Mail oder Anschrift) fehlt.");
    assertGuarantorRows(0, null);
  }

  @Test
  void shouldEndFinancedPrivatelyWhenAGuarantorLendsTheMoney() {
    ProcessInstance instance = start(5000L);

    complete(task(instance), withVariables(GUARANTOR_DECISION, Decisions.PRIVATE));

    assertThat(instance).hasPassed(END_FINANCED_PRIVATELY).hasNotPassed(CHECK_GUARANTORS).isEnded();
    assertThat(instance).variables().containsEntry(GUARANTOR_OUTCOME, Outcomes.FINANCED_PRIVATELY);
    assertGuarantorRows(0, null);
  }

  @Test
  void shouldEndWithdrawnWhenTheApplicantWithdraws() {
    ProcessInstance instance = start(5000L);

    complete(task(instance), withVariables(GUARANTOR_DECISION, Decisions.WITHDRAWN));

    assertThat(instance).hasPassed(END_WITHDRAWN).hasNotPassed(CHECK_GUARANTORS).isEnded();
    assertThat(instance).variables().containsEntry(GUARANTOR_OUTCOME, Outcomes.WITHDRAWN);
    assertGuarantorRows(0, null);
  }

  @Test
  void shouldKeepTheTaskOpenWhenTheDecisionIsUnknown() {
    ProcessInstance instance = start(5000L);

    assertThatThrownBy(() -> complete(task(instance), withVariables(GUARANTOR_DECISION, "MAYBE")));

    assertThat(instance).isWaitingAt(RECORD_GUARANTORS);
  }

  @Test
  void shouldRefuseToStartWhenTheBusinessKeyNamesNoLoan() {
    String unknown = "QK-UNKNOWN-" + UUID.randomUUID();

    assertThatThrownBy(() -> start(Map.of(LOAN_REFERENCE, unknown))).hasMessageContaining(unknown);
    org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(unknown).count()).isZero();
  }

  @Test
  void shouldCheckTheCoverageAgainstTheLoanRowWhateverAmountTheVariablesSay() {
    // the loan row holds 5,000 EUR; a variable claiming 600 EUR must not make 2 x 150 EUR enough
    ProcessInstance instance = start(Map.of(LOAN_REFERENCE, loanReference, LOAN_AMOUNT, "600",
        ADVISOR_GROUP, "advisors-leipzig"));

    assertThat(instance).variables().containsEntry("guarantorCoverageRequired", "2500.00");
    assertThat(task(instance)).hasCandidateGroup(ADVISORS_OFFENBACH);
    complete(task(instance), recorded("A. Bürge", "Kiel", 150L, "B. Bürge", "Kiel", 150L));
    execute(job(instance));

    assertThat(instance).hasVariables(GUARANTORS_SUFFICIENT).isWaitingAt(RECORD_GUARANTORS);
    org.assertj.core.api.Assertions.assertThat(runtimeService.getVariable(instance.getId(), GUARANTORS_SUFFICIENT))
        .isEqualTo(false);
  }

  // --- helpers

  private ProcessInstance start(Object loanAmount) {
    return start(Map.of(LOAN_REFERENCE, loanReference, LOAN_AMOUNT, loanAmount,
        ADVISOR_GROUP, ADVISORS_OFFENBACH));
  }

  private ProcessInstance start(Map<String, Object> variables) {
    return runtimeService.startProcessInstanceByKey(GuarantorCheckProcess.KEY,
        (String) variables.get(LOAN_REFERENCE), variables);
  }

  /** Form variables as Tasklist sends them (amounts as Long or Double, slot 3 left empty). */
  private static Map<String, Object> recorded(String name1, String contact1, Number amount1,
      String name2, String contact2, Number amount2) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(GUARANTOR_DECISION, Decisions.RECORDED);
    variables.put(guarantorName(1), name1);
    variables.put(guarantorContact(1), contact1);
    variables.put(guarantorAmount(1), amount1);
    variables.put(guarantorName(2), name2);
    variables.put(guarantorContact(2), contact2);
    variables.put(guarantorAmount(2), amount2);
    variables.put(guarantorName(3), "");
    variables.put(guarantorContact(3), "");
    variables.put(guarantorAmount(3), null);
    return variables;
  }

  private void insertLoan(String reference, BigDecimal amount) {
    LocalDateTime now = LocalDateTime.now();
    long applicantId = jdbc.sql("""
            INSERT INTO applicant (first_name, last_name, created_at)
            VALUES ('Leyla', 'Aksoy', :now) RETURNING id""")
        .param("now", now).query(Long.class).single();
    long businessId = jdbc.sql("""
            INSERT INTO business (applicant_id, name, stage, quarter_code, created_at)
            VALUES (:applicant, 'Änderungsschneiderei Aksoy', 'EXISTING', 'offenbach', :now) RETURNING id""")
        .param("applicant", applicantId).param("now", now).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO loan (reference, applicant_id, business_id, quarter_code, purpose, amount, state,
                              applied_on, created_at, updated_at)
            VALUES (:reference, :applicant, :business, 'offenbach', 'Nähmaschine und Ladeneinrichtung',
                    :amount, 'APPLIED', :today, :now, :now)""")
        .param("reference", reference).param("applicant", applicantId).param("business", businessId)
        .param("amount", amount).param("today", LocalDate.now()).param("now", now)
        .update();
  }

  /** Tasklist finds the Camunda Form through formRef record-guarantors in the same deployment. */
  private void assertDeployedForm(String taskId) {
    try (var form = formService.getDeployedTaskForm(taskId)) {
      org.assertj.core.api.Assertions.assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .contains("\"id\": \"" + GuarantorCheckProcess.FORM_RECORD_GUARANTORS + "\"")
          .contains("\"schemaVersion\": 16");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertGuarantorRows(int count, String sum) {
    var rows = jdbc.sql("""
            SELECT count(*) AS n, sum(g.guaranteed_amount) AS total
            FROM guarantor g JOIN loan l ON l.id = g.loan_id WHERE l.reference = :reference""")
        .param("reference", loanReference)
        .query((rs, row) -> new Object[] {rs.getInt("n"), rs.getBigDecimal("total")})
        .single();
    org.assertj.core.api.Assertions.assertThat(rows[0]).isEqualTo(count);
    org.assertj.core.api.Assertions.assertThat(rows[1]).isEqualTo(sum == null ? null : new BigDecimal(sum));
  }
}
