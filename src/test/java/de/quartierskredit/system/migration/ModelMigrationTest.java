package de.quartierskredit.system.migration;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.servicing.LoanServicingProcess.Messages;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.shared.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process owner changes loan-servicing and migrates running loans over {@code /api/admin/migrations}:
 * version 1 is the real model, version 2 is built here from it (an extra step after the monthly
 * contact). Loans waiting at different points move to version 2 and go on there; an impossible
 * mapping is refused with a report and moves nothing. Version 2 is deleted afterwards (with the
 * instances on it), so the real model is the latest again for every other test class.
 */
@QuartierskreditTest
class ModelMigrationTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String FILE_CONTACT_NOTE = "Task_FileContactNote";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired TestRestTemplate rest;

  private ProcessDefinition v1;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 3, 9, 10, 0, 0, 0, BERLIN).toInstant()));
    v1 = latestServicing();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    deployments.clear();
  }

  @Test
  void shouldMoveLoansAtDifferentPointsToVersionTwoWhereTheyContinueWithTheirVariables() throws IOException {
    ProcessInstance waiting = startServicing(activeLoan("3000.00"));
    ProcessInstance inContact = startServicing(activeLoan("4000.00"));
    fireTimer(inContact, MONTHLY_CONTACT_DUE);
    String disturbedLoan = activeLoan("5000.00");
    ProcessInstance inIntervention = startServicing(disturbedLoan);
    disturb(disturbedLoan);
    correlate(disturbedLoan, Messages.LOAN_DISTURBED, "arrears", "230.00", "disturbedSince", today().toString());
    runAsyncJobs(inIntervention);
    assertThat(inIntervention).isWaitingAt(AGREE_INTERVENTION_PLAN, INTENSIVE_CONTACT);
    Map<String, Object> variablesBefore = runtimeService.getVariables(inIntervention.getId());
    List<String> ids = List.of(waiting.getId(), inContact.getId(), inIntervention.getId());

    ProcessDefinition v2 = deploy(withExtraStepAfterMonthlyContact(servicingModel()));
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

    JsonNode dryRun = post("admin", request(true, ids, List.of()), HttpStatus.OK);
    assertThat(dryRun.path("status").asText()).isEqualTo("VALID");
    assertThat(dryRun.path("target").path("version").asInt()).isEqualTo(v2.getVersion());
    JsonNode source = dryRun.path("sources").get(0);
    assertThat(source.path("definition").path("id").asText()).isEqualTo(v1.getId());
    assertThat(source.path("instances").asInt()).isEqualTo(3);
    assertThat(source.path("instructions").findValuesAsText("from")).contains(MONTHLY_CONTACT, AGREE_INTERVENTION_PLAN, LOAN_COURSE);
    assertThat(source.path("failures")).isEmpty();
    assertThat(definitionOf(waiting)).isEqualTo(v1.getId()); // a dry run moves nothing

    JsonNode started = post("admin", request(false, ids, List.of()), HttpStatus.ACCEPTED);
    assertThat(started.path("status").asText()).isEqualTo("STARTED");
    String batchId = started.path("sources").get(0).path("batchId").asText();
    assertThat(managementService.createBatchQuery().batchId(batchId).singleResult().getType()).isEqualTo("instance-migration");
    JsonNode running = get("/api/admin/migrations/" + batchId);
    assertThat(running.path("state").asText()).isEqualTo("RUNNING");
    assertThat(running.path("totalJobs").asInt()).isEqualTo(3);

    runBatch(batchId);

    JsonNode done = get("/api/admin/migrations/" + batchId);
    assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("createdBy").asText()).isEqualTo("admin");
    for (ProcessInstance instance : List.of(waiting, inContact, inIntervention)) {
      assertThat(definitionOf(instance)).isEqualTo(v2.getId());
    }
    assertThat(runtimeService.getVariables(inIntervention.getId())).isEqualTo(variablesBefore);

    // the loan in its monthly contact continues on version 2: the new step follows the contact
    complete(inContact, MONTHLY_CONTACT, contact(today()));
    assertThat(inContact).isWaitingAt(FILE_CONTACT_NOTE);
    complete(inContact, FILE_CONTACT_NOTE, Map.of());
    assertThat(inContact).hasPassed(FILE_CONTACT_NOTE, CONTACT_RECORDED).isWaitingAt(LOAN_COURSE);

    // the waiting loan: the monthly timer (migrated with its due date) fires and leads to the new step too
    fireTimer(waiting, MONTHLY_CONTACT_DUE);
    complete(waiting, MONTHLY_CONTACT, contact(today()));
    assertThat(waiting).isWaitingAt(FILE_CONTACT_NOTE);

    // the loan in intervention: its message subscription moved with it
    jdbc.sql("UPDATE loan SET disturbed = FALSE WHERE reference = :r").param("r", disturbedLoan).update();
    correlate(disturbedLoan, Messages.ARREARS_CLEARED);
    assertThat(inIntervention).hasPassed(ARREARS_CLEARED, RESOLVE_INTERVENTION).isWaitingAt(LOAN_COURSE);
    assertThat(taskService.createTaskQuery().processInstanceId(inIntervention.getId()).count()).isZero();
    assertThat(loans.findByReference(disturbedLoan).orElseThrow().state()).isEqualTo(LoanState.ACTIVE);
  }

  @Test
  void shouldRefuseWithAReportAndMoveNothingWhenAnActivityCannotBeMapped() throws IOException {
    ProcessInstance inContact = startServicing(activeLoan("2500.00"));
    fireTimer(inContact, MONTHLY_CONTACT_DUE);
    ProcessInstance waiting = startServicing(activeLoan("2600.00"));
    List<String> ids = List.of(inContact.getId(), waiting.getId());
    // version 2 renames the monthly contact task: no equal id to map the waiting task to
    BpmnModelInstance renamed = servicingModel();
    renamed.<UserTask>getModelElementById(MONTHLY_CONTACT).setId("Task_MonthlyCall");
    ProcessDefinition v2 = deploy(renamed);

    JsonNode refused = post("admin", request(false, ids, List.of()), HttpStatus.BAD_REQUEST).path("report");
    assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
    JsonNode failures = refused.path("sources").get(0).path("failures");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).path("processInstanceId").asText()).isEqualTo(inContact.getId());
    assertThat(failures.get(0).path("activityId").asText()).isEqualTo(MONTHLY_CONTACT);
    assertThat(failures.get(0).path("message").asText()).contains("no migration instruction");

    // mapping into a scope the task does not belong to is refused by the plan itself
    JsonNode acrossScopes = post("admin", request(false, ids, List.of(Map.of("from", MONTHLY_CONTACT, "to", INTENSIVE_CONTACT))),
        HttpStatus.BAD_REQUEST).path("report");
    assertThat(acrossScopes.path("sources").get(0).path("failures").get(0).path("activityId").asText())
        .isEqualTo(MONTHLY_CONTACT + " -> " + INTENSIVE_CONTACT);
    JsonNode nowhere = post("admin", request(false, ids, List.of(Map.of("from", MONTHLY_CONTACT, "to", "Task_DoesNotExist"))),
        HttpStatus.BAD_REQUEST);
    assertThat(nowhere.path("title").asText()).isEqualTo("Migration abgelehnt");
    assertThat(nowhere.path("report").path("sources").get(0).path("failures").toString()).contains("Task_DoesNotExist");
    for (ProcessInstance instance : List.of(inContact, waiting)) {
      assertThat(definitionOf(instance)).isEqualTo(v1.getId());
    }
    assertThat(managementService.createBatchQuery().count()).isZero();

    // with the rename mapped, the same migration is valid
    JsonNode mapped = post("admin", request(true, ids, List.of(Map.of("from", MONTHLY_CONTACT, "to", "Task_MonthlyCall"))),
        HttpStatus.OK);
    assertThat(mapped.path("status").asText()).isEqualTo("VALID");
    assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
  }

  @Nested
  class Access {

    @Test
    void shouldRefuseAdvisorsAndManagers() {
      for (String user : List.of("anna", "monika")) {
        ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").postForEntity("/api/admin/migrations",
            Map.of("processKey", LoanServicingProcess.KEY, "dryRun", true), String.class);
        assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      }
      assertThat(rest.withBasicAuth("monika", "demo").getForEntity("/api/admin/migrations/x", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldAskAnonymousCallersToLogIn() {
      assertThat(rest.postForEntity("/api/admin/migrations", Map.of("processKey", "x"), String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldAnswer404ForAnUnknownProcessOrBatch() {
      assertThat(rest.withBasicAuth("admin", "demo").postForEntity("/api/admin/migrations",
          Map.of("processKey", "no-such-process"), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/admin/migrations/no-such-batch", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  // --- the changed model ---

  private static BpmnModelInstance servicingModel() throws IOException {
    try (InputStream in = new ClassPathResource("bpmn/loan-servicing.bpmn").getInputStream()) {
      return Bpmn.readModelFromStream(in);
    }
  }

  /** Version 2: after the monthly contact the advisor files the contact note (a new user task). */
  private static BpmnModelInstance withExtraStepAfterMonthlyContact(BpmnModelInstance model) {
    UserTask contact = model.getModelElementById(MONTHLY_CONTACT);
    FlowNode recorded = model.getModelElementById(CONTACT_RECORDED);
    SequenceFlow old = model.getModelElementById("Flow_ToContactRecorded");
    BpmnEdge edge = old.getDiagramElement();
    edge.getParentElement().removeChildElement(edge);
    contact.getOutgoing().remove(old);
    recorded.getIncoming().remove(old);
    old.getParentElement().removeChildElement(old);
    contact.builder().userTask(FILE_CONTACT_NOTE).name("Kontaktnotiz ablegen").camundaCandidateGroups("${advisorGroup}")
        .connectTo(CONTACT_RECORDED);
    return model;
  }

  /** Deploys the model with the forms it binds to its own deployment, as Modeler's deploy dialog would. */
  private ProcessDefinition deploy(BpmnModelInstance model) throws IOException {
    DeploymentBuilder builder = repositoryService.createDeployment().name("loan-servicing (ModelMigrationTest)")
        .addModelInstance("bpmn/loan-servicing.bpmn", model);
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      builder.addInputStream("forms/" + form.getFilename(), form.getInputStream());
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
  }

  // --- the API ---

  private Map<String, Object> request(boolean dryRun, List<String> ids, List<Map<String, String>> extraMappings) {
    Map<String, Object> body = new HashMap<>();
    body.put("processKey", LoanServicingProcess.KEY);
    body.put("sourceVersion", v1.getVersion());
    body.put("dryRun", dryRun);
    body.put("processInstanceIds", ids);
    body.put("extraMappings", extraMappings);
    return body;
  }

  private JsonNode post(String user, Map<String, Object> body, HttpStatus expected) throws IOException {
    ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").postForEntity("/api/admin/migrations", body, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
    return JSON.readTree(answer.getBody());
  }

  private JsonNode get(String path) throws IOException {
    ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo").getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(answer.getBody());
  }

  /** Runs the batch's seed, migration and monitor jobs as the job executor would (it is off in tests). */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    Consumer<String> runJobsOf = definition -> managementService.createJobQuery().jobDefinitionId(definition).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    for (int round = 0; round < 10 && managementService.createBatchQuery().batchId(batchId).count() > 0; round++) {
      runJobsOf.accept(batch.getSeedJobDefinitionId());
      runJobsOf.accept(batch.getBatchJobDefinitionId());
      runJobsOf.accept(batch.getMonitorJobDefinitionId());
    }
    assertThat(managementService.createBatchQuery().batchId(batchId).count()).isZero();
  }

  // --- loans (as in LoanServicingProcessTest) ---

  private ProcessDefinition latestServicing() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(LoanServicingProcess.KEY)
        .latestVersion().singleResult();
  }

  private String definitionOf(ProcessInstance instance) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId();
  }

  private String activeLoan(String amount) {
    String reference = loans.register(new NewApplication("Derya", "Yilmaz", "derya@example.org", "069 456", false,
        "Änderungsschneiderei Yilmaz", BusinessStage.EXISTING, "Handwerk", "Frankfurter Str. 7", "63065", "Offenbach",
        "offenbach", "Overlock-Maschine", new BigDecimal(amount))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = 'LOCAL_FUND', outstanding_principal = amount, disbursed_on = :today
            WHERE reference = :r""").param("today", today()).param("r", reference).update();
    return reference;
  }

  private ProcessInstance startServicing(String reference) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", reference);
    variables.put("quarterCode", "offenbach");
    variables.put("advisorGroup", Roles.advisors("offenbach"));
    return runtimeService.createProcessInstanceById(v1.getId()).businessKey(reference).setVariables(variables).execute();
  }

  private void disturb(String reference) {
    jdbc.sql("UPDATE loan SET disturbed = TRUE, disturbed_since = :today WHERE reference = :r")
        .param("today", today()).param("r", reference).update();
  }

  private void correlate(String reference, String message, Object... variables) {
    engine().correlate(reference, message, variables);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static Map<String, Object> contact(LocalDate on) {
    return withVariables("contactChannel", "PHONE", "contactOutcome", "ON_TRACK", "businessSituation", "STABLE",
        "contactNotes", "Läuft wie geplant.", "contactedOn", on.toString());
  }

  private void complete(ProcessInstance instance, String activityId, Map<String, Object> variables) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).list();
    assertThat(tasks).as("task " + activityId).hasSize(1);
    taskService.complete(tasks.get(0).getId(), variables);
  }

  private void fireTimer(ProcessInstance instance, String activityId) {
    engine().fireTimer(instance, activityId);
  }

  private void runAsyncJobs(ProcessInstance instance) {
    engine().runAsyncJobs(instance);
  }

  private EngineDriver engine() {
    return new EngineDriver(managementService, runtimeService);
  }
}
