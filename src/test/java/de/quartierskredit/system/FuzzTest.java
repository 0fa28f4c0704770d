package de.quartierskredit.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.system.forms.FormField;
import de.quartierskredit.system.forms.FormSchema;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed input of every kind against our REST endpoints and Camunda's form submission on real
 * open tasks: never a 5xx, our endpoints answer problem details naming the field, and the database
 * and the tasks stay as they were. Deterministic (fixed seed), bounded in count and time. A second
 * run, generated from the deployed models and forms, sends every form fields it does not have and
 * values it forbids.
 */
@QuartierskreditTest
class FuzzTest {

  private static final long SEED = 20261126L;
  private static final int ROUNDS = 145;
  private static final Duration TIME_LIMIT = Duration.ofSeconds(75);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Amounts that no endpoint may accept, as JSON literals (some are not even JSON). */
  private static final List<String> BAD_AMOUNTS = List.of("-1", "-0.01", "0", "1e30", "20000.001", "20000.01",
      "1e999999", "1e-999999", "1e2147483648", "99999999999999999999999999999999999999", "0.001", "499.99",
      "\"abc\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "NaN", "Infinity", "-Infinity", "[]", "[5000]", "{}",
      "{\"value\":5000}", "true", "false", "\"\"", "\"5.000,00\"", "\"12,50\"", "\"\\u0000\"", "\"5000\\u0000\"",
      "\"\\ud800\"", "\"5e3\u200B\"", "0x1F40", "+5000", "05000", "\"" + "9".repeat(5000) + "\"");
  /** Odd text: very long, control characters, RTL, zero width, surrogate halves, emoji; as JSON literals. */
  private static final List<String> ODD_TEXT = List.of("\"" + "x".repeat(100_000) + "\"", "\"\\u0000\"",
      "\"a\\u0000b\"", "\"\\u202Eevil\\u202C\"", "\"\\u200B\\u200C\\u200D\\uFEFF\"", "\"\\ud800\"", "\"\\udfff x\"",
      "\"😀💸🏦\"", "\"\\uffff\"", "\"\u0007\u001b[31m\"", "\"' OR 1=1 --\"", "\"<script>alert(1)</script>\"",
      "\"${jndi:ldap://x}\"", "\"#{7*7}\"", "\"\"", "\"   \"", "123", "-1.5", "true", "[]", "[\"a\"]", "{}",
      "{\"a\":{\"b\":[1,2,{}]}}", "null", "\"" + "ä".repeat(5000) + "\"", "\"\\r\\n\\t\"");
  private static final List<String> MALFORMED = List.of("", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "nul",
      "{\"loanAmount\": 5000,}", "'single'", "{\"a\":\"unterminated}", "\u0000", "\uFEFF{}", "{\"a\":1}{\"b\":2}",
      "[1,2", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":01}", "{\"a\": .5}", "<xml/>", "a=1&b=2");
  private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired Clock clock;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;

  private final Random random = new Random(SEED);
  private final Map<String, Integer> tally = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private String activeLoan;
  private Map<String, List<String>> openTasks;

  @BeforeEach
  void openTasksAndAnActiveLoan() throws Exception {
    // outside the quarters: its outstanding principal must not use up a quarter fund that other tests approve against
    activeLoan = register(null, "1200.00");
    LoanTestStates.activate(loans, activeLoan);
    jdbc.sql("UPDATE loan SET outstanding_principal = amount, disbursed_on = :d WHERE reference = :r")
        .param("d", LocalDate.now(clock).minusMonths(3)).param("r", activeLoan).update();
    openTasks = new LinkedHashMap<>();
    openTasks.put(adviceTask(), List.of("adviceOutcome", "reducedAmount", "businessPotential",
        "expectedMonthlyProfit", "jobsCreatedOrKept", "commercialPurpose", "adviceNotes"));
    openTasks.put(committeeTemplateTask(), List.of("templateImprovesSituation", "templateCanRepay",
        "templateRecommendation", "templateNotes"));
    openTasks.put(contractTask(), List.of("contractNumber", "contractSignedOn"));
    openTasks.put(monthlyContactTask(), List.of("contactChannel", "contactedOn", "contactOutcome",
        "businessSituation", "contactNotes"));
  }

