package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@QuartierskreditTest
class LoanApplicationProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void logout() {
    identityService.clearAuthentication();
  }

  static Map<String, Object> application(String quarter, Object amount) {
    Map<String, Object> v = new HashMap<>();
    v.put("applicantFirstName", "Ayşe");
    v.put("applicantLastName", "Demir");
    v.put("applicantEmail", "ayse.demir@example.org");
    v.put("applicantPhone", "069 123456");
    v.put("sgb2Recipient", false);
    v.put("businessName", "Änderungsschneiderei Demir");
    v.put("businessStage", "NEW_FOUNDER");
    v.put("businessSector", "Handwerk");
    v.put("businessStreet", "Frankfurter Straße 12");
    v.put("businessPostalCode", "63065");
    v.put("businessCity", "Offenbach am Main");
    v.put("quarterCode", quarter);
    v.put("loanPurpose", "Industrienähmaschine und Ladeneinrichtung");
    v.put("commercialPurpose", true);
    v.put("loanAmount", amount);
    return v;
  }

  private ProcessInstance startAsAnna(Map<String, Object> variables) {
    identityService.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      return runtimeService.startProcessInstanceByKey(LoanApplicationProcess.KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAsAnna(String taskId, Map<String, Object> variables) {
    identityService.setAuthentication("anna", List.of("advisors-offenbach"));
    try {
      processEngine.getTaskService().complete(taskId, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Map<String, Object> advice(String outcome, String potential, boolean handicap) {
    Map<String, Object> v = new HashMap<>(withVariables(
        "adviceOutcome", outcome, "businessPotential", potential, "handicapMigration", handicap,
        "commercialPurpose", true, "expectedMonthlyProfit", 1800L, "jobsCreatedOrKept", 2L));
    return v;
  }

  private Loan loanOf(ProcessInstance instance) {
    return loans.findByReference(instance.getBusinessKey() != null ? instance.getBusinessKey()
        : (String) runtimeService.getVariable(instance.getId(), "loanReference")).orElseThrow();
  }

  @Nested
  class Start {

    @Test
    void shouldRegisterTheLoanAndWaitForAdviceWhenTheApplicationIsValid() {
      ProcessInstance instance = startAsAnna(application("offenbach", 5000L));

      assertThat(instance).isWaitingAt(ADVISE).hasBusinessKey(loanOf(instance).reference());
      // the advice opens in the task list of the advisor who recorded the application, reference and all
      assertThat(task(instance)).isAssignedTo("anna");
      org.assertj.core.api.Assertions.assertThat(processEngine.getTaskService().getIdentityLinksForTask(
          task(instance).getId())).extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
          .contains("advisors-offenbach");
      Loan loan = loanOf(instance);
      org.assertj.core.api.Assertions.assertThat(loan.state()).isEqualTo(LoanState.APPLIED);
      org.assertj.core.api.Assertions.assertThat(loan.amount()).isEqualByComparingTo("5000.00");
      org.assertj.core.api.Assertions.assertThat(loan.reference()).matches("QK-\\d{4}-\\d{6}");
      assertThat(instance).variables().containsEntry("loanAmount", "5000.00")
          .containsEntry("quarterName", "Offenbach")
          .doesNotContainKeys("advisorGroup", "committeeGroup"); // groups come from the loan row (caseLoan)
    }

    @Test
    void shouldGiveTheCaseToTheMicrofinancerWhenTheBusinessIsOutsideTheQuarters() {
      ProcessInstance instance = startAsAnna(application("OUTSIDE", 3000.5d));

      assertThat(task(instance)).hasCandidateGroup("microfinancer");
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).quarterCode()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"499.99", "20000.01", "-5", "abc", "12.345"})
    void shouldRefuseAnAmountOutsideTheBoundsAndStoreNothing(String amount) {
      long loansBefore = loanCount();
      long instancesBefore = runtimeService.createProcessInstanceQuery().count();

      assertThatThrownBy(() -> startAsAnna(application("offenbach", amount)))
          .hasRootCauseInstanceOf(InputRefusedException.class)
          .hasMessageContaining("„Kreditbetrag (EUR)“");

      org.assertj.core.api.Assertions.assertThat(loanCount()).isEqualTo(loansBefore);
      org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery().count())
          .isEqualTo(instancesBefore);
    }

    @Test
    void shouldNameEveryMissingFieldWhenTheFormIsBypassed() {
      Map<String, Object> empty = new HashMap<>();
      empty.put("loanAmount", 20000L);

      assertThatThrownBy(() -> startAsAnna(empty))
          .satisfies(e ->
              org.assertj.core.api.Assertions.assertThat(InputRefusedException.in(e).orElseThrow().errors()).extracting(FieldError::field)
                  .contains("applicantFirstName", "applicantLastName", "businessName", "businessStage",
                      "quarterCode", "loanPurpose", "commercialPurpose")
                  .doesNotContain("loanAmount"));
    }

    @Test
    void shouldRefuseAnAdvisorRecordingForAnotherQuarter() {
      identityService.setAuthentication("lars", List.of("advisors-leipzig"));
      try {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(LoanApplicationProcess.KEY,
            application("offenbach", 5000L)))
            .isInstanceOf(AuthorizationException.class)
            .hasMessageContaining("eigenes Quartier");
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  @Nested
  class Advice {

    @Test
    void shouldEndAsSuccessOfAdviceWhenOtherFinancingIsFound() {
      ProcessInstance instance = startAsAnna(application("offenbach", 8000L));

      complete(task(instance), withVariables("adviceOutcome", "OTHER_FINANCING"));

      assertThat(instance).hasPassed(END_OTHER_FINANCING).isEnded();
      Loan loan = loanOf(instance);
      org.assertj.core.api.Assertions.assertThat(loan.state()).isEqualTo(LoanState.ENDED_BY_ADVICE);
    }

    @Test
    void shouldContinueWithTheSmallerAmountWhenTheNeedIsReduced() {
      ProcessInstance instance = startAsAnna(application("offenbach", 8000L));
      Map<String, Object> advice = advice("NEED_REDUCED", "HIGH", true);
      advice.put("reducedAmount", 6000.0d);

      complete(task(instance), advice);

      assertThat(instance).hasPassed(RECORD_REDUCED_NEED, CHECK_ELIGIBILITY).isWaitingAt(GUARANTOR_CHECK);
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).amount()).isEqualByComparingTo("6000.00");
      org.assertj.core.api.Assertions.assertThat(jdbc.sql("SELECT requested_amount FROM loan WHERE reference = :r")
          .param("r", loanOf(instance).reference()).query(BigDecimal.class).single()).isEqualByComparingTo("8000.00");
      assertThat(calledProcessInstance("guarantor-check", instance)).hasBusinessKey(loanOf(instance).reference())
          .variables().containsEntry("loanAmountText", "6.000,00 EUR").containsEntry("guarantorCoverageRequired", "3000.00")
          .doesNotContainKey("loanAmount"); // the call hands down the business key only
    }

    @Test
    void shouldKeepTheAdviceTaskOpenWhenTheReducedAmountIsNotSmaller() {
      ProcessInstance instance = startAsAnna(application("offenbach", 8000L));
      Map<String, Object> advice = advice("NEED_REDUCED", "HIGH", true);
      advice.put("reducedAmount", 9000L);

      assertThatThrownBy(() -> complete(task(instance), advice))
          .hasRootCauseInstanceOf(InputRefusedException.class)
          .hasMessageContaining("„Neuer Kreditbetrag (EUR)“: Der reduzierte Bedarf muss unter dem bisherigen Betrag "
              + "von 8.000,00 EUR liegen.");

      assertThat(instance).isWaitingAt(ADVISE);
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).amount()).isEqualByComparingTo("8000.00");
    }
  }

  @Nested
  class Eligibility {

    @ParameterizedTest
    @CsvSource({"HIGH,false,REFER_TO_BANK", "LOW,false,BANK_ONLY_IF_FULLY_SECURED", "LOW,true,SOCIAL_PROJECT"})
    void shouldEndWithTheReferralRecordedWhenNotTheMicrocreditTargetGroup(String potential, boolean handicap,
        String route) {
      ProcessInstance instance = startAsAnna(application("offenbach", 5000L));

      completeAsAnna(task(instance).getId(), advice("CONTINUE", potential, handicap));

      // nothing silent: the advisor who advised learns that and why the case was referred
      assertThat(instance).isWaitingAt(EXPLAIN_REFERRAL);
      assertThat(task(instance)).isAssignedTo("anna");
      Map<String, Object> shown = processEngine.getTaskService().getVariablesLocal(task(instance).getId());
      org.assertj.core.api.Assertions.assertThat(shown).containsEntry("caseOutcome", "Weiterverwiesen");
      org.assertj.core.api.Assertions.assertThat((String) shown.get("caseOutcomeReason")).contains("Verweis");
      complete(task(instance), withVariables("applicantInformedVia", "PHONE"));

      assertThat(instance).hasPassed(EXPLAIN_REFERRAL, END_REFERRED).isEnded();
      Loan loan = loanOf(instance);
      org.assertj.core.api.Assertions.assertThat(loan.state()).isEqualTo(LoanState.REFERRED);
      org.assertj.core.api.Assertions.assertThat(jdbc.sql(
              "SELECT eligibility_route || '|' || ended_reason FROM loan WHERE reference = :r")
          .param("r", loan.reference()).query(String.class).single())
          .startsWith(route + "|").contains("Verweis");
    }

    @Test
    void shouldReferWhenThePurposeIsNotCommercial() {
      ProcessInstance instance = startAsAnna(application("offenbach", 5000L));
      Map<String, Object> advice = advice("CONTINUE", "HIGH", true);
      advice.put("commercialPurpose", false);

      complete(task(instance), advice);

      assertThat(instance).isWaitingAt(EXPLAIN_REFERRAL);
      assertThat(instance).variables().containsEntry("eligibilityRoute", "NOT_ELIGIBLE");
      // the advice task was anna's (she recorded the application), so the notice is hers too
      assertThat(task(instance)).isAssignedTo("anna");
      complete(task(instance), withVariables("applicantInformedVia", "LETTER"));
      assertThat(instance).hasPassed(END_REFERRED).isEnded();
    }

    @Test
    void shouldRefuseTheAdviceWithoutAPotentialAssessment() {
      ProcessInstance instance = startAsAnna(application("offenbach", 5000L));

      assertThatThrownBy(() -> complete(task(instance), withVariables("adviceOutcome", "CONTINUE")))
          .hasRootCauseInstanceOf(InputRefusedException.class);

      assertThat(instance).isWaitingAt(ADVISE);
    }
  }

  @Nested
  class Guarantors {

    private ProcessInstance atGuarantorCheck() {
      ProcessInstance instance = startAsAnna(application("offenbach", 5000L));
      complete(task(instance), advice("CONTINUE", "HIGH", true));
      assertThat(instance).isWaitingAt(GUARANTOR_CHECK);
      return instance;
    }

    @Test
    void shouldEndFinancedPrivatelyWhenAGuarantorLendsTheMoney() {
      ProcessInstance instance = atGuarantorCheck();
      ProcessInstance child = calledProcessInstance("guarantor-check", instance);

      complete(task(child), withVariables("guarantorDecision", "PRIVATE"));

      assertThat(instance).hasPassed(END_FINANCED_PRIVATELY).isEnded();
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).state()).isEqualTo(LoanState.FINANCED_PRIVATELY);
    }

    @Test
    void shouldEndWithdrawnWhenTheApplicantWithdrawsAtTheGuarantorCheck() {
      ProcessInstance instance = atGuarantorCheck();
      ProcessInstance child = calledProcessInstance("guarantor-check", instance);

      complete(task(child), withVariables("guarantorDecision", "WITHDRAWN"));

      assertThat(instance).hasPassed(END_WITHDRAWN).isEnded();
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).state()).isEqualTo(LoanState.WITHDRAWN);
    }

    @Test
    void shouldGoToTheCommitteeWhenTheGuarantorsSuffice() {
      ProcessInstance instance = atGuarantorCheck();
      ProcessInstance child = calledProcessInstance("guarantor-check", instance);

      complete(task(child), guarantors());
      execute(job(child));

      assertThat(child).isEnded();
      assertThat(instance).isWaitingAt(COMMITTEE);
    }
  }

  /** The whole origination on PostgreSQL: advice, eligibility, guarantors, committee, fund, bank. */
  @Nested
  class CommitteeAndBank {

    private FundRoom room;

    /** Other test classes leave Offenbach loans outstanding: make sure this approval finds capacity. */
    @BeforeEach
    void roomInTheOffenbachFund() {
      room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"));
    }

    @AfterEach
    void restoreTheFund() {
      room.close();
    }

    private ProcessInstance atCommittee(String quarter, long amount) {
      ProcessInstance instance = startAsAnna(application(quarter, amount));
      complete(task(instance), advice("CONTINUE", "HIGH", true));
      ProcessInstance guarantorCheck = calledProcessInstance("guarantor-check", instance);
      complete(task(guarantorCheck), guarantors());
      execute(job(guarantorCheck));
      assertThat(instance).isWaitingAt(COMMITTEE);
      ProcessInstance committee = calledProcessInstance("committee-decision", instance);
      complete(task(committee), withVariables(
          "templateImprovesSituation", "Ja: eigenes Einkommen, ein Arbeitsplatz mehr.",
          "templateCanRepay", "Ja: Rate von rund 230 EUR ist aus dem Umsatz tragbar.",
          "templateRecommendation", "APPROVE"));
      assertThat(task(committee)).hasCandidateGroup("committee-offenbach");
      return committee;
    }

    private ProcessInstance parentOf(ProcessInstance child) {
      return runtimeService.createProcessInstanceQuery()
          .subProcessInstanceId(child.getId()).singleResult();
    }

    @Test
    void shouldDisburseTheLoanWhenTheCommitteeApprovesAndTheBankConfirms() {
      ProcessInstance committee = atCommittee("offenbach", 5000L);
      ProcessInstance instance = parentOf(committee);
      assertThat(committee).variables().extractingByKey("dossierMarkdown").asString()
          .contains("Ayşe Demir").contains("Zielgruppe Mikrokredit").contains("Jonas Weber").contains("5.000,00 EUR");

      complete(task(committee), withVariables("committeeDecision", "APPROVE",
          "committeeDecisionReason", "Tragfähiges Konzept, gute Bürgen.", "votesFor", 3L, "votesAgainst", 0L,
          "abstentions", 0L, "missingDocumentsReason", "Die Unterlagen lagen in der Sitzung auf Papier vor."));
      execute(job(committee));

      assertThat(committee).isEnded();
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).state()).isEqualTo(LoanState.APPROVED);
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).reservedPrincipal()).isEqualByComparingTo("5000.00");
      assertThat(instance).isWaitingAt(BANK_CONTRACT);
      ProcessInstance bank = calledProcessInstance("bank-contract", instance);
      execute(job(bank));
      String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
      complete(task(bank), withVariables("contractNumber", "GLS-2026-0100", "contractSignedOn", today));
      complete(task(bank), withVariables("disbursedOn", today, "disbursedAmount", 5000.0d));
      assertThat(instance).isWaitingAt(START_SERVICING);
      execute(job(instance));

      assertThat(instance).hasPassed(START_SERVICING, END_DISBURSED).isEnded();
      ProcessInstance servicing = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(LoanServicingProcess.KEY).processInstanceBusinessKey(loanOf(instance).reference())
          .singleResult();
      assertThat(servicing).isNotNull().isWaitingAt(LoanServicingProcess.Activities.LOAN_COURSE);
      assertThat(servicing).variables().containsEntry("loanReference", loanOf(instance).reference())
          .doesNotContainKeys("quarterCode", "advisorGroup");
      Loan loan = loanOf(instance);
      org.assertj.core.api.Assertions.assertThat(loan.state()).isEqualTo(LoanState.ACTIVE);
      org.assertj.core.api.Assertions.assertThat(loan.outstandingPrincipal()).isEqualByComparingTo("5000.00");
      org.assertj.core.api.Assertions.assertThat(loan.reservedPrincipal()).isEqualByComparingTo("0.00");
      org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
              SELECT sum(l.principal) FROM repayment_schedule s JOIN repayment_schedule_line l ON l.schedule_id = s.id
              WHERE s.loan_id = :id AND s.current""").param("id", loan.id()).query(BigDecimal.class).single())
          .isEqualByComparingTo("5000.00");
    }

    @Test
    void shouldEndRejectedWhenTheCommitteeRejects() {
      ProcessInstance committee = atCommittee("offenbach", 4000L);
      ProcessInstance instance = parentOf(committee);

      complete(task(committee), withVariables("committeeDecision", "REJECT",
          "committeeDecisionReason", "Rückzahlung bei Aufgabe des Geschäfts nicht gesichert.", "votesFor", 0L,
          "votesAgainst", 3L, "abstentions", 0L));

      assertThat(instance).isWaitingAt(EXPLAIN_REJECTION);
      org.assertj.core.api.Assertions.assertThat(processEngine.getTaskService()
              .getVariablesLocal(task(instance).getId()))
          .containsEntry("caseOutcome", "Abgelehnt")
          .containsEntry("caseOutcomeReason",
              "Vom Vergabeausschuss abgelehnt: Rückzahlung bei Aufgabe des Geschäfts nicht gesichert.");
      complete(task(instance), withVariables("applicantInformedVia", "VISIT",
          "applicantInformedNote", "Gründungsberatung der IHK empfohlen."));
      assertThat(instance).hasPassed(EXPLAIN_REJECTION, END_REJECTED).isEnded();
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).state()).isEqualTo(LoanState.REJECTED);
      org.assertj.core.api.Assertions.assertThat(loanOf(instance).reservedPrincipal()).isEqualByComparingTo("0.00");
    }
  }

  static Map<String, Object> guarantors() {
    return withVariables("guarantorDecision", "RECORDED",
        "guarantor1Name", "Jonas Weber", "guarantor1Contact", "0151 555", "guarantor1Amount", 1500L,
        "guarantor2Name", "Mehmet Kaya", "guarantor2Contact", "kaya@example.org", "guarantor2Amount", 1000.0d);
  }

  private long loanCount() {
    return jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single();
  }
}
