package de.quartierskredit.system.web;

import static de.quartierskredit.system.web.MalformedRequestsAttackTest.assertCamundaError;
import static org.assertj.core.api.Assertions.assertThat;

import de.quartierskredit.support.QuartierskreditTest;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
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

/**
 * Variable types Camunda cannot take from a caller (a serialized {@code Object}, an object value
 * without a type) are refused with 400 on every spelling of every route that carries variables:
 * trailing slashes, matrix parameters, single-variable PUTs, variable modifications, messages. The
 * task stays open and no process starts.
 */
@QuartierskreditTest
class EngineRestVariablePathsAttackTest {

  private static final String OBJECT = "{\"value\":\"rO0ABXQAA2V2aWw=\",\"type\":\"Object\","
      + "\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
  private static final String UNTYPED_OBJECT = "{\"value\":{\"nested\":[1,2,3]}}";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private Task task;

  @BeforeEach
  void openTask() {
    task = taskService.newTask();
    task.setName("Variable guard target");
    taskService.saveTask(task);
  }

  @AfterEach
  void removeTask() {
    taskService.deleteTask(task.getId(), true);
  }

  @Test
  void shouldRefuseAnObjectVariableOnEveryPathVariantAndChangeNothing() throws Exception {
    String id = task.getId();
    long instances = runtimeService.createProcessInstanceQuery().count();
    for (String value : List.of(OBJECT, UNTYPED_OBJECT)) {
      String variables = "{\"variables\":{\"evil\":" + value + "}}";
      List<String[]> calls = List.of(
          new String[] {"POST", "/engine-rest/task/" + id + "/complete", variables},
          new String[] {"POST", "/engine-rest/task/" + id + "/complete/", variables},
          new String[] {"POST", "/engine-rest/task/" + id + "/complete;x=1", variables},
          new String[] {"POST", "/engine-rest/task/" + id + ";x=1/complete", variables},
          new String[] {"POST", "/engine-rest//task/" + id + "/complete", variables},
          new String[] {"POST", "/engine-rest/task/" + id + "/submit-form/", variables},
          new String[] {"POST", "/engine-rest/task/" + id + "/resolve;a=b", variables},
          new String[] {"POST", "/engine-rest/process-definition/key/loan-application/start/", variables},
          new String[] {"POST", "/engine-rest/process-definition/key/loan-application/start;x=1", variables},
          new String[] {"POST", "/engine-rest/process-definition/key/loan-application/submit-form/", variables},
          new String[] {"POST", "/engine-rest/task/" + id + "/variables", "{\"modifications\":{\"evil\":" + value + "}}"},
          new String[] {"POST", "/engine-rest/task/" + id + "/localVariables/",
              "{\"modifications\":{\"evil\":" + value + "}}"},
          new String[] {"PUT", "/engine-rest/task/" + id + "/variables/evil", value},
          new String[] {"PUT", "/engine-rest/task/" + id + "/localVariables/evil;x=1", value},
          new String[] {"POST", "/engine-rest/message", "{\"messageName\":\"LoanDisturbed\",\"processVariables\":{\"evil\":"
              + value + "}}"},
          new String[] {"POST", "/engine-rest/message/", "{\"messageName\":\"LoanDisturbed\","
              + "\"correlationKeys\":{\"evil\":" + value + "}}"},
          new String[] {"POST", "/engine-rest/signal", "{\"name\":\"x\",\"variables\":{\"evil\":" + value + "}}"});
      for (String[] call : calls) {
        ResponseEntity<String> response = send(call[0], call[1], call[2]);
        assertThat(response.getStatusCode()).as(call[0] + " " + call[1] + " " + response.getBody())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertCamundaError(call[1], response);
        assertThat(response.getBody()).as(call[1]).contains("evil");
      }
    }
    assertThat(taskService.createTaskQuery().taskId(id).count()).isOne();
    assertThat(taskService.getVariables(id)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void shouldStillTakePlainValues() {
    ResponseEntity<String> response = send("POST", "/engine-rest/task/" + task.getId() + "/variables",
        "{\"modifications\":{\"note\":{\"value\":\"ok\",\"type\":\"String\"},\"count\":{\"value\":3,\"type\":\"Integer\"}}}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.getVariable(task.getId(), "note")).isEqualTo("ok");
  }

  private ResponseEntity<String> send(String method, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth("admin", "demo").exchange(path, HttpMethod.valueOf(method),
        new HttpEntity<>(body, headers), String.class);
  }
}
