package de.quartierskredit.committee;

import static de.quartierskredit.committee.CommitteeDecisionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.committee.CommitteeDecisionProcess.Activities;
import de.quartierskredit.fund.FundTestLoans;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The committee's approval without documents as Tasklist submits it: refused with the German sentence
 * naming the missing documents (400, never a 500), and a member cannot declare the documents complete
 * by sending the list himself; the missing documents are read from the loan, not from the form.
 */
@QuartierskreditTest
class MissingDocumentsThroughTasklistTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired LoanRepository loans;
  @Autowired LocalFundRepository funds;
  @Autowired CommitteeDecisionRepository decisions;
  @Autowired JdbcClient jdbc;

  FundTestLoans testLoans;
  final java.util.List<String> started = new java.util.ArrayList<>();

  @BeforeEach
  void setUp() {
    testLoans = new FundTestLoans(loans, funds, jdbc);
  }

  @AfterEach
  void tearDown() {
    started.stream().filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtimeService.deleteProcessInstance(id, "Test beendet"));
    testLoans.cleanUp();
  }

  @Test
  void shouldRefuseAnApprovalWithoutDocumentsOrReasonInGerman() {
    Loan loan = testLoans.apply("offenbach", "2500.00");
    String task = decisionTask(loan);

    ResponseEntity<String> refused = submit(task, """
        {"variables": {"committeeDecision": {"value": "APPROVE"}, "committeeDecisionReason": {"value": "Tragfähig."},
          "votesFor": {"value": 3}, "votesAgainst": {"value": 0}, "abstentions": {"value": 0}}}""");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Es fehlen erforderliche Unterlagen: Personalausweis oder Pass")
        .doesNotContain("ENGINE-").doesNotContain("ID_DOCUMENT");
    assertThat(decisions.findByLoan(loan.reference())).isEmpty();
  }

  @Test
  void shouldNotLetTheMemberSendTheListOfMissingDocuments() {
    Loan loan = testLoans.apply("offenbach", "2500.00");
    String task = decisionTask(loan);

    ResponseEntity<String> refused = submit(task, """
        {"variables": {"committeeDecision": {"value": "APPROVE"}, "committeeDecisionReason": {"value": "Tragfähig."},
          "votesFor": {"value": 3}, "votesAgainst": {"value": 0}, "abstentions": {"value": 0},
          "missingDocuments": {"value": ""}}}""");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("missingDocuments");
    assertThat(decisions.findByLoan(loan.reference())).isEmpty();
  }

  @Test
  void shouldStoreTheReasonSentWithTheApproval() {
    Loan loan = testLoans.apply("offenbach", "2500.00");
    String task = decisionTask(loan);

    ResponseEntity<String> done = submit(task, """
        {"variables": {"committeeDecision": {"value": "APPROVE"}, "committeeDecisionReason": {"value": "Tragfähig."},
          "votesFor": {"value": 3}, "votesAgainst": {"value": 0}, "abstentions": {"value": 0},
          "missingDocumentsReason": {"value": "  Ausweis und Bescheid lagen im Original vor.  "}}}""");

    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(decisions.findByLoan(loan.reference())).singleElement().satisfies(d -> {
      assertThat(d.decidedBy()).isEqualTo("sven");
      assertThat(d.missingDocuments().reason()).isEqualTo("Ausweis und Bescheid lagen im Original vor.");
      assertThat(d.missingDocuments().types()).contains("ID_DOCUMENT", "GUARANTOR_DECLARATIONS");
    });
  }

  private ResponseEntity<String> submit(String taskId, String json) {
    RestAs sven = RestAs.user(rest, "sven");
    assertThat(sven.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"sven\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return sven.post("/engine-rest/task/" + taskId + "/submit-form", json);
  }

  /** The committee decision of the loan, its template prepared: the decision task's id. */
  private String decisionTask(Loan loan) {
    String pi = runtimeService.startProcessInstanceByKey(CommitteeDecisionProcess.KEY, loan.reference(), Map.of(
        LOAN_REFERENCE, loan.reference(), QUARTER_CODE, loan.quarterCode(),
        ADVISOR_GROUP, Roles.advisors(loan.quarterCode()), COMMITTEE_GROUP, Roles.committee(loan.quarterCode()))).getId();
    started.add(pi);
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId(), Map.of(
        IMPROVES_SITUATION, "Ja: eigenes Einkommen.", CAN_REPAY, "Ja: Rate rund 120 EUR.", RECOMMENDATION, "APPROVE"));
    return taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(Activities.DECIDE_APPLICATION)
        .singleResult().getId();
  }
}
