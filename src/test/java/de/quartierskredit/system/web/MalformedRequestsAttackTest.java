package de.quartierskredit.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.schedule.AnnuitySchedule;
import de.quartierskredit.schedule.RepaymentScheduleRepository;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

/**
 * Bad input that answered 5xx, or was taken, before: odd paths and trailing slashes, JSON nested
 * 1,000 deep, duplicated keys and numbers sent as text. Our API answers a problem detail naming the
 * field; {@code /engine-rest} answers 4xx with Camunda's own error JSON; nothing is stored.
 */
@QuartierskreditTest
class MalformedRequestsAttackTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEPTH = 1_000;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired LoanRepository loans;
  @Autowired RepaymentScheduleRepository schedules;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired Clock clock;

  @Nested
  class OddPaths {

    @Test
    void shouldAnswerATrailingSlashOnOurApiWith404ProblemAndChangeNothing() throws Exception {
      long before = count("loan") + count("bank_event");
      List<String[]> calls = List.of(
          new String[] {"admin", "/api/admin/migrations/", "{\"processDefinitionKey\":\"loan-application\"}"},
          new String[] {"bernd", "/api/bank/events/", "{}"},
          new String[] {"anna", "/api/applications/", application("offenbach")},
          new String[] {"anna", "/api/applications//", application("offenbach")},
          new String[] {"bernd", "/api/bank/events/x", "{}"},
          new String[] {"anna", "/api/nothing-here", "{}"});
      for (String[] call : calls) {
        ResponseEntity<String> response = post(call[0], call[1], call[2]);
        assertThat(response.getStatusCode()).as(call[1]).isEqualTo(HttpStatus.NOT_FOUND);
        assertProblem(call[1], response, 404);
      }
      assertThat(count("loan") + count("bank_event")).isEqualTo(before);
    }

    @Test
    void shouldAnswerAReadOfAnUnknownPathWith404Problem() throws Exception {
      ResponseEntity<String> response = rest.withBasicAuth("monika", "demo")
          .getForEntity("/api/portfolio/report/", String.class);

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertProblem("/api/portfolio/report/", response, 404);
    }
  }

  @Nested
  class DeepJson {

    @Test
    void shouldRefuseJsonNested1000DeepOnOurApiWithA400Problem() throws Exception {
      long before = count("loan") + count("bank_event");
      for (String body : deepBodies("quarterCode")) {
        ResponseEntity<String> application = post("anna", "/api/applications", body);
        assertThat(application.getStatusCode()).as(abbreviate(body)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem("applications", application, 400);
        ResponseEntity<String> bank = post("bernd", "/api/bank/events", body.replace("quarterCode", "amount"));
        assertThat(bank.getStatusCode()).as(abbreviate(body)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem("bank events", bank, 400);
      }
      assertThat(count("loan") + count("bank_event")).isEqualTo(before);
    }

    @Test
    void shouldRefuseJsonNested1000DeepOnEngineRestWithCamundasErrorJson() throws Exception {
      Task task = standaloneTask();
      long instances = runtimeService.createProcessInstanceQuery().count();
      try {
        for (String path : List.of("/engine-rest/task/" + task.getId() + "/complete",
            "/engine-rest/task/" + task.getId() + "/submit-form",
            "/engine-rest/process-definition/key/loan-application/start", "/engine-rest/message")) {
          for (String body : deepBodies("variables")) {
            ResponseEntity<String> response = post("admin", path, body);
            assertThat(response.getStatusCode()).as(path + " " + abbreviate(body)).isEqualTo(HttpStatus.BAD_REQUEST);
            assertCamundaError(path, response);
          }
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
      } finally {
        taskService.deleteTask(task.getId(), true);
      }
    }
  }

  @Nested
  class StrictJson {

    @Test
    void shouldRefuseADuplicatedKeyNamingTheField() throws Exception {
      long before = count("loan");
      String body = application("offenbach").replaceFirst("\\{", "{\"quarterCode\":\"leipzig\",");

      ResponseEntity<String> response = post("anna", "/api/applications", body);

      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertProblem("duplicate", response, 400);
      assertThat(fields(response)).containsExactly("quarterCode");
      assertThat(count("loan")).isEqualTo(before);
    }

    @Test
    void shouldRefuseNumbersAndBooleansSentAsTextInAnApplication() throws Exception {
      long before = count("loan");
      for (String[] field : new String[][] {{"loanAmount", "\"5000\""}, {"loanAmount", "true"},
          {"sgb2Recipient", "\"false\""}, {"sgb2Recipient", "0"}, {"quarterCode", "42"}, {"businessStage", "1"}}) {
        Map<String, Object> fields = JSON.readValue(application("offenbach"), Map.class);
        fields.remove(field[0]);
        String body = JSON.writeValueAsString(fields).replaceFirst("\\{", "{\"" + field[0] + "\":" + field[1] + ",");

        ResponseEntity<String> response = post("anna", "/api/applications", body);

        assertThat(response.getStatusCode()).as(field[0] + "=" + field[1]).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(field[0], response, 400);
        assertThat(fields(response)).as(field[0] + "=" + field[1]).containsExactly(field[0]);
      }
      assertThat(count("loan")).isEqualTo(before);
    }

    @Test
    void shouldRefuseADecimalOfAbsurdSizeAtOnce() throws Exception {
      long before = count("loan");
      for (String amount : List.of("1e999999", "1e-999999", "1e16")) {
        long started = System.nanoTime();

        ResponseEntity<String> response = post("anna", "/api/applications",
            application("offenbach").replace("\"loanAmount\":5000", "\"loanAmount\":" + amount));

        assertThat(response.getStatusCode()).as(amount).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).as(amount).containsExactly("loanAmount");
        // its plain form has a million digits: turned into text and parsed back it took 24-66 s
        assertThat(System.nanoTime() - started).as(amount).isLessThan(10_000_000_000L);
      }
      assertThat(count("loan")).isEqualTo(before);
    }

    @Test
    void shouldRefuseABankPaymentWhoseAmountIsTextAndBookNothing() throws Exception {
      String reference = activeLoan();
      String paid = jdbc.sql("""
              SELECT COALESCE(SUM(l.paid_amount), 0) FROM repayment_schedule_line l
              JOIN repayment_schedule s ON s.id = l.schedule_id JOIN loan o ON o.id = s.loan_id
              WHERE o.reference = :r""").param("r", reference).query(BigDecimal.class).single().toPlainString();
      long events = count("bank_event");
      String body = "{\"eventId\":\"EV-TEXT-" + reference + "\",\"loanReference\":\"" + reference
          + "\",\"type\":\"INSTALMENT_PAID\",\"amount\":\"100\",\"valueDate\":\"" + LocalDate.now(clock) + "\"}";

      ResponseEntity<String> response = post("bernd", "/api/bank/events", body);

      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertProblem("amount", response, 400);
      assertThat(fields(response)).containsExactly("amount");
      assertThat(count("bank_event")).isEqualTo(events);
      assertThat(jdbc.sql("""
              SELECT COALESCE(SUM(l.paid_amount), 0) FROM repayment_schedule_line l
              JOIN repayment_schedule s ON s.id = l.schedule_id JOIN loan o ON o.id = s.loan_id
              WHERE o.reference = :r""").param("r", reference).query(BigDecimal.class).single().toPlainString())
          .isEqualTo(paid);

      ResponseEntity<String> asNumber = post("bernd", "/api/bank/events", body.replace("\"100\"", "100"));
      assertThat(asNumber.getStatusCode()).as(asNumber.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldLeaveCamundasOwnRestApiAsLenientAsItWas() {
      // Camunda's REST has its own object mapper: Tasklist and Cockpit send what they always sent
      ResponseEntity<String> response = post("admin", "/engine-rest/task", "{\"maxPriority\":\"50\"}");

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
  }

  // --- helpers ---

  /** Arrays and objects 1,000 deep, as the whole body and as the value of a field. */
  private static List<String> deepBodies(String field) {
    String arrays = "[".repeat(DEPTH) + "]".repeat(DEPTH);
    String objects = "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
    return List.of(arrays, objects, "{\"" + field + "\":" + arrays + "}", "{\"" + field + "\":" + objects + "}");
  }

  private String application(String quarter) {
    return """
        {"applicantFirstName":"Ayşe","applicantLastName":"Demir","applicantEmail":"ayse@example.org",
         "applicantPhone":"069 123456","sgb2Recipient":false,"businessName":"Schneiderei Demir",
         "businessStage":"NEW_FOUNDER","businessSector":"Handwerk","businessStreet":"Frankfurter Straße 12",
         "businessPostalCode":"63065","businessCity":"Offenbach am Main","quarterCode":"%s",
         "loanPurpose":"Nähmaschine","commercialPurpose":true,"loanAmount":5000}""".formatted(quarter);
  }

  /** An ACTIVE loan outside the quarters with a schedule of twelve lines, disbursed three months ago. */
  private String activeLoan() {
    BigDecimal amount = new BigDecimal("1200.00");
    Loan loan = loans.register(new NewApplication("Emre", "Yilmaz", "emre@example.org", "069 555", false,
        "Imbiss Yilmaz", BusinessStage.EXISTING, "Gastronomie", "Frankfurter Str. 10", "63067", "Offenbach",
        null, "Neue Fritteuse", amount));
    LoanTestStates.activate(loans, loan.reference());
    LocalDate disbursedOn = LocalDate.now(clock).minusMonths(3);
    jdbc.sql("UPDATE loan SET outstanding_principal = amount, disbursed_on = :d WHERE id = :id")
        .param("d", disbursedOn).param("id", loan.id()).update();
    schedules.storeNewVersion(loan.id(), amount, BigDecimal.ZERO, "Auszahlung", AnnuitySchedule.calculate(
        new AnnuitySchedule.Terms(amount, BigDecimal.ZERO, 12, disbursedOn.plusMonths(1))));
    return loan.reference();
  }

  private Task standaloneTask() {
    Task task = taskService.newTask();
    task.setName("Malformed requests target");
    taskService.saveTask(task);
    return task;
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static List<String> fields(ResponseEntity<String> response) throws Exception {
    JsonNode problem = JSON.readTree(response.getBody());
    return problem.has("errors") ? problem.get("errors").findValuesAsText("field") : List.of();
  }

  static void assertProblem(String what, ResponseEntity<String> response, int status) throws Exception {
    MediaType type = response.getHeaders().getContentType();
    assertThat(type).as(what + ": " + response.getBody()).isNotNull();
    assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(what + ": " + type).isTrue();
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.get("title").asText()).as(what).isNotBlank();
  }

  static void assertCamundaError(String what, ResponseEntity<String> response) throws Exception {
    MediaType type = response.getHeaders().getContentType();
    assertThat(type).as(what + ": " + response.getBody()).isNotNull();
    assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).as(what + ": " + type).isTrue();
    JsonNode error = JSON.readTree(response.getBody());
    assertThat(error.get("type").asText()).as(what).isNotBlank();
    assertThat(error.get("message").asText()).as(what).isNotBlank();
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
