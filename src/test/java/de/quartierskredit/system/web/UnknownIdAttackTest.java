package de.quartierskredit.system.web;

import static de.quartierskredit.system.web.MalformedRequestsAttackTest.assertCamundaError;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An id that does not exist is a 404 on {@code /engine-rest}, never a 500: Camunda throws plain
 * engine exceptions ("No job found ...") that its REST answers with 500. The body stays Camunda's.
 */
@QuartierskreditTest
class UnknownIdAttackTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @Test
  void shouldAnswer404ForAnUnknownIdOnEveryRouteThatAnswered500() throws Exception {
    List<String[]> calls = List.of(
        new String[] {"PUT", "/engine-rest/job/nojob/retries", "{\"retries\":1}"},
        new String[] {"PUT", "/engine-rest/job/nojob/retries/", "{\"retries\":1}"},
        new String[] {"PUT", "/engine-rest/job/nojob;x=1/retries", "{\"retries\":1}"},
        new String[] {"PUT", "/engine-rest/job/nojob/duedate", "{\"duedate\":null}"},
        new String[] {"POST", "/engine-rest/task/notask/claim", "{\"userId\":\"admin\"}"},
        new String[] {"PUT", "/engine-rest/task/notask/variables/x", "{\"value\":1,\"type\":\"Integer\"}"},
        new String[] {"POST", "/engine-rest/task/notask/variables", "{\"modifications\":{\"x\":{\"value\":1}}}"},
        new String[] {"PUT", "/engine-rest/process-instance/noinstance/variables/x", "{\"value\":1,\"type\":\"Integer\"}"},
        new String[] {"POST", "/engine-rest/process-instance/noinstance/variables", "{\"modifications\":{\"x\":{\"value\":1}}}"},
        new String[] {"POST", "/engine-rest/execution/noexecution/signal", "{}"},
        new String[] {"PUT", "/engine-rest/execution/noexecution/localVariables/x", "{\"value\":1,\"type\":\"Integer\"}"},
        new String[] {"PUT", "/engine-rest/engine/default/job/nojob/retries", "{\"retries\":1}"});
    for (String[] call : calls) {
      ResponseEntity<String> response = send(call[0], call[1], call[2]);
      assertThat(response.getStatusCode()).as(call[0] + " " + call[1] + " " + response.getBody())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertCamundaError(call[1], response);
    }
  }

  @Test
  void shouldAnswerEveryOtherIdRouteWithAnUnknownIdWithA4xx() throws Exception {
    for (String[] call : List.of(
        new String[] {"GET", "/engine-rest/job/nojob", null},
        new String[] {"POST", "/engine-rest/job/nojob/execute", null},
        new String[] {"GET", "/engine-rest/task/notask", null},
        new String[] {"POST", "/engine-rest/task/notask/unclaim", "{}"},
        new String[] {"GET", "/engine-rest/process-instance/noinstance", null},
        new String[] {"DELETE", "/engine-rest/process-instance/noinstance", null},
        new String[] {"GET", "/engine-rest/execution/noexecution", null},
        new String[] {"GET", "/engine-rest/incident/noincident", null},
        new String[] {"PUT", "/engine-rest/incident/noincident/annotation", "{\"annotation\":\"x\"}"},
        new String[] {"DELETE", "/engine-rest/incident/noincident", null},
        new String[] {"GET", "/engine-rest/job-definition/nodefinition", null})) {
      ResponseEntity<String> response = send(call[0], call[1], call[2]);
      assertThat(response.getStatusCode().is4xxClientError()).as(call[0] + " " + call[1] + " " + response.getStatusCode())
          .isTrue();
    }
  }

  @Test
  void shouldKeepAnsweringAKnownIdAsBefore() {
    Task task = taskService.newTask();
    taskService.saveTask(task);
    try {
      ResponseEntity<String> claimed = send("POST", "/engine-rest/task/" + task.getId() + "/claim",
          "{\"userId\":\"admin\"}");
      assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      // a real failure on an existing task stays what Camunda says it is
      ResponseEntity<String> again = send("POST", "/engine-rest/task/" + task.getId() + "/claim",
          "{\"userId\":\"anna\"}");
      assertThat(again.getStatusCode().value()).isNotEqualTo(404);
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  private ResponseEntity<String> send(String method, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    HttpEntity<String> entity = body == null ? new HttpEntity<>(headers) : new HttpEntity<>(body, headers);
    return rest.withBasicAuth("admin", "demo").exchange(path, HttpMethod.valueOf(method), entity, String.class);
  }
}
