package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every route by which a person can hand the engine variables takes only the fields of the form in
 * front of them, checked on the server, whatever the spelling of the path: Tasklist's own API,
 * {@code /complete}, {@code /submit-form}, {@code /resolve}, {@code /variables}, {@code /localVariables},
 * trailing slashes and matrix parameters, process start and messages. Each refusal leaves the task
 * open and the process's variables as they were.
 */
@QuartierskreditTest
class EveryRouteCarriesOnlyFormFieldsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXTRA = "{\"variables\": " + RestAs.variables(Map.of("adviceOutcome", "CONTINUE",
      "businessPotential", "HIGH", "committeeGroup", "advisors-offenbach")) + "}";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  private RestAs anna;
  private String taskId;
  private String instanceId;

  @BeforeEach
  void annasAdviceTask() throws Exception {
    anna = RestAs.user(rest, "anna");
    instanceId = RestAs.json(anna.post("/api/applications", JSON.writeValueAsString(application())))
        .get("processInstanceId").asText();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    assertThat(anna.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"anna\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @AfterEach
  void nothingWasStored() {
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
    assertThat(runtimeService.getVariables(instanceId)).doesNotContainKeys("committeeGroup", "advisorGroup")
        .containsEntry("loanAmount", "4000.00");
  }

  @Nested
  class TaskRoutes {

    @Test
    void shouldRefuseAFieldTheFormDoesNotHaveOnEveryCompletionRoute() {
      for (String route : List.of("/complete", "/submit-form", "/resolve", "/complete/", "/submit-form/",
          "/complete;x=1", "/submit-form;jsessionid=1")) {
        ResponseEntity<String> response = anna.post("/engine-rest/task/" + taskId + route, EXTRA);

        assertThat(response.getStatusCode()).as(route + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).as(route).contains("committeeGroup");
      }
    }

    @Test
    void shouldRefuseAFieldTheFormDoesNotHaveWhenSavingVariables() {
      String one = "{\"value\": \"advisors-offenbach\"}";
      String modifications = "{\"modifications\": {\"committeeGroup\": {\"value\": \"advisors-offenbach\"}}}";
      for (var call : List.of(
          new Call(HttpMethod.PUT, "/variables/committeeGroup", one),
          new Call(HttpMethod.PUT, "/localVariables/committeeGroup", one),
          new Call(HttpMethod.POST, "/variables", modifications),
          new Call(HttpMethod.POST, "/localVariables", modifications),
          new Call(HttpMethod.PUT, "/variables/loanAmount", "{\"value\": \"600\"}"),
          new Call(HttpMethod.DELETE, "/variables/loanReference", null),
          new Call(HttpMethod.POST, "/variables", "{\"deletions\": [\"loanAmount\"]}"))) {
        ResponseEntity<String> response = anna.exchange(call.method(), "/engine-rest/task/" + taskId + call.path(),
            call.body());

        assertThat(response.getStatusCode()).as(call + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      }
      assertThat(taskService.getVariable(taskId, "loanReference")).isNotNull();
    }

    @Test
    void shouldCheckTheFormsConstraintsOnTheServerAndTakeAFormFieldThatFits() {
      ResponseEntity<String> tooLong = anna.put("/engine-rest/task/" + taskId + "/variables/adviceNotes",
          "{\"value\": \"" + "x".repeat(5000) + "\"}");
      assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(tooLong.getBody()).contains("„Notizen aus der Beratung“ darf höchstens 2.000 Zeichen")
          .doesNotContain("adviceNotes");

      ResponseEntity<String> completion = anna.post("/engine-rest/task/" + taskId + "/complete",
          "{\"variables\": " + RestAs.variables(Map.of("adviceOutcome", "CONTINUE", "businessPotential", "HIGH",
              "adviceNotes", "x".repeat(5000))) + "}");
      assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

      // a caseworker may not save task variables at all (Camunda: UPDATE_VARIABLE); who may, may save a field that fits
      assertThat(RestAs.user(rest, "admin").put("/engine-rest/task/" + taskId + "/variables/adviceNotes",
          "{\"value\": \"Businessplan nachreichen\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(taskService.getVariable(taskId, "adviceNotes")).isEqualTo("Businessplan nachreichen");
      taskService.removeVariable(taskId, "adviceNotes");
    }

    @Test
    void shouldRefuseTheExtraFieldOnTasklistsOwnApiToo() throws Exception {
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "anna");

      HttpResponse<String> submitted = tasklist.post("/task/" + taskId + "/submit-form", EXTRA);

      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
      assertThat(submitted.body()).contains("committeeGroup");
    }
  }

  @Nested
  class StartsAndMessages {

    @Test
    void shouldRefuseAStartWithAFieldTheStartFormDoesNotHaveOrABusinessKey() {
      long loans = jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single();
      Map<String, Object> withGroup = new HashMap<>(application());
      withGroup.put("committeeGroup", "advisors-offenbach");
      String extra = "{\"variables\": " + RestAs.variables(withGroup) + "}";
      String withKey = "{\"businessKey\": \"QK-2026-000001\", \"variables\": " + RestAs.variables(application()) + "}";

      for (var call : List.of(new Call(HttpMethod.POST, "/start", extra), new Call(HttpMethod.POST, "/submit-form", extra),
          new Call(HttpMethod.POST, "/start/", extra), new Call(HttpMethod.POST, "/start", withKey),
          new Call(HttpMethod.POST, "/submit-form", withKey))) {
        ResponseEntity<String> response = anna.post("/engine-rest/process-definition/key/loan-application"
            + call.path(), call.body());

        assertThat(response.getStatusCode()).as(call + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      }
      assertThat(jdbc.sql("SELECT count(*) FROM loan").query(Long.class).single()).isEqualTo(loans);
    }

    @Test
    void shouldLetOnlyProcessOwnersSendVariablesWithAMessageOrChangeProcessVariables() {
      String message = "{\"messageName\": \"LoanRepaid\", \"businessKey\": \"QK-2026-000001\", "
          + "\"processVariables\": {\"repaidOn\": {\"value\": \"2026-01-01\"}}}";
      assertThat(anna.post("/engine-rest/message", message).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(anna.put("/engine-rest/process-instance/" + instanceId + "/variables/committeeGroup",
          "{\"value\": \"advisors-offenbach\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

      // the runbook's repair: a process owner corrects a variable in Cockpit
      RestAs admin = RestAs.user(rest, "admin");
      assertThat(admin.put("/engine-rest/process-instance/" + instanceId + "/variables/quarterName",
          "{\"value\": \"Offenbach am Main\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(runtimeService.getVariable(instanceId, "quarterName")).isEqualTo("Offenbach am Main");
    }
  }

  private static Map<String, Object> application() {
    return Map.of("applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER", "quarterCode", "offenbach",
        "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000);
  }

  private record Call(HttpMethod method, String path, String body) {}
}
