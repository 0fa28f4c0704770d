package de.quartierskredit.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.CapturedLog;
import de.quartierskredit.support.QuartierskreditTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.RepeatedTest;
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
 * Two caseworkers completing the same task at the same moment: exactly one wins, the other gets a
 * clear 409 in German instead of a 500, and the lost race is no ERROR in the log. (Concurrent bank events for one loan: {@code BankEventApiTest.Repeats};
 * two approvals competing for the last fund capacity: {@code FundReservationServiceTest}.)
 */
@QuartierskreditTest
class ConcurrencyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALREADY_DONE = "Diese Aufgabe ist bereits erledigt (von jemand anderem oder in einem "
      + "anderen Fenster). Bitte die Aufgabenliste neu laden.";
  private static final String CONCURRENT_CHANGE = "Dieser Fall wurde gerade gleichzeitig von jemand anderem geändert; "
      + "Ihre Eingabe ist nicht gespeichert. Bitte die Aufgabe neu laden und noch einmal absenden.";

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @RepeatedTest(3)
  void shouldLetExactlyOneOfTwoAdvisorsCompleteTheSameAdviceTask() throws Exception {
    String taskId = adviceTask();

    List<ResponseEntity<String>> answers;
    try (CapturedLog log = CapturedLog.start()) {
      answers = concurrently(List.of(() -> complete("anna", taskId), () -> complete("admin", taskId)));

      assertThat(log.atLeast(Level.ERROR)).as("the loser is no error").isEmpty();
      assertThat(log.withStackTrace()).isEmpty();
    }

    assertOneWinnerAndAClearLoser(answers, taskId);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count()).isEqualTo(1);
  }

  @Test
  void shouldLetExactlyOneOfTwoRequestsOfTheSameUserSubmitTheSameForm() throws Exception {
    String taskId = adviceTask();

    List<ResponseEntity<String>> answers = concurrently(List.of(
        () -> submit("anna", taskId), () -> submit("anna", taskId)));

    assertOneWinnerAndAClearLoser(answers, taskId);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void shouldAnswer409WhenATaskIsCompletedThatIsAlreadyDone() throws Exception {
    String taskId = adviceTask();
    assertThat(complete("anna", taskId).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<String> late = complete("anna", taskId);

    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(JSON.readTree(late.getBody()).get("message").asText()).isEqualTo(ALREADY_DONE);
  }

  private static void assertOneWinnerAndAClearLoser(List<ResponseEntity<String>> answers, String taskId)
      throws Exception {
    assertThat(answers).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.NO_CONTENT, HttpStatus.CONFLICT);
    ResponseEntity<String> loser = answers.stream()
        .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
    JsonNode body = JSON.readTree(loser.getBody());
    // the task is gone when the loser looks (already done); if it lost the race on another row first, the
    // case changed under it (optimistic locking): both say so in German, without ids
    assertThat(body.get("message").asText()).isIn(ALREADY_DONE, CONCURRENT_CHANGE);
    assertThat(body.get("code").asInt()).isIn(20409, 20411);
    assertThat(loser.getBody()).doesNotContain(taskId).doesNotContain("Cannot");
  }

  /** An open advice task of a fresh Offenbach application, recorded over our API. */
  private String adviceTask() throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", "offenbach", "loanPurpose", "Nähmaschine", "commercialPurpose", true,
        "loanAmount", 4000));
    ResponseEntity<String> created = rest.withBasicAuth("anna", "demo").exchange("/api/applications",
        HttpMethod.POST, json(JSON.writeValueAsString(application)), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String reference = JSON.readTree(created.getBody()).get("reference").asText();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    // the advice opens for anna, who recorded it; back to the quarter's queue, so two people can race for it
    taskService.setAssignee(task.getId(), null);
    return task.getId();
  }

  private ResponseEntity<String> complete(String user, String taskId) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/complete",
        HttpMethod.POST, json("{\"variables\": {\"adviceOutcome\": {\"value\": \"OTHER_FINANCING\"}}}"), String.class);
  }

  private ResponseEntity<String> submit(String user, String taskId) {
    return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, json("{\"variables\": {\"adviceOutcome\": {\"value\": \"OTHER_FINANCING\"}}}"), String.class);
  }

  private static List<ResponseEntity<String>> concurrently(List<Callable<ResponseEntity<String>>> calls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
      for (Callable<ResponseEntity<String>> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<ResponseEntity<String>> answers = new ArrayList<>();
      for (Future<ResponseEntity<String>> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpEntity<String> json(String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
