package de.quartierskredit.committee;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.committee.CommitteeDecisionProcess.Activities;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.TasklistSession;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Separation of duties at the award committee, tried over the REST API Tasklist uses, as the person
 * would: whoever recorded, advised, recorded the guarantors of and prepared an application can
 * neither claim nor decide it (403, a German message naming what they did), while another member
 * decides it normally. Outside the quarters the microfinancer both prepares and decides, so a
 * second person of the microfinancer decides. Who did what comes from our table, not from a variable.
 */
@QuartierskreditTest
class AdvisorCannotDecideOwnApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String instanceId;

  @AfterEach
  void cleanUp() {
    if (identityService.createUserQuery().userId("anna").memberOfGroup(Roles.committee("offenbach")).count() > 0) {
      identityService.deleteMembership("anna", Roles.committee("offenbach"));
    }
    if (instanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtimeService.deleteProcessInstance(instanceId, "test finished", true);
    }
  }

  @Test
  void shouldRefuseTheAdvisorWhoPreparedTheApplicationEvenAsACommitteeMemberAndLetAnotherMemberDecide()
      throws Exception {
    // anna also sits on the Offenbach committee: her groups let her claim the decision, the rule does not
    identityService.createMembership("anna", Roles.committee("offenbach"));
    String reference = preparedByOnePerson("anna", "offenbach");
    Task decision = decisionTask(reference);

    ResponseEntity<String> claim = post("anna", "/engine-rest/task/" + decision.getId() + "/claim",
        "{\"userId\":\"anna\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    String today = DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now(clock));
    assertThat(message(claim)).isEqualTo("Sie haben diesen Antrag vorbereitet (Antragsaufnahme am " + today
        + ", Beratung am " + today + ", Bürgenerfassung am " + today + ", Entscheidungsvorlage am " + today
        + ") und dürfen nicht darüber entscheiden. Ein anderes Ausschussmitglied entscheidet.");
    assertThat(post("anna", "/engine-rest/task/" + decision.getId() + "/complete", approval()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("anna", "/engine-rest/task/" + decision.getId() + "/submit-form", approval()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // nor can anyone assign it to her
    assertThat(post("admin", "/engine-rest/task/" + decision.getId() + "/assignee", "{\"userId\":\"anna\"}")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).singleResult().getAssignee()).isNull();
    assertThat(decisionsOf(reference)).isZero();

    assertThat(post("sven", "/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"sven\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("sven", "/engine-rest/task/" + decision.getId() + "/complete", approval()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(decisionsOf(reference)).isEqualTo(1);
    assertThat(participants(reference)).containsExactly("APPLICATION_RECORDED anna", "ADVICE anna",
        "GUARANTORS_RECORDED anna", "DECISION_TEMPLATE anna", "COMMITTEE_DECISION sven");
  }

  @Test
  void shouldLetASecondMicrofinancerDecideWhatTheFirstPreparedOutsideTheQuarters() throws Exception {
    String reference = preparedByOnePerson("mia", "OUTSIDE");
    Task decision = decisionTask(reference);
    assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(link -> link.getGroupId())
        .containsExactly(Roles.MICROFINANCER);

    ResponseEntity<String> claim = post("mia", "/engine-rest/task/" + decision.getId() + "/claim",
        "{\"userId\":\"mia\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(message(claim)).startsWith("Sie haben diesen Antrag vorbereitet (Antragsaufnahme am ")
        .endsWith("und dürfen nicht darüber entscheiden. Eine andere Person des Mikrofinanzierers entscheidet.");
    assertThat(post("mia", "/engine-rest/task/" + decision.getId() + "/complete", approval()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(decisionsOf(reference)).isZero();

    assertThat(post("max", "/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\":\"max\"}")
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("max", "/engine-rest/task/" + decision.getId() + "/complete", approval()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(decisionsOf(reference)).isEqualTo(1);
  }

  @Test
  void shouldShowTheReasonInTasklistWhenThePreparerClaims() throws Exception {
    String reference = preparedByOnePerson("mia", "OUTSIDE");
    Task decision = decisionTask(reference);

    HttpResponse<String> claim = tasklistClaim("mia", decision.getId());

    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
    assertThat(claim.body()).as("the engine's answer, not the CSRF filter's").contains("message");
    assertThat(JSON.readTree(claim.body()).get("message").asText())
        .contains("Sie haben diesen Antrag vorbereitet").contains("Eine andere Person des Mikrofinanzierers entscheidet.");
    assertThat(taskService.createTaskQuery().taskId(decision.getId()).singleResult().getAssignee()).isNull();
  }

  // --- the application as one person prepares it, over REST ---

  private String preparedByOnePerson(String user, String quarter) throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", quarter, "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000));
    ResponseEntity<String> created = post(user, "/api/applications", JSON.writeValueAsString(application));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = JSON.readTree(created.getBody());
    instanceId = body.get("processInstanceId").asText();
    String reference = body.get("reference").asText();

    complete(user, task(reference, "Task_AdviseApplicant"), """
        {"variables": {"adviceOutcome": {"value": "CONTINUE"}, "businessPotential": {"value": "HIGH"},
         "handicapMigration": {"value": true}, "commercialPurpose": {"value": true},
         "expectedMonthlyProfit": {"value": 1800, "type": "Long"}, "jobsCreatedOrKept": {"value": 2, "type": "Long"}}}""");
    Task guarantors = task(reference, "Task_RecordGuarantors");
    complete(user, guarantors, """
        {"variables": {"guarantorDecision": {"value": "RECORDED"},
         "guarantor1Name": {"value": "Jonas Weber"}, "guarantor1Contact": {"value": "0151 555"},
         "guarantor1Amount": {"value": 1200, "type": "Long"},
         "guarantor2Name": {"value": "Mehmet Kaya"}, "guarantor2Contact": {"value": "kaya@example.org"},
         "guarantor2Amount": {"value": 1000, "type": "Long"}}}""");
    for (Job job : managementService.createJobQuery().processInstanceId(guarantors.getProcessInstanceId()).list()) {
      managementService.executeJob(job.getId());
    }
    complete(user, task(reference, Activities.PREPARE_DECISION_TEMPLATE), """
        {"variables": {"templateImprovesSituation": {"value": "Ja: eigenes Einkommen."},
         "templateCanRepay": {"value": "Ja: Rate rund 180 EUR, aus dem Umsatz tragbar."},
         "templateRecommendation": {"value": "APPROVE"}}}""");
    return reference;
  }

  private Task task(String reference, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private Task decisionTask(String reference) {
    return task(reference, Activities.DECIDE_APPLICATION);
  }

  private void complete(String user, Task task, String body) {
    ResponseEntity<String> answer = post(user, "/engine-rest/task/" + task.getId() + "/complete", body);
    assertThat(answer.getStatusCode()).as(task.getTaskDefinitionKey() + ": " + answer.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static String approval() {
    return """
        {"variables": {"committeeDecision": {"value": "APPROVE"},
         "committeeDecisionReason": {"value": "Tragfähiges Konzept."},
         "missingDocumentsReason": {"value": "Die Unterlagen lagen in der Sitzung auf Papier vor."},
         "votesFor": {"value": 3, "type": "Long"}, "votesAgainst": {"value": 0, "type": "Long"},
         "abstentions": {"value": 0, "type": "Long"}}}""";
  }

  private long decisionsOf(String reference) {
    return jdbc.sql("SELECT count(*) FROM committee_decision d JOIN loan l ON l.id = d.loan_id WHERE l.reference = :r")
        .param("r", reference).query(Long.class).single();
  }

  private List<String> participants(String reference) {
    return jdbc.sql("""
            SELECT p.step, p.user_id FROM loan_participant p JOIN loan l ON l.id = p.loan_id
            WHERE l.reference = :r ORDER BY p.id""")
        .param("r", reference).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
  }

  private static String message(ResponseEntity<String> answer) throws Exception {
    return JSON.readTree(answer.getBody()).get("message").asText();
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  /** Claims the task as Tasklist does: logged in with a session, through the webapp's engine API. */
  private HttpResponse<String> tasklistClaim(String user, String taskId) throws Exception {
    TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), user);
    // Tasklist opens the task first
    assertThat(tasklist.get("/task/" + taskId).statusCode()).isEqualTo(200);
    return tasklist.post("/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
  }
}
