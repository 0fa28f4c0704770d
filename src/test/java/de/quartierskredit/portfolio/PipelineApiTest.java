package de.quartierskredit.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/portfolio/pipeline}: applications before the committee with what their file lacks,
 * committee queues per quarter, contracts the bank has not signed; never a borrower's name.
 */
@QuartierskreditTest
class PipelineApiTest {

  private static final String NAME = "Pipelinetestperson";
  private static final String BUSINESS = "Geheimer Pipelinebetrieb";

  @Autowired TestRestTemplate rest;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired Clock clock;

  private Loan atCommittee;
  private Loan leipzigAtCommittee;
  private Loan stalled;
  private Loan recentlyApproved;
  private LocalDate today;
  private final List<String> instances = new ArrayList<>();

  @BeforeEach
  void buildPipeline() {
    today = LocalDate.now(clock);
    atCommittee = application("offenbach", "3000.00");
    guarantor(atCommittee, "1000.00");
    guarantor(atCommittee, "500.00");
    committeeDecides(atCommittee);
    leipzigAtCommittee = application("leipzig", "4000.00");
    committeeDecides(leipzigAtCommittee);
    stalled = approved("offenbach", today.minusDays(20));
    recentlyApproved = approved("offenbach", today.minusDays(5));
  }

  /** The committee tasks go again, so that no other test finds them in a committee's list. */
  @AfterEach
  void removeCommitteeTasks() {
    instances.forEach(id -> runtime.deleteProcessInstance(id, "Testende", true, true));
  }

  private Loan application(String quarter, String amount) {
    return loans.register(new NewApplication("Zeynep", NAME, null, null, false, BUSINESS, BusinessStage.EXISTING,
        null, null, null, null, quarter, "Ware", new BigDecimal(amount)));
  }

  private void guarantor(Loan loan, String amount) {
    jdbc.sql("""
            INSERT INTO guarantor (loan_id, name, contact, guaranteed_amount, created_at)
            VALUES (:id, 'Bürge', 'Kontakt', :amount, :now)""")
        .param("id", loan.id()).param("amount", new BigDecimal(amount)).param("now", LocalDateTime.now()).update();
  }

  /** The committee-decision process of the loan, waiting for the committee's decision. */
  private void committeeDecides(Loan loan) {
    instances.add(runtime.createProcessInstanceByKey(CommitteeDecisionProcess.KEY)
        .businessKey(loan.reference())
        .setVariables(Map.of(
            CommitteeDecisionProcess.Variables.LOAN_REFERENCE, loan.reference(),
            CommitteeDecisionProcess.Variables.QUARTER_CODE, loan.quarterCode(),
            CommitteeDecisionProcess.Variables.ADVISOR_GROUP, Roles.advisors(loan.quarterCode()),
            CommitteeDecisionProcess.Variables.COMMITTEE_GROUP, Roles.committee(loan.quarterCode())))
        .startBeforeActivity(CommitteeDecisionProcess.Activities.DECIDE_APPLICATION)
        .execute().getId());
  }

  private Loan approved(String quarter, LocalDate on) {
    Loan loan = application(quarter, "2000.00");
    jdbc.sql("UPDATE loan SET state = 'APPROVED', approved_on = :on WHERE id = :id")
        .param("on", on).param("id", loan.id()).update();
    return loan;
  }

  private ResponseEntity<String> pipeline(String user) {
    ResponseEntity<String> response = RestAs.user(rest, user).get("/api/portfolio/pipeline?asOf=" + today);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return response;
  }

  private static JsonNode caseOf(JsonNode pipeline, Loan loan) {
    for (JsonNode c : pipeline.get("cases")) {
      if (c.get("reference").asText().equals(loan.reference())) {
        return c;
      }
    }
    return null;
  }

  @Test
  void shouldShowWhatTheCommitteeStillLacksAndItsQueuePerQuarter() {
    JsonNode pipeline = RestAs.json(pipeline("monika"));

    JsonNode offenbach = caseOf(pipeline, atCommittee);
    assertThat(offenbach.get("stage").asText()).isEqualTo("COMMITTEE");
    assertThat(offenbach.get("stageLabel").asText()).isEqualTo("Entscheidung des Vergabeausschusses");
    assertThat(offenbach.get("quarterName").asText()).isEqualTo("Offenbach");
    assertThat(offenbach.get("waitingSince").asText()).isEqualTo(today.toString());
    List<String> missing = new ArrayList<>();
    offenbach.get("missing").forEach(m -> missing.add(m.asText()));
    assertThat(missing).contains("Die Entscheidungsvorlage fehlt noch.")
        .noneMatch(m -> m.contains("Bürgen") || m.contains("Bürgschaften"));
    // the required application documents of the checklist (bpmn/document-checklist.dmn), none uploaded
    assertThat(missing).anyMatch(m -> m.startsWith("Es fehlen Unterlagen: ") && m.contains("Personalausweis oder Pass"));
    JsonNode leipzig = caseOf(pipeline, leipzigAtCommittee);
    assertThat(leipzig.get("missing").toString()).contains("erst 0 von mindestens 2 Bürgen")
        .contains("nötig ist die Hälfte des Kreditbetrags: 2.000,00 EUR");

    List<String> queued = new ArrayList<>();
    pipeline.get("committee").forEach(q -> q.get("references").forEach(r -> queued.add(q.get("quarter").asText()
        + " " + r.asText())));
    assertThat(queued).contains("offenbach " + atCommittee.reference(), "leipzig " + leipzigAtCommittee.reference());
    JsonNode stage = pipeline.get("stages").get(4);
    assertThat(stage.get("stage").asText()).isEqualTo("COMMITTEE");
    assertThat(stage.get("count").asInt()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldNameContractsTheBankHasNotSignedAfterFourteenDays() {
    JsonNode pipeline = RestAs.json(pipeline("monika"));

    List<String> stalledReferences = pipeline.get("stalledContracts").findValuesAsText("reference");
    assertThat(stalledReferences).contains(stalled.reference()).doesNotContain(recentlyApproved.reference());
    assertThat(caseOf(pipeline, recentlyApproved).get("stage").asText()).isEqualTo("CONTRACT");
    assertThat(caseOf(pipeline, recentlyApproved).get("days").asInt()).isEqualTo(5);
    for (JsonNode s : pipeline.get("stalledContracts")) {
      if (s.get("reference").asText().equals(stalled.reference())) {
        assertThat(s.get("days").asInt()).isEqualTo(20);
        assertThat(s.get("recommendedOn").asText()).isEqualTo(today.minusDays(20).toString());
      }
    }
  }

  @Test
  void shouldNeverShowTheBorrowersNameOrBusiness() {
    String body = pipeline("monika").getBody();

    assertThat(body).contains(atCommittee.reference()).doesNotContain(NAME, "Zeynep", BUSINESS);
  }

  @Test
  void shouldShowAnAdvisorOnlyHerQuarterEvenWhenSheAsksForAnother() {
    ResponseEntity<String> response = RestAs.user(rest, "anna")
        .get("/api/portfolio/pipeline?asOf=" + today + "&quarter=leipzig");
    JsonNode pipeline = RestAs.json(response);

    assertThat(caseOf(pipeline, atCommittee)).isNotNull();
    assertThat(caseOf(pipeline, leipzigAtCommittee)).isNull();
    assertThat(pipeline.get("cases").findValuesAsText("quarter")).containsOnly("offenbach");
    assertThat(pipeline.get("committee").findValuesAsText("quarter")).containsOnly("offenbach");
  }
}
