package de.quartierskredit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Nested;
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

/** {@code POST /api/applications}: validated on the server, answered with RFC 9457 problem details. */
@QuartierskreditTest
class ApplicationApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  private static String body(String quarter, Object amount) throws Exception {
    Map<String, Object> v = LoanApplicationProcessTest.application(quarter, amount);
    return JSON.writeValueAsString(v);
  }

  private ResponseEntity<String> post(String user, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  @Test
  void shouldRecordAValidApplicationAndStartItsProcess() throws Exception {
    ResponseEntity<String> response = post("anna", body("offenbach", 7500));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = JSON.readTree(response.getBody());
    String reference = created.get("reference").asText();
    assertThat(response.getHeaders().getLocation()).hasToString("/api/applications/" + reference);
    assertThat(jdbc.sql("SELECT amount FROM loan WHERE reference = :r").param("r", reference)
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("7500.00");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getTaskDefinitionKey())
        .isEqualTo(LoanApplicationProcess.Activities.ADVISE);
  }

  @Nested
  class BadInput {

    @Test
    void shouldNameTheFailingFieldsAndStoreNothing() throws Exception {
      long loans = count("loan");
      long applicants = count("applicant");
      Map<String, Object> v = LoanApplicationProcessTest.application("offenbach", 25000);
      v.put("applicantFirstName", "  ");
      v.put("businessPostalCode", "6306");

      ResponseEntity<String> response = post("anna", JSON.writeValueAsString(v));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      JsonNode problem = JSON.readTree(response.getBody());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("errors").findValuesAsText("field"))
          .containsExactlyInAnyOrder("applicantFirstName", "businessPostalCode", "loanAmount");
      assertThat(problem.get("errors").findValuesAsText("message")).anyMatch(m -> m.contains("20.000,00 EUR"));
      assertThat(count("loan")).isEqualTo(loans);
      assertThat(count("applicant")).isEqualTo(applicants);
    }

    @Test
    void shouldRefuseAnUnknownField() throws Exception {
      Map<String, Object> v = LoanApplicationProcessTest.application("offenbach", 5000);
      v.put("interestRate", 0);

      ResponseEntity<String> response = post("anna", JSON.writeValueAsString(v));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("interestRate");
    }

    @Test
    void shouldRefuseAnAmountThatIsNoNumber() throws Exception {
      ResponseEntity<String> response = post("anna", body("offenbach", "fünftausend"));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(JSON.readTree(response.getBody()).get("errors").findValuesAsText("field")).containsExactly("loanAmount");
    }

    @Test
    void shouldRefuseMalformedJson() {
      ResponseEntity<String> response = post("anna", "{\"applicantFirstName\": ");

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("\"status\":400").doesNotContain("Exception");
    }
  }

  @Nested
  class TasklistSubmissions {

    @Test
    void shouldAnswer400AndKeepNothingWhenAStartFormIsSubmittedWithBadValues() {
      long loans = count("loan");

      ResponseEntity<String> response = rest.withBasicAuth("anna", "demo").exchange(
          "/engine-rest/process-definition/key/loan-application/submit-form", HttpMethod.POST,
          json("{\"variables\": {\"loanAmount\": {\"value\": 25000}, \"quarterCode\": {\"value\": \"offenbach\"}}}"),
          String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("„Kreditbetrag (EUR)“ darf höchstens 20.000 sein.")
          .contains("„Vorname“ fehlt").doesNotContain("loanAmount");
      assertThat(count("loan")).isEqualTo(loans);
    }

    @Test
    void shouldAnswer400AndKeepTheTaskOpenWhenATaskFormIsSubmittedWithBadValues() throws Exception {
      String reference = JSON.readTree(post("anna", body("offenbach", 6000)).getBody()).get("reference").asText();
      String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
      var anna = rest.withBasicAuth("anna", "demo");
      anna.exchange("/engine-rest/task/" + taskId + "/claim", HttpMethod.POST, json("{\"userId\": \"anna\"}"), String.class);

      ResponseEntity<String> response = anna.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
          json("{\"variables\": {\"adviceOutcome\": {\"value\": \"NEED_REDUCED\"}, \"reducedAmount\": {\"value\": -1}}}"),
          String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("„Neuer Kreditbetrag (EUR)“").doesNotContain("reducedAmount");
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
      assertThat(jdbc.sql("SELECT amount FROM loan WHERE reference = :r").param("r", reference)
          .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("6000.00");
    }

    @Test
    void shouldAnswer400WhenATaskListenerRefusesTheInput() throws Exception {
      String reference = JSON.readTree(post("anna", body("offenbach", 5000)).getBody()).get("reference").asText();
      // the committee's decision form is checked by a task listener; REST must still answer 400
      var committee = runtimeService.startProcessInstanceByKey("committee-decision", reference, Map.of(
          "loanReference", reference, "quarterCode", "offenbach", "advisorGroup", "advisors-offenbach",
          "committeeGroup", "committee-offenbach"));
      String templateTask = taskService.createTaskQuery().processInstanceId(committee.getId()).singleResult().getId();
      taskService.complete(templateTask, Map.of("templateImprovesSituation", "Ja", "templateCanRepay", "Ja",
          "templateRecommendation", "APPROVE"));
      String decisionTask = taskService.createTaskQuery().processInstanceId(committee.getId()).singleResult().getId();
      var sven = rest.withBasicAuth("sven", "demo");
      sven.exchange("/engine-rest/task/" + decisionTask + "/claim", HttpMethod.POST, json("{\"userId\": \"sven\"}"), String.class);

      // the form takes each value; only the listener knows that an approval needs a majority
      ResponseEntity<String> response = sven.exchange("/engine-rest/task/" + decisionTask + "/submit-form",
          HttpMethod.POST, json("""
              {"variables": {"committeeDecision": {"value": "APPROVE"}, "committeeDecisionReason": {"value": "Gut"},
                "votesFor": {"value": 1}, "votesAgainst": {"value": 2}, "abstentions": {"value": 0}}}"""), String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("mehr Stimmen dafür als dagegen").doesNotContain("ENGINE-03051");
      assertThat(taskService.createTaskQuery().taskId(decisionTask).count()).isEqualTo(1);
    }
  }

  private static HttpEntity<String> json(String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  @Nested
  class Access {

    @Test
    void shouldAnswer401WithAProblemWhenAnonymous() throws Exception {
      ResponseEntity<String> response = post(null, body("offenbach", 5000));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void shouldRefuseTheBankClerk() throws Exception {
      long loans = count("loan");

      ResponseEntity<String> response = post("bernd", body("offenbach", 5000));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(JSON.readTree(response.getBody()).get("title").asText()).isEqualTo("Keine Berechtigung");
      assertThat(count("loan")).isEqualTo(loans);
    }

    @Test
    void shouldRefuseAnAdvisorOfAnotherQuarter() throws Exception {
      ResponseEntity<String> response = post("lars", body("offenbach", 5000));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(JSON.readTree(response.getBody()).get("detail").asText()).contains("eigenes Quartier");
    }
  }
}
