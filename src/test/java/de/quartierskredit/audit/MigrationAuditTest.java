package de.quartierskredit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Model migrations in the audit trail: a process owner moves a running loan to a new version of
 * loan-servicing over our migration API (a batch) and then again the way Cockpit does it (the engine's
 * REST API, at once); each move is one entry for the loan, naming the process, source and target
 * version and who started it. A dry run leaves none. The added versions are deleted afterwards (with
 * the instances on them), so the real model is the latest again for every other test class.
 */
@QuartierskreditTest
class MigrationAuditTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoanRepository loans;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    deployments.clear();
  }

  @Test
  void shouldRecordEachMigrationOfALoanWithVersionsAndWhoStartedIt() throws IOException {
    ProcessDefinition v1 = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(LoanServicingProcess.KEY).latestVersion().singleResult();
    String reference = activeLoan();
    ProcessInstance servicing = runtimeService.createProcessInstanceById(v1.getId()).businessKey(reference)
        .setVariables(Map.of("loanReference", reference, "quarterCode", "offenbach",
            "advisorGroup", Roles.advisors("offenbach")))
        .execute();
    ProcessDefinition v2 = deployServicingAgain();

    Map<String, Object> request = new HashMap<>(Map.of("processKey", LoanServicingProcess.KEY,
        "sourceVersion", v1.getVersion(), "processInstanceIds", List.of(servicing.getId())));
    request.put("dryRun", true);
    assertThat(post("admin", "/api/admin/migrations", request).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(audit.of(reference)).as("a dry run moves nothing").isEmpty();

    request.put("dryRun", false);
    ResponseEntity<String> started = post("admin", "/api/admin/migrations", request);
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    runBatch(RestAs.json(started).path("sources").get(0).path("batchId").asText());

    assertThat(audit.of(reference)).singleElement().satisfies(entry -> {
      assertThat(entry.action()).isEqualTo(AuditAction.MODEL_MIGRATION);
      assertThat(entry.actionLabel()).isEqualTo("Umstellung auf eine neue Modellversion");
      assertThat(entry.actor()).as("the batch's creator").isEqualTo("admin");
      assertThat(entry.actorRole()).isEqualTo("gestartet von");
      assertThat(entry.details()).containsEntry(AuditDetails.PROCESS, LoanServicingProcess.KEY)
          .containsEntry(AuditDetails.SOURCE_VERSION, v1.getVersion())
          .containsEntry(AuditDetails.TARGET_VERSION, v2.getVersion());
      assertThat(entry.description()).isEqualTo("Prozess: Kreditbegleitung; von Version: " + v1.getVersion()
          + "; auf Version: " + v2.getVersion());
    });

    // as Cockpit migrates: generate a plan, execute it at once, over the engine's REST API
    ProcessDefinition v3 = deployServicingAgain();
    ResponseEntity<String> plan = post("admin", "/engine-rest/migration/generate",
        Map.of("sourceProcessDefinitionId", v2.getId(), "targetProcessDefinitionId", v3.getId()));
    assertThat(plan.getStatusCode()).as(plan.getBody()).isEqualTo(HttpStatus.OK);
    Map<String, Object> execution = new HashMap<>();
    execution.put("migrationPlan", RestAs.json(plan));
    execution.put("processInstanceIds", List.of(servicing.getId()));
    ResponseEntity<String> migrated = post("admin", "/engine-rest/migration/execute", execution);
    assertThat(migrated.getStatusCode()).as(migrated.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    List<AuditEntryView> entries = audit.of(reference);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(1).actor()).isEqualTo("admin");
    assertThat(entries.get(1).details()).containsEntry(AuditDetails.SOURCE_VERSION, v2.getVersion())
        .containsEntry(AuditDetails.TARGET_VERSION, v3.getVersion());
    assertThat(audit.verify(reference).intact()).isTrue();
  }

  private ProcessDefinition deployServicingAgain() throws IOException {
    BpmnModelInstance model;
    try (InputStream in = new ClassPathResource("bpmn/loan-servicing.bpmn").getInputStream()) {
      model = Bpmn.readModelFromStream(in);
    }
    DeploymentBuilder builder = repositoryService.createDeployment().name("loan-servicing (MigrationAuditTest)")
        .addModelInstance("bpmn/loan-servicing.bpmn", model);
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      builder.addInputStream("forms/" + form.getFilename(), form.getInputStream());
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
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

  private String activeLoan() {
    String reference = loans.register(new NewApplication("Derya", "Yilmaz", "derya@example.org", "069 456", false,
        "Änderungsschneiderei Yilmaz", BusinessStage.EXISTING, "Handwerk", "Frankfurter Str. 7", "63065", "Offenbach",
        "offenbach", "Overlock-Maschine", new BigDecimal("3000.00"))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = 'LOCAL_FUND', outstanding_principal = amount, disbursed_on = :today
            WHERE reference = :r""").param("today", LocalDate.now(clock)).param("r", reference).update();
    return reference;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, String.class);
  }
}
