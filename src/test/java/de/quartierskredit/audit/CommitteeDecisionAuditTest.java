package de.quartierskredit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.committee.CommitteeDecisionProcess.Activities;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The committee decision in the audit trail, driven over the REST API Tasklist uses: an Offenbach
 * application recorded, advised and prepared by anna, decided by sven; the entry names sven, the
 * votes and the amount, keeps the reason by its hash only and no name of borrower or guarantors;
 * GET /api/loans/{reference}/audit shows it to those who may read the loan (404 for Leipzig, 403 for
 * the bank), and neither an extra form field nor any method on the audit URL writes an entry.
 */
@QuartierskreditTest
class CommitteeDecisionAuditTest {

  private static final String REASON = "Tragfähiges Konzept; Frau Demir hat Erfahrung als Schneiderin.";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;

  private String instanceId;
  private String reference;

  @BeforeEach
  void preparedApplication() {
    reference = preparedByAnna();
  }

  @AfterEach
  void cleanUp() {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtimeService.deleteProcessInstance(instanceId, "test finished", true);
    }
    jdbc.sql("UPDATE loan SET state = 'WITHDRAWN', reserved_principal = 0 WHERE reference = :r")
        .param("r", reference).update();
  }

  @Test
  void shouldRecordWhoDecidedWithVotesAmountAndTheReasonsHashOnly() {
    Task decision = task(Activities.DECIDE_APPLICATION);
    assertThat(as("sven").post("/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"sven\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    complete("sven", decision, approval(Map.of()));

    ResponseEntity<String> answer = as("mia").get("/api/loans/" + reference + "/audit");
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode trail = RestAs.json(answer);
    assertThat(trail.path("reference").asText()).isEqualTo(reference);
    assertThat(trail.path("entries")).hasSize(1);
    JsonNode entry = trail.path("entries").get(0);
    assertThat(entry.path("action").asText()).isEqualTo("COMMITTEE_DECISION");
    assertThat(entry.path("actionLabel").asText()).isEqualTo("Entscheidung des Vergabeausschusses");
    assertThat(entry.path("actor").asText()).isEqualTo("sven");
    assertThat(entry.path("actorRole").asText()).isEqualTo("erfasst von");
    assertThat(entry.has("secondActor")).isFalse();
    JsonNode details = entry.path("details");
    assertThat(details.path("decision").asText()).isEqualTo("APPROVE");
    assertThat(details.path("votesFor").asInt()).isEqualTo(3);
    assertThat(details.path("votesAgainst").asInt()).isEqualTo(1);
    assertThat(details.path("abstentions").asInt()).isEqualTo(1);
    assertThat(new BigDecimal(details.path("amount").asText())).isEqualByComparingTo("4000.00");
    assertThat(details.path("reasonSha256").asText()).isEqualTo(AuditTrail.sha256(REASON));
    assertThat(details.path("missingDocumentsOverridden").asBoolean()).isTrue();
    assertThat(entry.path("description").asText()).startsWith("Entscheidung: bewilligt; Betrag: 4.000,00 EUR; "
        + "Ja-Stimmen: 3; Nein-Stimmen: 1; Enthaltungen: 1; Begründung (SHA-256): ");
    assertThat(trail.path("chainCheck").path("intact").asBoolean()).isTrue();
    assertThat(trail.path("chainCheck").path("message").asText())
        .isEqualTo("Der Prüfpfad ist unverändert: alle 1 Einträge sind lückenlos verkettet.");
    // no personal data: neither the borrower's nor the guarantors' names, phones, nor the reason's text
    assertThat(answer.getBody()).doesNotContain("Demir", "Ayşe", "Weber", "Kaya", "0151", "Schneiderin", "Tragfähig");
    assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE loan_reference = :r").param("r", reference)
        .query(String.class).list()).noneMatch(stored -> stored.contains("Demir") || stored.contains("Weber"));
  }

  @Test
  void shouldShowTheTrailOnlyToThoseWhoMayReadTheLoan() {
    decideAsSven();

    assertThat(as("sven").get("/api/loans/" + reference + "/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(as("anna").get("/api/loans/" + reference + "/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(as("monika").get("/api/loans/" + reference + "/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> leipzig = as("lars").get("/api/loans/" + reference + "/audit");
    ResponseEntity<String> unknown = as("lars").get("/api/loans/QK-1999-999999/audit");
    assertThat(leipzig.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(leipzig.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(RestAs.json(leipzig).path("detail")).as("the same answer as for an unknown loan")
        .isEqualTo(RestAs.json(unknown).path("detail"));
    assertThat(RestAs.json(leipzig).path("title")).isEqualTo(RestAs.json(unknown).path("title"));
    assertThat(leipzig.getBody()).doesNotContain("sven", "COMMITTEE")
        .contains("Es gibt keinen Kredit mit dieser Referenz, den Sie einsehen dürfen.");
    assertThat(as("katrin").get("/api/loans/" + reference + "/audit").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> bank = as("bernd").get("/api/loans/" + reference + "/audit");
    assertThat(bank.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(RestAs.json(bank).path("detail").asText()).startsWith("Den Prüfpfad lesen");
    assertThat(rest.getForEntity("/api/loans/" + reference + "/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldNotLetAFormFieldAVariableOrTheApiWriteAnEntry() {
    Task decision = task(Activities.DECIDE_APPLICATION);
    as("sven").post("/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"sven\"}");
    ResponseEntity<String> forged = as("sven").post("/engine-rest/task/" + decision.getId() + "/complete",
        approval(Map.of("auditAction", "WRITE_OFF", "auditSecondActor", "max", "decidedBy", "ines")));
    assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(audit.of(reference)).isEmpty();
    // a variable set on the running case is no decision either
    ResponseEntity<String> variable = as("admin").exchange(HttpMethod.PUT, "/engine-rest/process-instance/"
        + decision.getProcessInstanceId() + "/variables/auditAction", "{\"value\": \"WRITE_OFF\"}");
    assertThat(variable.getStatusCode().is5xxServerError()).isFalse();
    for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
      ResponseEntity<String> write = as("admin").exchange(method, "/api/loans/" + reference + "/audit",
          "{\"action\": \"WRITE_OFF\", \"actor\": \"mia\"}");
      assertThat(write.getStatusCode()).as(method + ": " + write.getBody()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }
    assertThat(audit.of(reference)).isEmpty();

    complete("sven", decision, approval(Map.of()));
    assertThat(audit.of(reference)).singleElement().satisfies(entry -> {
      assertThat(entry.actor()).isEqualTo("sven");
      assertThat(entry.action()).isEqualTo(AuditAction.COMMITTEE_DECISION);
    });
  }

  // --- the application as one advisor prepares it, over REST (as in AdvisorCannotDecideOwnApplicationTest) ---

  private String preparedByAnna() {
    ResponseEntity<String> created = as("anna").post("/api/applications", """
        {"applicantFirstName": "Ayşe", "applicantLastName": "Demir", "applicantPhone": "069 4711",
         "sgb2Recipient": false, "businessName": "Änderungsschneiderei Demir", "businessStage": "NEW_FOUNDER",
         "quarterCode": "offenbach", "loanPurpose": "Nähmaschine", "commercialPurpose": true, "loanAmount": 4000}""");
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = RestAs.json(created);
    instanceId = body.get("processInstanceId").asText();
    reference = body.get("reference").asText();
    complete("anna", task("Task_AdviseApplicant"), """
        {"adviceOutcome": {"value": "CONTINUE"}, "businessPotential": {"value": "HIGH"},
         "handicapMigration": {"value": true}, "commercialPurpose": {"value": true},
         "expectedMonthlyProfit": {"value": 1800, "type": "Long"}, "jobsCreatedOrKept": {"value": 2, "type": "Long"}}""");
    Task guarantors = task("Task_RecordGuarantors");
    complete("anna", guarantors, """
        {"guarantorDecision": {"value": "RECORDED"},
         "guarantor1Name": {"value": "Jonas Weber"}, "guarantor1Contact": {"value": "0151 555"},
         "guarantor1Amount": {"value": 1200, "type": "Long"},
         "guarantor2Name": {"value": "Mehmet Kaya"}, "guarantor2Contact": {"value": "kaya@example.org"},
         "guarantor2Amount": {"value": 1000, "type": "Long"}}""");
    for (Job job : managementService.createJobQuery().processInstanceId(guarantors.getProcessInstanceId()).list()) {
      managementService.executeJob(job.getId());
    }
    complete("anna", task(Activities.PREPARE_DECISION_TEMPLATE), """
        {"templateImprovesSituation": {"value": "Ja: eigenes Einkommen."},
         "templateCanRepay": {"value": "Ja: Rate rund 180 EUR, aus dem Umsatz tragbar."},
         "templateRecommendation": {"value": "APPROVE"}}""");
    return reference;
  }

  private void decideAsSven() {
    Task decision = task(Activities.DECIDE_APPLICATION);
    as("sven").post("/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"sven\"}");
    complete("sven", decision, approval(Map.of()));
  }

  private static String approval(Map<String, String> extra) {
    // no document is uploaded in these tests: since the documents feature, an approval then needs its reason
    Map<String, Object> variables = new HashMap<>(Map.of("committeeDecision", "APPROVE",
        "committeeDecisionReason", REASON, "votesFor", 3L, "votesAgainst", 1L, "abstentions", 1L,
        "missingDocumentsReason", "Unterlagen lagen in der Sitzung auf Papier vor."));
    variables.putAll(extra);
    return RestAs.variables(variables);
  }

  private Task task(String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private void complete(String user, Task task, String variables) {
    ResponseEntity<String> answer = as(user).post("/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\": " + variables + "}");
    assertThat(answer.getStatusCode()).as(task.getTaskDefinitionKey() + ": " + answer.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private RestAs as(String user) {
    return RestAs.user(rest, user);
  }
}
