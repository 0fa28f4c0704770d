package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import de.quartierskredit.shared.Roles;

/**
 * Quarter isolation and read-only roles on a real {@code loan-application} instance of Offenbach:
 * over {@code /engine-rest} (runtime and history) and through Tasklist's own API with a login session.
 * (Starting an Offenbach application as a Leipzig advisor: {@code ApplicationApiTest.Access}.)
 */
@QuartierskreditTest
class QuarterIsolationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  private String taskId;
  private String instanceId;

  @BeforeEach
  void offenbachApplication() throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", "offenbach", "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000));
    ResponseEntity<String> created = rest.withBasicAuth("anna", "demo").exchange("/api/applications",
        HttpMethod.POST, json(JSON.writeValueAsString(application)), String.class);
    instanceId = JSON.readTree(created.getBody()).get("processInstanceId").asText();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @Test
  void shouldHideEverythingOfAnOffenbachLoanFromALeipzigAdvisorOverRest() {
    assertThat(ids("lars", "/engine-rest/task")).doesNotContain(taskId);
    assertThat(ids("lars", "/engine-rest/task?processInstanceId=" + instanceId)).isEmpty();
    assertThat(ids("lars", "/engine-rest/process-instance")).doesNotContain(instanceId);
    assertThat(ids("lars", "/engine-rest/history/process-instance?processInstanceId=" + instanceId)).isEmpty();
    assertThat(ids("lars", "/engine-rest/history/task?processInstanceId=" + instanceId)).isEmpty();
    assertThat(ids("lars", "/engine-rest/history/variable-instance?processInstanceId=" + instanceId)).isEmpty();
    assertThat(ids("lars", "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId)).isEmpty();
    for (String path : List.of("/engine-rest/task/" + taskId, "/engine-rest/task/" + taskId + "/form-variables",
        "/engine-rest/task/" + taskId + "/variables", "/engine-rest/process-instance/" + instanceId,
        "/engine-rest/process-instance/" + instanceId + "/variables")) {
      assertThat(get("lars", path).getStatusCode()).as(path).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }
    assertThat(post("lars", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"lars\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("lars", "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("lars", "/engine-rest/task/" + taskId + "/submit-form", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // still the advisor who recorded the application (the advice opens for her): lars changed nothing
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("anna");
  }

  @Test
  void shouldShowTheBankClerkOnlyBankTasks() {
    List<String> visible = ids("bernd", "/engine-rest/task?maxResults=1000");
    assertThat(visible).doesNotContain(taskId);
    for (String id : visible) {
      assertThat(taskService.getIdentityLinksForTask(id)).extracting(IdentityLink::getGroupId).contains(Roles.BANK);
    }
  }

  @Test
  void shouldLetManagersReadButChangeNothing() {
    assertThat(ids("monika", "/engine-rest/task?processInstanceId=" + instanceId)).containsExactly(taskId);
    assertThat(ids("monika", "/engine-rest/process-instance?processInstanceIds=" + instanceId)).containsExactly(instanceId);
    assertThat(get("monika", "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    assertThat(post("monika", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"monika\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("monika", "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("monika", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/x",
        "{\"value\":\"1\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("monika", HttpMethod.PUT, "/engine-rest/process-instance/" + instanceId + "/variables/x",
        "{\"value\":\"1\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("monika", "/engine-rest/process-instance/" + instanceId + "/modification",
        "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_AdviseApplicant\"}]}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("monika", HttpMethod.DELETE, "/engine-rest/process-instance/" + instanceId, null)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).isEqualTo("anna"); // as the application left it
    assertThat(taskService.getVariable(taskId, "x")).isNull();
  }

  @Test
  void shouldListNoOffenbachTaskInTheLeipzigAdvisorsTasklist() throws Exception {
    TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "lars");

    HttpResponse<String> tasks = tasklist.get("/task?maxResults=1000");

    assertThat(tasks.statusCode()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    JSON.readTree(tasks.body()).forEach(t -> listed.add(t.get("id").asText()));
    assertThat(listed).doesNotContain(taskId);
    for (String id : listed) {
      assertThat(taskService.getIdentityLinksForTask(id)).extracting(IdentityLink::getGroupId)
          .doesNotContain(Roles.advisors("offenbach"), Roles.committee("offenbach"));
    }
  }

  private List<String> ids(String user, String path) {
    ResponseEntity<String> response = get(user, path);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    try {
      List<String> ids = new ArrayList<>();
      for (JsonNode item : JSON.readTree(response.getBody())) {
        ids.add(item.get("id").asText());
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
    return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : json(body), String.class);
  }

  private static HttpEntity<String> json(String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
