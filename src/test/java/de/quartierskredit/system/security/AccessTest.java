package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import de.quartierskredit.shared.Roles;

/**
 * The security baseline over the REST API: authentication on /engine-rest, and each role sees
 * and does only its own work (quarter isolation through candidate groups).
 */
@QuartierskreditTest
class AccessTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private Task offenbachTask;
  private Task bankTask;

  @BeforeEach
  void createTasksForTwoRoles() {
    offenbachTask = candidateTask("Bürgen erfassen (Offenbach)", Roles.advisors("offenbach"));
    bankTask = candidateTask("Kreditvertrag bestätigen", Roles.BANK);
  }

  @AfterEach
  void removeTasks() {
    taskService.deleteTasks(List.of(offenbachTask.getId(), bankTask.getId()), true);
  }

  @Nested
  class Authentication {

    @Test
    void shouldAnswer401ToAnonymousRestCalls() {
      assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer401ToAWrongPassword() {
      // not a user of the other tests: after a failed login Camunda delays the next attempt
      assertThat(rest.withBasicAuth("ines", "wrong").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldLetAKnownUserIn() {
      assertThat(rest.withBasicAuth("anna", "demo").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  @Nested
  class QuarterIsolation {

    @Test
    void shouldShowAnOffenbachAdvisorTheTasksOfOffenbach() {
      assertThat(taskIds("anna")).contains(offenbachTask.getId()).doesNotContain(bankTask.getId());
      assertThat(claim("anna", offenbachTask).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void shouldHideOffenbachTasksFromALeipzigAdvisor() {
      assertThat(taskIds("lars")).doesNotContain(offenbachTask.getId(), bankTask.getId());
      assertThat(rest.withBasicAuth("lars", "demo")
          .getForEntity("/engine-rest/task/" + offenbachTask.getId(), String.class).getStatusCode())
          .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      assertThat(claim("lars", offenbachTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth("lars", "demo").exchange(
          "/engine-rest/task/" + offenbachTask.getId() + "/complete", HttpMethod.POST,
          json("{}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(taskService.createTaskQuery().taskId(offenbachTask.getId()).singleResult().getAssignee())
          .isNull();
    }

    @Test
    void shouldShowTheBankClerkOnlyBankTasks() {
      assertThat(taskIds("bernd")).contains(bankTask.getId()).doesNotContain(offenbachTask.getId());
    }

    @Test
    void shouldLetManagersReadEveryTaskButChangeNothing() {
      assertThat(taskIds("monika")).contains(offenbachTask.getId(), bankTask.getId());
      assertThat(claim("monika", offenbachTask).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Nested
  class ProcessOwners {

    @Test
    void shouldLetTheProcessOwnerDeploy() {
      assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Roles.PROCESS_OWNERS).count())
          .isEqualTo(1);
      var count = rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/deployment/count", Map.class);
      assertThat(count.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldNotLetAnAdvisorReadDeployments() {
      var deployments = rest.withBasicAuth("anna", "demo")
          .exchange("/engine-rest/deployment", HttpMethod.GET, null, LIST);
      assertThat(deployments.getBody()).isEmpty();
    }
  }

  private Task candidateTask(String name, String group) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);
    return task;
  }

  private List<String> taskIds(String user) {
    ResponseEntity<List<Map<String, Object>>> tasks =
        rest.withBasicAuth(user, "demo").exchange("/engine-rest/task", HttpMethod.GET, null, LIST);
    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    return tasks.getBody().stream().map(t -> (String) t.get("id")).toList();
  }

  private ResponseEntity<String> claim(String user, Task task) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + task.getId() + "/claim",
        HttpMethod.POST, json("{\"userId\":\"" + user + "\"}"), String.class);
  }

  private static HttpEntity<String> json(String body) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
