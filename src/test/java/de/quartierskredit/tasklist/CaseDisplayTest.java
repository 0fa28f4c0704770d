package de.quartierskredit.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.guarantor.GuarantorCheckProcess;
import de.quartierskredit.outreach.OutreachProcess;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each task list entry names its case (issue 15): reference, borrower, business, quarter and the German
 * amount, as the advisor's own Tasklist filter shows them, following a reduced amount, for an outreach contact
 * without a loan too; the copies keep no history and nobody can overwrite them.
 */
@QuartierskreditTest
class CaseDisplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @Test
  void shouldNameTheCaseInTheAdvisorsTaskListEntry() throws Exception {
    String instanceId = apply("anna", "offenbach", 8000);
    Task advice = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    String reference = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey();

    JsonNode entry = entry("anna", "Offene Arbeit meines Quartiers", advice.getId());

    assertThat(variables(entry)).containsExactlyInAnyOrderEntriesOf(Map.of(
        CaseDisplay.REFERENCE, reference,
        CaseDisplay.BORROWER, "Ayşe Demir",
        CaseDisplay.BUSINESS, "Änderungsschneiderei Demir",
        CaseDisplay.QUARTER, "Offenbach",
        CaseDisplay.AMOUNT, "8.000,00 EUR"));
  }

  @Test
  void shouldShowTheReducedAmountOnTheNextTask() throws Exception {
    String instanceId = apply("lars", "leipzig", 8000);
    Task advice = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(taskService.getVariableLocal(advice.getId(), CaseDisplay.AMOUNT)).isEqualTo("8.000,00 EUR");
    taskService.claim(advice.getId(), "lars");

    ResponseEntity<String> reduced = RestAs.user(rest, "lars").post("/engine-rest/task/" + advice.getId() + "/submit-form",
        "{\"variables\":" + RestAs.variables(Map.of("adviceOutcome", "NEED_REDUCED", "reducedAmount", 6500, "businessPotential", "HIGH",
            "handicapMigration", true, "commercialPurpose", true, "expectedMonthlyProfit", 1800,
            "jobsCreatedOrKept", 2)) + "}");
    assertThat(reduced.getStatusCode()).as(reduced.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    ProcessInstance guarantors = runtimeService.createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .processDefinitionKey(GuarantorCheckProcess.KEY).singleResult();
    Task next = taskService.createTaskQuery().processInstanceId(guarantors.getId()).singleResult();
    assertThat(variables(entry("lars", "Offene Arbeit meines Quartiers", next.getId())))
        .containsEntry(CaseDisplay.AMOUNT, "6.500,00 EUR").containsEntry(CaseDisplay.QUARTER, "Leipzig")
        .containsEntry(CaseDisplay.BORROWER, "Ayşe Demir");
  }

  @Test
  void shouldNameThePersonAndBusinessOfAnOutreachContactThatHasNoLoanYet() throws Exception {
    Map<String, Object> contact = new HashMap<>();
    contact.put("quarterCode", "leipzig");
    contact.put("contactType", "SHOP_VISIT");
    contact.put("contactPerson", "Olena Koval");
    contact.put("businessName", "Imbiss am Lindenauer Markt");
    contact.put("contactOutcome", "APPLICATION");
    contact.put("contactNotes", "Möchte einen Imbisswagen übernehmen.");
    identityService.setAuthentication("lars", List.of("advisors-leipzig"));
    ProcessInstance outreach;
    try {
      outreach = runtimeService.startProcessInstanceByKey(OutreachProcess.KEY, contact);
    } finally {
      identityService.clearAuthentication();
    }
    Task capture = taskService.createTaskQuery().processInstanceId(outreach.getId()).singleResult();

    assertThat(variables(entry("lars", "Offene Arbeit meines Quartiers", capture.getId())))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            CaseDisplay.BORROWER, "Olena Koval",
            CaseDisplay.BUSINESS, "Imbiss am Lindenauer Markt",
            CaseDisplay.QUARTER, "Leipzig"));
    // the capture form's own field keeps its process variable: no display copy shadows it
    assertThat(taskService.getVariableLocal(capture.getId(), "businessName")).isNull();
    assertThat(taskService.getVariable(capture.getId(), "businessName")).isEqualTo("Imbiss am Lindenauer Markt");
  }

  @Test
  void shouldKeepNoHistoryOfTheCopiesAndLetNobodyOverwriteThem() {
    String instanceId = apply("anna", "offenbach", 3000);
    Task advice = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    taskService.claim(advice.getId(), "anna");

    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(advice.getId()).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName("loanAmountText").count()).as("other variables keep their history").isEqualTo(1);

    ResponseEntity<String> overwrite = RestAs.user(rest, "anna").put("/engine-rest/task/" + advice.getId()
        + "/localVariables/" + CaseDisplay.AMOUNT, "{\"value\":\"30,00 EUR\"}");
    assertThat(overwrite.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> remove = RestAs.user(rest, "anna").exchange(HttpMethod.DELETE, "/engine-rest/task/"
        + advice.getId() + "/localVariables/" + CaseDisplay.BORROWER, null);
    assertThat(remove.getStatusCode().is4xxClientError()).as(remove.getBody()).isTrue();
    assertThat(taskService.getVariablesLocal(advice.getId())).containsEntry(CaseDisplay.AMOUNT, "3.000,00 EUR")
        .containsEntry(CaseDisplay.BORROWER, "Ayşe Demir");
  }

  @Test
  void shouldNotShowAnotherQuartersCaseToAnAdvisor() {
    String instanceId = apply("anna", "offenbach", 5000);
    Task advice = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();

    assertThat(RestAs.user(rest, "lars").get("/engine-rest/task/" + advice.getId() + "/localVariables")
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    ResponseEntity<String> variables = RestAs.user(rest, "lars").get("/engine-rest/variable-instance?taskIdIn="
        + advice.getId());
    assertThat(RestAs.json(variables)).isEmpty();
  }

  /** Starts an application over our API as the advisor; the process instance id. */
  private String apply(String advisor, String quarter, int amount) {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", quarter, "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", amount));
    try {
      ResponseEntity<String> created = RestAs.user(rest, advisor).post("/api/applications",
          JSON.writeValueAsString(application));
      assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
      return RestAs.json(created).get("processInstanceId").asText();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The task's entry in the named filter as Tasklist fetches it (HAL, with the filter's variables), as the user. */
  private JsonNode entry(String user, String filterName, String taskId) throws Exception {
    Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
    HttpHeaders headers = new HttpHeaders();
    headers.set("Accept", "application/hal+json");
    ResponseEntity<String> list = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/filter/" + filter.getId() + "/list?maxResults=10000", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
    for (JsonNode task : JSON.readTree(list.getBody()).path("_embedded").path("task")) {
      if (task.get("id").asText().equals(taskId)) {
        return task;
      }
    }
    throw new AssertionError(user + " does not see task " + taskId + " in " + filterName);
  }

  private static Map<String, String> variables(JsonNode entry) {
    Map<String, String> values = new HashMap<>();
    entry.path("_embedded").path("variable").forEach(v -> values.put(v.get("name").asText(), v.get("value").asText()));
    return values;
  }
}
