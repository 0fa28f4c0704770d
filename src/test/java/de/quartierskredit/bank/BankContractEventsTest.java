package de.quartierskredit.bank;

import static de.quartierskredit.bank.BankEventFixtures.JSON;
import static de.quartierskredit.bank.BankEventFixtures.event;
import static de.quartierskredit.contract.BankContractProcess.Activities.ACTIVATE_LOAN;
import static de.quartierskredit.contract.BankContractProcess.Activities.CONFIRM_CONTRACT;
import static de.quartierskredit.contract.BankContractProcess.Activities.CONFIRM_DISBURSEMENT;
import static de.quartierskredit.contract.BankContractProcess.Activities.CONTRACT_SIGNED;
import static de.quartierskredit.contract.BankContractProcess.Activities.LOAN_DISBURSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.shared.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CONTRACT_SIGNED and DISBURSED reach the waiting bank-contract instance (step 8) through the bank events API. */
@QuartierskreditTest
class BankContractEventsTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired Clock clock;

  private BankEventFixtures fixtures;
  private String reference;
  private LocalDate today;

  @BeforeEach
  void approvedLoan() {
    init(processEngine);
    fixtures = new BankEventFixtures(loans, schedules, jdbc, rest);
    today = LocalDate.now(clock);
    reference = fixtures.register(new BigDecimal("5000")).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    jdbc.sql("UPDATE loan SET reserved_principal = amount WHERE reference = :r").param("r", reference).update();
  }

  private ProcessInstance waitingForTheBank() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference, Map.of(
        BankContractProcess.Variables.LOAN_REFERENCE, reference,
        BankContractProcess.Variables.ADVISOR_GROUP, Roles.advisors("offenbach")));
    execute(job(instance));
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    return instance;
  }

  private Map<String, Object> signed(String contractNumber, LocalDate on) {
    Map<String, Object> event = event(reference, BankEventType.CONTRACT_SIGNED, null, on);
    event.put("contractNumber", contractNumber);
    return event;
  }

  private Map<String, Object> disbursed(String amount, LocalDate on) {
    return event(reference, BankEventType.DISBURSED, amount, on);
  }

  private ResponseEntity<String> bank(Object event) {
    return fixtures.post("bernd", event);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private LoanState state() {
    return loans.findByReference(reference).orElseThrow().state();
  }

  @Test
  void shouldSignAndDisburseTheLoanInTheWaitingBankContractInstance() throws Exception {
    ProcessInstance instance = waitingForTheBank();

    ResponseEntity<String> signing = bank(signed("GLS-2026-0900", today.minusDays(1)));

    assertThat(signing.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(signing).get("loanState").asText()).isEqualTo("CONTRACTED");
    assertThat(instance).hasPassed(CONTRACT_SIGNED).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(jdbc.sql("SELECT bank_contract_number FROM loan WHERE reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo("GLS-2026-0900");

    ResponseEntity<String> disbursement = bank(disbursed("5000.00", today));

    assertThat(disbursement.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(disbursement).get("loanState").asText()).isEqualTo("ACTIVE");
    assertThat(json(disbursement).get("outstandingPrincipal").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(instance).hasPassed(ACTIVATE_LOAN, LOAN_DISBURSED).isEnded();
    assertThat(schedules.countVersions(loans.findByReference(reference).orElseThrow().id())).isEqualTo(1);

    ResponseEntity<String> firstInstalment = bank(event(reference, BankEventType.INSTALMENT_PAID,
        "50.00", today));
    assertThat(firstInstalment.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldRepeatTheSigningAnswerWithoutTouchingTheProcessAgain() throws Exception {
    ProcessInstance instance = waitingForTheBank();
    Map<String, Object> signing = signed("GLS-2026-0901", today);
    ResponseEntity<String> first = bank(signing);

    ResponseEntity<String> repeat = bank(signing);

    assertThat(repeat.getBody()).isEqualTo(first.getBody());
    assertThat(instance).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(state()).isEqualTo(LoanState.CONTRACTED);
  }

  @Test
  void shouldAnswer409WhenTheDisbursementArrivesBeforeTheSigningAndAcceptItWhenSentAgainAfterwards()
      throws Exception {
    ProcessInstance instance = waitingForTheBank();
    Map<String, Object> disbursement = disbursed("5000.00", today);

    ResponseEntity<String> early = bank(disbursement);

    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(early).get("detail").asText())
        .contains("ist bewilligt", "im Stand „unterschrieben, noch nicht ausgezahlt“").doesNotContain("APPROVED");
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    assertThat(state()).isEqualTo(LoanState.APPROVED);

    bank(signed("GLS-2026-0902", today));
    ResponseEntity<String> again = bank(disbursement);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(instance).isEnded();
    assertThat(state()).isEqualTo(LoanState.ACTIVE);
  }

  @Test
  void shouldAnswer400NamingTheContractNumberWhenTheBankContractProcessRefusesIt() throws Exception {
    ProcessInstance instance = waitingForTheBank();

    ResponseEntity<String> response = bank(signed("<script>", today));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("contractNumber");
    assertThat(instance).isWaitingAt(CONFIRM_CONTRACT);
    assertThat(state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  void shouldAnswer400NamingTheAmountWhenTheBankPaidOutAnotherAmount() throws Exception {
    ProcessInstance instance = waitingForTheBank();
    bank(signed("GLS-2026-0903", today));

    ResponseEntity<String> response = bank(disbursed("4999.99", today));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("amount");
    assertThat(instance).isWaitingAt(CONFIRM_DISBURSEMENT);
    assertThat(state()).isEqualTo(LoanState.CONTRACTED);
  }

  @Test
  void shouldAnswer409WhenNoBankContractInstanceWaitsForTheSigning() throws Exception {
    ResponseEntity<String> response = bank(signed("GLS-2026-0904", today));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(json(response).get("detail").asText()).contains("wartet");
    assertThat(state()).isEqualTo(LoanState.APPROVED);
    assertThat(jdbc.sql("SELECT count(*) FROM bank_event WHERE loan_reference = :r").param("r", reference)
        .query(Long.class).single()).isZero();
  }
}