  @Test
  void shouldAnswerEveryMalformedRequestWithA4xxAndChangeNothing() throws Exception {
    Map<String, Object> before = databaseFigures();
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    int requests = 0;
    for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
      application();
      bankEvent();
      portfolioReport();
      for (String taskId : openTasks.keySet()) {
        taskForm(taskId);
      }
      requests += 3 + openTasks.size();
    }
    oversizedBodies();
    requests += 6;

    System.out.println("FuzzTest: " + requests + " malformed requests, by endpoint and status: " + tally);
    assertThat(requests).isGreaterThanOrEqualTo(1000);
    assertThat(failures).isEmpty();
    assertThat(databaseFigures()).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskIdIn(openTasks.keySet().toArray(String[]::new)).count())
        .isEqualTo(openTasks.size());
  }

  /**
   * Generated from the deployed models and forms: every user task and every start event with a Camunda
   * Form gets, over Camunda's REST API, (a) the fields that decide a loan elsewhere but are not in its
   * form (a foreign loan reference, an amount, groups, a quarter, a business key), and (b) for each of its
   * fields a value its form does not allow. Each is refused with 400 naming the field; the task stays
   * open, its process's variables and our tables stay as they were, no process is started.
   */
  @Test
  void shouldRefuseForeignFieldsAndValuesTheFormForbidsOnEveryFormOfEveryModel() throws Exception {
    String foreignLoan = register("leipzig", "700.00");
    Map<String, String> opened = new LinkedHashMap<>();
    List<String> starts = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        if (userTask.getCamundaFormRef() != null) {
          opened.put(definition.getKey() + "/" + userTask.getId(), openTask(definition, userTask.getId()));
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          starts.add(definition.getId());
        }
      }
    }
    assertThat(opened).as("user tasks with a form in the models").hasSizeGreaterThanOrEqualTo(18);
    assertThat(starts).as("start forms").hasSizeGreaterThanOrEqualTo(3);

    Map<String, Object> before = databaseFigures();
    Map<String, Map<String, Object>> variablesBefore = new HashMap<>();
    opened.values().forEach(taskId -> variablesBefore.put(taskId, taskService.getVariables(taskId)));
    int refusals = 0;
    for (Map.Entry<String, String> entry : opened.entrySet()) {
      String taskId = entry.getValue();
      FormSchema form = FormSchema.parse(new String(formService.getDeployedTaskForm(taskId).readAllBytes(),
          StandardCharsets.UTF_8));
      String path = "/engine-rest/task/" + taskId + "/submit-form";
      refusals += refuse(entry.getKey(), path, foreign(form, foreignLoan), form);
      for (FormField field : form.fields()) {
        refusals += refuse(entry.getKey() + "." + field.key(), path, Map.of(field.key(), forbidden(field)), form);
      }
    }
    for (String definitionId : starts) {
      long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId).count();
      FormSchema form = FormSchema.parse(new String(formService.getDeployedStartForm(definitionId).readAllBytes(),
          StandardCharsets.UTF_8));
      String path = "/engine-rest/process-definition/" + definitionId + "/submit-form";
      refusals += refuse(definitionId + " start", path, foreign(form, foreignLoan), form);
      ResponseEntity<String> withKey = post("admin", path, "{\"businessKey\":\"" + foreignLoan + "\",\"variables\":{}}",
          "application/json");
      assertThat(withKey.getStatusCode().value()).as(definitionId + " with a business key").isEqualTo(400);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId).count())
          .as(definitionId + ": nothing started").isEqualTo(instances);
    }

    System.out.println("FuzzTest: " + refusals + " refused submissions on " + opened.size() + " user tasks and "
        + starts.size() + " start forms");
    assertThat(failures).isEmpty();
    assertThat(databaseFigures()).isEqualTo(before);
    opened.values().forEach(taskId -> {
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task " + taskId + " open").isOne();
      assertThat(taskService.getVariables(taskId)).as("variables of " + taskId).isEqualTo(variablesBefore.get(taskId));
    });
    opened.values().forEach(taskId -> runtimeService.deleteProcessInstance(
        taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(), "fuzzed", true));
  }

  /** Fields that decide a loan somewhere, or name nothing at all, that this form does not have. */
  private static Map<String, Object> foreign(FormSchema form, String foreignLoan) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map.<String, Object>of("loanReference", foreignLoan, "loanAmount", "600", "committeeGroup", "advisors-leipzig",
            "advisorGroup", "advisors-leipzig", "quarterCode", "leipzig", "approvedAmount", "600,00 EUR",
            "guarantorsSufficient", true, "capacityReserved", true, "fuzzUnknownField", "x")
        .forEach((name, value) -> {
          if (form.field(name).isEmpty()) {
            values.put(name, value);
          }
        });
    return values;
  }

  /** A value the field's form does not allow. */
  private static Object forbidden(FormField field) {
    if (field.readOnly()) {
      return "geändert";
    }
    return switch (field.type()) {
      case "number" -> field.min() != null ? field.min().subtract(java.math.BigDecimal.ONE) : "keine Zahl";
      case "checkbox" -> "ja";
      case "radio", "select" -> "KEINE_DER_ANTWORTEN";
      default -> field.maxLength() != null ? "x".repeat(field.maxLength() + 1) : 42L;
    };
  }

  /** Submits as a process owner (who may work on every task, under the same form rule); 400 naming the fields. */
  private int refuse(String what, String path, Map<String, Object> values, FormSchema form) {
    if (values.isEmpty()) {
      return 0;
    }
    ResponseEntity<String> response = post("admin", path, "{\"variables\":" + RestAs.variables(values) + "}",
        "application/json");
    if (response.getStatusCode().value() != 400) {
      failures.add(what + ": " + response.getStatusCode() + " for " + values.keySet() + ": " + abbreviate(response.getBody()));
    } else {
      // a field of the form is named by its label, never by its key; a field it lacks, as it was sent
      for (String name : values.keySet()) {
        String named = "„" + form.field(name).map(FormField::name).orElse(name) + "“";
        if (!response.getBody().contains(named)) {
          failures.add(what + ": refusal does not name " + named + ": " + abbreviate(response.getBody()));
        } else if (form.field(name).isPresent() && response.getBody().contains(name)) {
          failures.add(what + ": refusal shows the key " + name + ": " + abbreviate(response.getBody()));
        }
      }
    }
    return 1;
  }

  /** An instance of the model waiting at the user task, for a fresh loan of its own. */
  private String openTask(ProcessDefinition definition, String activityId) {
    String reference = register("offenbach", "3000.00");
    Map<String, Object> variables = new HashMap<>();
    LocalDate today = LocalDate.now(clock);
    variables.put("contactDueDate", java.util.Date.from(today.plusDays(20).atStartOfDay(clock.getZone()).toInstant()));
    variables.put("defaultDueAt", java.util.Date.from(today.plusDays(90).atStartOfDay(clock.getZone()).toInstant()));
    variables.put("contactMonth", today.toString().substring(0, 7));
    ProcessInstance instance;
    if (definition.getKey().equals("outreach")) {
      // an outreach case is about the contact its start recorded (there is no loan yet)
      instance = runtimeService.startProcessInstanceById(definition.getId(), Map.of("quarterCode", "offenbach",
          "contactType", "SHOP_VISIT", "contactPerson", "Emre Yilmaz", "contactOutcome", "APPLICATION"));
    } else {
      instance = runtimeService.createProcessInstanceById(definition.getId()).businessKey(reference)
          .setVariables(variables).startBeforeActivity(activityId).execute();
    }
    var task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult();
    assertThat(task).as(definition.getKey() + " waiting at " + activityId).isNotNull();
    return task.getId();
  }

  // --- the endpoints ---

  private void application() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("applicantFirstName", "\"Ayşe\"");
    body.put("applicantLastName", "\"Demir\"");
    body.put("sgb2Recipient", "false");
    body.put("businessName", "\"Änderungsschneiderei\"");
    body.put("businessStage", "\"NEW_FOUNDER\"");
    body.put("quarterCode", "\"offenbach\"");
    body.put("loanPurpose", "\"Nähmaschine\"");
    body.put("commercialPurpose", "true");
    body.put("loanAmount", pick(BAD_AMOUNTS));
    List<String> touched = new ArrayList<>(List.of("loanAmount"));
    mutate(body, touched, List.of("applicantFirstName", "applicantLastName", "applicantEmail", "applicantPhone",
        "sgb2Recipient", "businessName", "businessStage", "businessSector", "businessPostalCode", "quarterCode",
        "loanPurpose", "commercialPurpose"));
    send("POST /api/applications", "anna", "/api/applications", body, touched);
  }

  private void bankEvent() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("eventId", "\"FUZZ-" + random.nextLong() + "\"");
    body.put("loanReference", "\"" + activeLoan + "\"");
    body.put("type", "\"INSTALMENT_PAID\"");
    body.put("amount", "100.00"); // a number: text is refused (StrictJson)
    body.put("valueDate", "\"" + LocalDate.now(clock).minusDays(1) + "\"");
    // one field certainly wrong, so that no event can be booked
    String wrong = pick(List.of("amount", "amount", "valueDate", "eventId", "type"));
    body.put(wrong, switch (wrong) {
      case "amount" -> pick(BAD_AMOUNTS.stream().filter(a -> !a.equals("\"9".concat("9".repeat(4999)) + "\"")).toList());
      case "valueDate" -> pick(List.of("\"2999-01-01\"", "\"31.01.2026\"", "\"2026-02-30\"", "20260101", "\"\"",
          "\"+999999999-12-31\"", "[]", "\"\\u0000\"", "null"));
      case "eventId" -> pick(List.of("\"" + "e".repeat(101) + "\"", "\"\"", "\"  \"", "null", "[]", "{}", "42"));
      default -> pick(List.of("\"REFUND\"", "\"instalment_paid\"", "null", "1", "\"\\u0000\"", "[]"));
    });
    List<String> touched = new ArrayList<>(List.of(wrong));
    mutate(body, touched, List.of("loanReference", "contractNumber"));
    send("POST /api/bank/events", "bernd", "/api/bank/events", body, touched);
  }

  private void portfolioReport() {
    String asOf = pick(List.of("abc", "2026-13-45", "2026-02-30", "99999-01-01", "+999999999-12-31",
        "-999999999-01-01", "0000-01-01", "-0001-12-31", "1e30", "NaN", "", "%20", "%00", "%E2%80%AE2026-01-01",
        "%F0%9F%98%80", "%ED%A0%80", "2026-01-01T00:00", "2026-01-01%00", "x".repeat(2000), "%5B%5D", "null",
        "1900-01-01", "4000-01-01", "2026-1-1", "%27%20OR%201=1--"));
    String user = pick(List.of("monika", "monika", "anna", "bernd", "mia"));
    long started = System.nanoTime();
    ResponseEntity<String> response = rest.withBasicAuth(user, "demo")
        .getForEntity(java.net.URI.create(rest.getRootUri() + "/api/portfolio/report?asOf=" + asOf), String.class);
    record("GET /api/portfolio/report", response, started);
    if (response.getStatusCode().is4xxClientError()) {
      problemDetails("GET report asOf=" + abbreviate(asOf), response,
          response.getStatusCode().value() == 400 ? List.of("asOf") : List.of());
    }
  }

  private void taskForm(String taskId) {
    List<String> fields = openTasks.get(taskId);
    StringBuilder variables = new StringBuilder("{");
    int count = 1 + random.nextInt(fields.size() + 1);
    for (int i = 0; i < count; i++) {
      String name = random.nextInt(6) == 0 ? pick(List.of("unknownField", "", "\\u0000", "😀", "x".repeat(300)))
          : pick(fields);
      if (i > 0) {
        variables.append(',');
      }
      variables.append('"').append(name).append("\":").append(typedValue());
    }
    variables.append('}');
    String body = switch (random.nextInt(10)) {
      case 0 -> pick(MALFORMED);
      case 1 -> "{\"variables\":" + pick(List.of("[]", "1", "\"x\"", "null", "{\"a\":1}", "{\"a\":[]}")) + "}";
      case 2 -> "{\"variables\":" + variables + ",\"withVariablesInReturn\":" + pick(List.of("1", "\"yes\"", "[]")) + "}";
      default -> "{\"variables\":" + variables + "}";
    };
    String user = pick(List.of("admin", "admin", "admin", "anna", "sven", "bernd", "lars", "monika"));
    String type = random.nextInt(12) == 0 ? pick(WRONG_TYPES) : "application/json";
    long started = System.nanoTime();
    ResponseEntity<String> response = post(user, "/engine-rest/task/" + taskId + "/submit-form", body, type);
    record("POST /engine-rest/task/{id}/submit-form", response, started);
    if (response.getStatusCode().is2xxSuccessful()) {
      failures.add("submit-form accepted " + abbreviate(body) + " on task " + taskId);
    }
  }

  /** A Camunda typed value, mostly of a wrong or nonsensical kind. */
  private String typedValue() {
    String value = random.nextBoolean() ? pick(BAD_AMOUNTS) : pick(ODD_TEXT);
    return switch (random.nextInt(8)) {
      case 0 -> "{\"value\":" + value + ",\"type\":\"" + pick(List.of("Integer", "Long", "Double", "Short",
          "Boolean", "Date", "Null", "Bytes", "Object", "Json", "Xml", "File", "Foo", "", "string")) + "\"}";
      case 1 -> "{\"value\":" + value + ",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\""
          + pick(List.of("java.util.ArrayList", "java.lang.Runtime", "x")) + "\",\"serializationDataFormat\":\""
          + pick(List.of("application/json", "application/x-java-serialized-object", "x")) + "\"}}";
      case 2 -> value;
      case 3 -> "{\"type\":\"String\"}";
      default -> "{\"value\":" + value + "}";
    };
  }

  private void oversizedBodies() {
    String huge = "{\"loanPurpose\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    for (String user : List.of("anna", "bernd")) {
      String path = user.equals("anna") ? "/api/applications" : "/api/bank/events";
      long started = System.nanoTime();
      ResponseEntity<String> response = post(user, path, huge, "application/json");
      record("POST " + path, response, started);
      problemDetails("2 MB body to " + path, response, List.of());
    }
    String taskId = openTasks.keySet().iterator().next();
    for (String field : openTasks.get(taskId).subList(0, 4)) {
      long started = System.nanoTime();
      ResponseEntity<String> response = post("admin", "/engine-rest/task/" + taskId + "/submit-form",
          "{\"variables\":{\"" + field + "\":{\"value\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}}", "application/json");
      record("POST /engine-rest/task/{id}/submit-form", response, started);
    }
  }

  // --- building and checking requests ---

  /** Adds 0-3 further defects: missing fields, extra fields, odd values. */
  private void mutate(Map<String, String> body, List<String> touched, List<String> fields) {
    for (int i = random.nextInt(4); i > 0; i--) {
      String field = pick(fields);
      switch (random.nextInt(4)) {
        case 0 -> body.remove(field);
        case 1 -> body.put(pick(List.of("interestRate", "id", "admin", "__proto__", "loanAmount2")), pick(ODD_TEXT));
        default -> body.put(field, pick(ODD_TEXT));
      }
      touched.add(field);
    }
    body.keySet().stream().filter(k -> !touched.contains(k) && !isBase(k)).forEach(touched::add);
  }

  private static boolean isBase(String field) {
    return Set.of("applicantFirstName", "applicantLastName", "sgb2Recipient", "businessName", "businessStage",
        "quarterCode", "loanPurpose", "commercialPurpose", "eventId", "loanReference", "type", "amount", "valueDate")
        .contains(field);
  }

  private void send(String endpoint, String user, String path, Map<String, String> fields, List<String> touched) {
    StringBuilder json = new StringBuilder("{");
    fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    json.append('}');
    int shape = random.nextInt(14);
    String body = shape == 0 ? pick(MALFORMED) : json.toString();
    String type = shape == 1 ? pick(WRONG_TYPES) : "application/json";
    long started = System.nanoTime();
    ResponseEntity<String> response = post(user, path, body, type);
    record(endpoint, response, started);
    boolean wellFormed = shape > 1 && response.getStatusCode().value() == 400 && isJson(body);
    problemDetails(endpoint + " " + abbreviate(body), response, wellFormed ? touched : List.of());
    if (response.getStatusCode().is2xxSuccessful()) {
      failures.add(endpoint + " accepted " + abbreviate(body));
    }
  }

  /** Our endpoints: a problem+json body; for a refused well-formed document, an error naming a touched field. */
  private void problemDetails(String what, ResponseEntity<String> response, List<String> expectedFields) {
    MediaType type = response.getHeaders().getContentType();
    if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
      failures.add(what + ": " + response.getStatusCode() + " without problem details: " + abbreviate(response.getBody()));
      return;
    }
    try {
      JsonNode problem = JSON.readTree(response.getBody());
      if (problem.get("status").asInt() != response.getStatusCode().value()) {
        failures.add(what + ": status in body differs");
      }
      if (!expectedFields.isEmpty()) {
        List<String> named = problem.has("errors") ? problem.get("errors").findValuesAsText("field") : List.of();
        if (named.stream().noneMatch(f -> expectedFields.stream().anyMatch(e -> f.equals(e) || f.startsWith(e + ".")))) {
          failures.add(what + ": errors " + named + " name none of " + expectedFields);
        }
      }
    } catch (Exception e) {
      failures.add(what + ": body is no JSON: " + abbreviate(response.getBody()));
    }
  }

  private ResponseEntity<String> post(String user, String path, String body, String contentType) {
    var headers = new HttpHeaders();
    if (!contentType.isEmpty()) {
      headers.set(HttpHeaders.CONTENT_TYPE, contentType);
    }
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST,
        new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
  }

  private void record(String endpoint, ResponseEntity<String> response, long started) {
    int status = response.getStatusCode().value();
    tally.merge(endpoint + " " + status, 1, Integer::sum);
    if (status >= 500) {
      failures.add(endpoint + " answered " + status + ": " + abbreviate(response.getBody()));
    }
  }

  private static boolean isJson(String body) {
    try {
      JSON.readTree(body);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String abbreviate(String text) {
    return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
  }

  private Map<String, Object> databaseFigures() {
    Map<String, Object> figures = new TreeMap<>();
    for (String table : List.of("loan", "applicant", "business", "guarantor", "bank_event", "borrower_contact",
        "committee_decision")) {
      figures.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
    for (String column : List.of("amount", "outstanding_principal", "reserved_principal")) {
      BigDecimal sum = jdbc.sql("SELECT COALESCE(SUM(" + column + "), 0) FROM loan").query(BigDecimal.class).single();
      figures.put("sum(loan." + column + ")", sum.stripTrailingZeros().toPlainString());
    }
    return figures;
  }

  // --- the open tasks ---

  private String register(String quarter, String amount) {
    return loans.register(new NewApplication("Emre", "Yilmaz", "emre@example.org", "069 555", false,
        "Imbiss Yilmaz", BusinessStage.EXISTING, "Gastronomie", "Frankfurter Str. 10", "63067", "Offenbach",
        quarter, "Neue Fritteuse", new BigDecimal(amount))).reference();
  }

  private String adviceTask() throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", "offenbach", "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000));
    ResponseEntity<String> created = post("anna", "/api/applications", JSON.writeValueAsString(application),
        "application/json");
    String reference = JSON.readTree(created.getBody()).get("reference").asText();
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }

  private String committeeTemplateTask() {
    String reference = register("offenbach", "3000.00");
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("committee-decision", reference, Map.of(
        "loanReference", reference, "quarterCode", "offenbach", "advisorGroup", "advisors-offenbach",
        "committeeGroup", "committee-offenbach"));
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private String contractTask() {
    String reference = register("offenbach", "5000.00");
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("bank-contract", reference,
        Map.of("loanReference", reference, "advisorGroup", "advisors-offenbach"));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
        .singleResult().getId());
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private String monthlyContactTask() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", activeLoan);
    variables.put("quarterCode", "offenbach");
    variables.put("advisorGroup", "advisors-offenbach");
    ProcessInstance instance = runtimeService.createProcessInstanceByKey("loan-servicing").businessKey(activeLoan)
        .setVariables(variables).execute();
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity("Task_OpenContactObligation").execute();
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_MonthlyContact").singleResult().getId();
  }
}
