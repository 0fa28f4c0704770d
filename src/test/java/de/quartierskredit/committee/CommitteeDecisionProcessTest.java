package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.committee.CommitteeDecisionProcess.Activities;
import de.quartierskredit.committee.CommitteeDecisionProcess.CapacityActions;
import de.quartierskredit.committee.CommitteeDecisionProcess.Decisions;
import de.quartierskredit.committee.CommitteeDecisionProcess.Outcomes;
import de.quartierskredit.fund.FundTestLoans;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.shared.Roles;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
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

/** The Vergabeausschuss process (committee-decision): every path, its tasks' groups and the loan it leaves. */
@QuartierskreditTest
class CommitteeDecisionProcessTest {

  static final String OFFENBACH = "offenbach";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired LocalFundRepository funds;
  @Autowired CommitteeDecisionRepository decisions;
  @Autowired JdbcClient jdbc;

  FundTestLoans testLoans;

  @BeforeEach
  void setUp() {
    init(processEngine);
    testLoans = new FundTestLoans(loans, funds, jdbc);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    testLoans.cleanUp();
  }

  @Test
  void shouldApproveAndReserveTheAmountWhenTheFundHasCapacity() {
    Loan loan = testLoans.apply(OFFENBACH, "5000.00");
    ProcessInstance pi = start(loan);

    assertThat(pi).isWaitingAt(Activities.PREPARE_DECISION_TEMPLATE);
    assertThat(task(pi)).hasCandidateGroup(Roles.advisors(OFFENBACH)).hasCandidateGroup(Roles.MICROFINANCER);
    prepareTemplate(pi);
    assertThat(pi).hasPassed(Activities.COMPILE_DOSSIER).isWaitingAt(Activities.DECIDE_APPLICATION);
    assertThat(task(pi)).hasCandidateGroup(Roles.committee(OFFENBACH));
    assertThat((String) runtimeService.getVariable(pi.getId(), DOSSIER_MARKDOWN))
        .contains(loan.reference()).contains("Aylin Demir").contains("5.000,00 EUR")
        .contains("Freie Kapazität des Haftungsfonds Offenbach").contains("Bewilligung empfohlen");

    // claimed, not authenticated: the coverage listener cannot read the definition as a committee member;
    // Tasklist completes authenticated, and the listener prefers the authenticated user over the assignee
    taskService.claim(task(pi).getId(), "sven");
    decide(pi, Decisions.APPROVE, "Tragfähiges Konzept, Bürgen vorhanden.", 3, 0, 0);
    assertThat(pi).isWaitingAt(Activities.RESERVE_FUND_CAPACITY);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED).variables().containsEntry(OUTCOME, Outcomes.APPROVED);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPROVED);
    assertThat(stored.liableParty()).isEqualTo(LiableParty.LOCAL_FUND);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("5000.00");
    assertThat(decisions.findByLoan(loan.reference())).singleElement().satisfies(d -> {
      assertThat(d.decision().decision()).isEqualTo(Decisions.APPROVE);
      assertThat(d.decision().votesFor()).isEqualTo(3);
      assertThat(d.decidedBy()).isEqualTo("sven");
      assertThat(d.amount()).isEqualByComparingTo("5000.00");
      assertThat(d.decidedAt()).isNotNull();
    });
  }

  @Test
  void shouldReserveTheSmallerAmountWhenTheFundLacksCapacityAndTheAmountIsReduced() {
    Loan loan = testLoans.apply(OFFENBACH, "5000.00");
    testLoans.leaveFree(OFFENBACH, "3000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    decide(pi, Decisions.APPROVE, "Bewilligt.", 2, 1, 0);
    execute(job(pi));

    assertThat(pi).isWaitingAt(Activities.AWAIT_FUND_CAPACITY);
    assertThat(task(pi)).hasCandidateGroup(Roles.MICROFINANCER).hasCandidateGroup(Roles.advisors(OFFENBACH));
    assertThat((String) runtimeService.getVariable(pi.getId(), FUND_CAPACITY_REASON))
        .startsWith("Freie Kapazität des Haftungsfonds Offenbach: 3.000,00 EUR; beantragt: 5.000,00 EUR.");
    assertThat(loans.findByReference(loan.reference()).orElseThrow().state()).isEqualTo(LoanState.APPLIED);

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(),
        withVariables(CAPACITY_ACTION, CapacityActions.REDUCE, REDUCED_AMOUNT, 6000L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("zwischen 500,00 EUR und dem bisherigen Betrag");
    assertThat(pi).isWaitingAt(Activities.AWAIT_FUND_CAPACITY);

    complete(task(pi), withVariables(CAPACITY_ACTION, CapacityActions.REDUCE, REDUCED_AMOUNT, 3000L));
    assertThat(pi).hasPassed(Activities.REDUCE_AMOUNT).isWaitingAt(Activities.RESERVE_FUND_CAPACITY);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPROVED);
    assertThat(stored.amount()).isEqualByComparingTo("3000.00");
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("3000.00");
    assertThat(testLoans.committed(OFFENBACH)).isEqualByComparingTo(testLoans.capacity(OFFENBACH));
  }

  @Test
  void shouldApproveOnRetryWhenCapacityWasFreedMeanwhile() {
    Loan loan = testLoans.apply(OFFENBACH, "5000.00");
    String filler = testLoans.leaveFree(OFFENBACH, "4000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    decide(pi, Decisions.APPROVE, "Bewilligt.", 3, 0, 1);
    execute(job(pi));
    assertThat(pi).isWaitingAt(Activities.AWAIT_FUND_CAPACITY);

    // meanwhile another loan of the quarter repays 1,000 EUR: 5,000 EUR are free now
    jdbc.sql("UPDATE loan SET outstanding_principal = outstanding_principal - 1000 WHERE reference = :filler")
        .param("filler", filler).update();
    complete(task(pi), withVariables(CAPACITY_ACTION, CapacityActions.RETRY));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED);
    assertThat(loans.findByReference(loan.reference()).orElseThrow().reservedPrincipal()).isEqualByComparingTo("5000.00");
  }

  @Test
  void shouldWithdrawWithoutReservingWhenTheFundLacksCapacityAndTheApplicationIsWithdrawn() {
    Loan loan = testLoans.apply(OFFENBACH, "5000.00");
    testLoans.leaveFree(OFFENBACH, "4999.99");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    decide(pi, Decisions.APPROVE, "Bewilligt.", 3, 0, 0);
    execute(job(pi));
    assertThat(pi).isWaitingAt(Activities.AWAIT_FUND_CAPACITY);

    complete(task(pi), withVariables(CAPACITY_ACTION, CapacityActions.WITHDRAW));

    assertThat(pi).isEnded().hasPassed(Activities.WITHDRAWN).variables().containsEntry(OUTCOME, Outcomes.WITHDRAWN);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.WITHDRAWN);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("0.00");
    assertThat(stored.liableParty()).isNull();
  }

  @Test
  void shouldEndRejectedWithoutReservationWhenTheCommitteeRejects() {
    Loan loan = testLoans.apply(OFFENBACH, "7000.00", true);
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    assertThat((String) runtimeService.getVariable(pi.getId(), DOSSIER_MARKDOWN)).contains("bezieht SGB II")
        .contains("**Achtung:**");
    assertThat(runtimeService.getVariable(pi.getId(), SGB2_WARNING)).isEqualTo(true);

    decide(pi, Decisions.REJECT, "Betrag für die Haushaltslage zu hoch.", 0, 3, 0);

    assertThat(pi).isEnded().hasPassed(Activities.REJECT_APPLICATION, Activities.REJECTED)
        .hasNotPassed(Activities.RESERVE_FUND_CAPACITY).variables().containsEntry(OUTCOME, Outcomes.REJECTED);
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.REJECTED);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("0.00");
    assertThat(decisions.findByLoan(loan.reference())).extracting(d -> d.decision().decision())
        .containsExactly(Decisions.REJECT);
  }

  @Test
  void shouldShowTheQuestionInTheTemplateWhenTheCommitteeReturnsItAndApproveAfterwards() {
    Loan loan = testLoans.apply(OFFENBACH, "4000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);

    decide(pi, Decisions.RETURN, "Wie hoch sind die monatlichen Fixkosten?", 0, 0, 0);

    assertThat(pi).isWaitingAt(Activities.PREPARE_DECISION_TEMPLATE)
        .variables().containsEntry(COMMITTEE_QUESTION, "Wie hoch sind die monatlichen Fixkosten?");
    assertThat(task(pi)).hasCandidateGroup(Roles.advisors(OFFENBACH));
    prepareTemplate(pi);
    decide(pi, Decisions.APPROVE, "Fixkosten geklärt.", 3, 0, 0);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED);
    assertThat(decisions.findByLoan(loan.reference())).extracting(d -> d.decision().decision())
        .containsExactly(Decisions.RETURN, Decisions.APPROVE);
  }

  @Test
  void shouldLetTheMicrofinancerDecideAndCarryTheRiskWhenTheLoanIsOutsideTheQuarters() {
    Loan loan = testLoans.apply(null, "6000.00");
    ProcessInstance pi = start(loan);
    assertThat(task(pi)).hasCandidateGroup(Roles.MICROFINANCER);
    prepareTemplate(pi);
    assertThat(task(pi)).hasCandidateGroup(Roles.MICROFINANCER);
    decide(pi, Decisions.APPROVE, "Bewilligt.", 1, 0, 0);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED).variables()
        .containsEntry(LIABLE_PARTY, LiableParty.MICROFINANCER.name());
    Loan stored = loans.findByReference(loan.reference()).orElseThrow();
    assertThat(stored.state()).isEqualTo(LoanState.APPROVED);
    assertThat(stored.liableParty()).isEqualTo(LiableParty.MICROFINANCER);
    assertThat(stored.reservedPrincipal()).isEqualByComparingTo("0.00");
  }

  @Test
  void shouldAskTheMicrofinancerToChaseTheCommitteeWhenTheDecisionIsPendingForFourteenDays() {
    ClockUtil.setCurrentTime(ClockUtil.now()); // one moment for the task and its timer
    Loan loan = testLoans.apply(OFFENBACH, "3000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);

    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()))
        .isBetween(Duration.ofDays(14).minusMinutes(1), Duration.ofDays(14));
    // the decision is due when the reminder comes: Tasklist shows it overdue from then on
    assertThat(task(Activities.DECIDE_APPLICATION, pi)).hasDueDate(timer.getDuedate());
    managementService.executeJob(timer.getId());

    assertThat(pi).isWaitingAt(Activities.DECIDE_APPLICATION, Activities.REMIND_COMMITTEE);
    assertThat(task(Activities.REMIND_COMMITTEE, pi)).hasCandidateGroup(Roles.MICROFINANCER);
    complete(task(Activities.REMIND_COMMITTEE, pi), withVariables("committeeReminded", true));
    assertThat(pi).hasPassed(Activities.COMMITTEE_REMINDED).isWaitingAt(Activities.DECIDE_APPLICATION);

    complete(task(Activities.DECIDE_APPLICATION, pi), decision(Decisions.REJECT, "Kein tragfähiges Konzept.", 0, 2, 1));
    assertThat(pi).isEnded().hasPassed(Activities.REJECTED);
  }

  @Test
  void shouldEndAnOpenReminderWhenTheCommitteeDecides() {
    Loan loan = testLoans.apply(OFFENBACH, "3000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    managementService.executeJob(
        managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());

    complete(task(Activities.DECIDE_APPLICATION, pi), decision(Decisions.APPROVE, "Bewilligt.", 2, 0, 0));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED).hasNotPassed(Activities.COMMITTEE_REMINDED);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void shouldRefuseTheDecisionAndKeepTheTaskOpenWhenTheVotesContradictIt() {
    Loan loan = testLoans.apply(OFFENBACH, "3000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), decision(Decisions.APPROVE, "Bewilligt.", 1, 2, 0)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Eine Bewilligung braucht mehr Stimmen dafür als dagegen.");
    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), decision("MAYBE", " ", -1, 0, 0)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Bitte eine Entscheidung wählen").hasMessageContaining("Die Begründung fehlt.");

    assertThat(pi).isWaitingAt(Activities.DECIDE_APPLICATION);
    assertThat(decisions.findByLoan(loan.reference())).isEmpty();
    assertThat(loans.findByReference(loan.reference()).orElseThrow().state()).isEqualTo(LoanState.APPLIED);
  }

  @Test
  void shouldRefuseTheTemplateWhenAGuidingQuestionIsUnanswered() {
    ProcessInstance pi = start(testLoans.apply(OFFENBACH, "3000.00"));

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), withVariables(
            IMPROVES_SITUATION, "Ja, eigenes Einkommen.", CAN_REPAY, "", RECOMMENDATION, "APPROVE")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ob die Person zurückzahlen kann und will, fehlt");
    assertThat(pi).isWaitingAt(Activities.PREPARE_DECISION_TEMPLATE);
  }

  private ProcessInstance start(Loan loan) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(LOAN_REFERENCE, loan.reference());
    variables.put(QUARTER_CODE, loan.quarterCode());
    variables.put(ADVISOR_GROUP, loan.isQuarterLoan() ? Roles.advisors(loan.quarterCode()) : Roles.MICROFINANCER);
    variables.put(COMMITTEE_GROUP, loan.isQuarterLoan() ? Roles.committee(loan.quarterCode()) : Roles.MICROFINANCER);
    return runtimeService.startProcessInstanceByKey(CommitteeDecisionProcess.KEY, loan.reference(), variables);
  }

  private void prepareTemplate(ProcessInstance pi) {
    complete(task(Activities.PREPARE_DECISION_TEMPLATE, pi), withVariables(
        IMPROVES_SITUATION, "Ja: eigenes Einkommen statt Aufstockung, eine Teilzeitstelle.",
        CAN_REPAY, "Ja: Rate 120 EUR, auch aus dem Minijob tragbar.",
        RECOMMENDATION, "APPROVE",
        TEMPLATE_NOTES, "Begleitung durch die Quartiersberatung zugesagt."));
  }

  private void decide(ProcessInstance pi, String decision, String reason, int votesFor, int votesAgainst, int abstentions) {
    complete(task(Activities.DECIDE_APPLICATION, pi), decision(decision, reason, votesFor, votesAgainst, abstentions));
  }

  /** An approval also says why the committee approves without the documents (these loans have none). */
  private static Map<String, Object> decision(String decision, String reason, long votesFor, long votesAgainst,
      long abstentions) {
    Map<String, Object> variables = withVariables(DECISION, decision, DECISION_REASON, reason, VOTES_FOR, votesFor,
        VOTES_AGAINST, votesAgainst, ABSTENTIONS, abstentions);
    if (Decisions.APPROVE.equals(decision)) {
      variables.put(MISSING_DOCUMENTS_REASON, PAPER);
    }
    return variables;
  }

  static final String PAPER = "Die Unterlagen lagen dem Ausschuss in der Sitzung auf Papier vor.";

  @Test
  void shouldRefuseAnApprovalWhileRequiredDocumentsAreMissingUnlessTheCommitteeSaysWhy() {
    Loan loan = testLoans.apply(OFFENBACH, "3000.00");
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    assertThat((String) runtimeService.getVariable(pi.getId(), DOSSIER_MARKDOWN))
        .contains("### Unterlagen").contains("Personalausweis oder Pass: **fehlt**")
        .contains("[Unterlagen zum Kredit " + loan.reference() + "](/api/loans/" + loan.reference() + "/unterlagen)");
    Map<String, Object> withoutReason = decision(Decisions.APPROVE, "Tragfähig.", 3, 0, 0);
    withoutReason.remove(MISSING_DOCUMENTS_REASON);

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), withoutReason))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Es fehlen erforderliche Unterlagen: Personalausweis oder Pass, Aktuelle Geschäftszahlen (BWA), "
            + "Einkommensnachweis, Bürgschaftserklärungen.");
    assertThat(pi).isWaitingAt(Activities.DECIDE_APPLICATION);
    assertThat(decisions.findByLoan(loan.reference())).isEmpty();

    decide(pi, Decisions.APPROVE, "Tragfähig.", 3, 0, 0);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED);
    assertThat(decisions.findByLoan(loan.reference())).singleElement().satisfies(d -> {
      assertThat(d.missingDocuments().types())
          .containsExactly("ID_DOCUMENT", "BUSINESS_FIGURES", "PROOF_OF_INCOME", "GUARANTOR_DECLARATIONS");
      assertThat(d.missingDocuments().reason()).isEqualTo(PAPER);
    });
  }

  @Test
  void shouldApproveACompleteApplicationWithoutAReasonAndLinkItsDocumentsInTheDossier() {
    Loan loan = testLoans.apply(OFFENBACH, "3000.00");
    long id = 0;
    for (String type : new String[] {"ID_DOCUMENT", "BUSINESS_FIGURES", "PROOF_OF_INCOME", "GUARANTOR_DECLARATIONS"}) {
      id = storeDocument(loan, type);
    }
    ProcessInstance pi = start(loan);
    prepareTemplate(pi);
    assertThat((String) runtimeService.getVariable(pi.getId(), DOSSIER_MARKDOWN))
        .contains("Bürgschaftserklärungen: [nachweis.pdf](/api/loans/" + loan.reference() + "/documents/" + id + ")")
        .contains("Businessplan (freiwillig): nicht eingereicht").doesNotContain("**fehlt**");
    Map<String, Object> withoutReason = decision(Decisions.APPROVE, "Vollständig und tragfähig.", 3, 0, 0);
    withoutReason.remove(MISSING_DOCUMENTS_REASON);

    complete(task(Activities.DECIDE_APPLICATION, pi), withoutReason);
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(Activities.APPROVED);
    assertThat(decisions.findByLoan(loan.reference())).singleElement().satisfies(d -> {
      assertThat(d.missingDocuments().types()).isEmpty();
      assertThat(d.missingDocuments().reason()).isNull();
    });
  }

  /** A current PDF of one checklist item, stored as an upload stores it. */
  private long storeDocument(Loan loan, String type) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO loan_document (loan_id, stage, document_type, file_name, content_type, size_bytes, sha256,
                                       storage, uploaded_by, uploaded_at)
            VALUES (:loan, 'APPLICATION', :type, 'nachweis.pdf', 'application/pdf', 9, :sha, 'DATABASE', 'anna',
                    CURRENT_TIMESTAMP)""")
        .param("loan", loan.id()).param("type", type).param("sha", "0".repeat(64)).update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("INSERT INTO loan_document_content (document_id, content) VALUES (:id, :content)")
        .param("id", id).param("content", "%PDF-%%EOF".getBytes()).update();
    return id;
  }

}
