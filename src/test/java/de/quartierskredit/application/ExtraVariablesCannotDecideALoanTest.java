package de.quartierskredit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.FundRoom;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack of issue 14: an advisor posts an application of 10,000 EUR and completes her advice
 * with two variables the form does not have ({@code committeeGroup} of her own group, {@code loanAmount}
 * of 600) so that 150 + 150 EUR of guarantors would suffice and she could decide her own loan. Both
 * Camunda routes Tasklist uses refuse the extra fields before anything is stored; the guarantors are
 * checked against the loan row's amount and the decision goes to the quarter's committee.
 */
@QuartierskreditTest
class ExtraVariablesCannotDecideALoanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  private RestAs anna;
  private String reference;
  private FundRoom room;

  @BeforeEach
  void annaApplies() throws Exception {
    room = FundRoom.ensure(jdbc, "offenbach", new BigDecimal("10000"));
    anna = RestAs.user(rest, "anna");
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Selin", "applicantLastName", "Kaya", "sgb2Recipient", false,
        "businessName", "Kiosk Kaya", "businessStage", "EXISTING", "quarterCode", "offenbach",
        "loanPurpose", "Kühltheke", "commercialPurpose", true, "loanAmount", 10000));
    reference = JSON.readTree(anna.post("/api/applications", JSON.writeValueAsString(application)).getBody())
        .get("reference").asText();
  }

  @AfterEach
  void releaseTheFund() {
    room.close();
  }

  @Test
  void shouldRefuseTheExtraVariablesOnCompleteAndOnSubmitFormAndStoreNothing() {
    String advice = claim("Task_AdviseApplicant");
    Map<String, Object> withExtras = Map.of("adviceOutcome", "CONTINUE", "businessPotential", "HIGH",
        "commercialPurpose", true, "committeeGroup", "advisors-offenbach", "loanAmount", "600");

    for (String route : List.of("/complete", "/submit-form")) {
      ResponseEntity<String> refused = anna.post("/engine-rest/task/" + advice + route,
          "{\"variables\": " + RestAs.variables(withExtras) + "}");

      assertThat(refused.getStatusCode()).as(route).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(route).contains("committeeGroup", "loanAmount", "gibt es in diesem Formular nicht");
      assertThat(taskService.createTaskQuery().taskId(advice).count()).as(route + ": task still open").isOne();
      assertThat(runtimeService.getVariable(processOf(advice), "committeeGroup")).as(route).isNull();
      assertThat(runtimeService.getVariable(processOf(advice), "loanAmount")).as(route).isEqualTo("10000.00");
    }
  }

  @Test
  void shouldCheckTheGuarantorsAgainstTheLoanRowAndLetOnlyTheCommitteeDecide() {
    complete(claim("Task_AdviseApplicant"), Map.of("adviceOutcome", "CONTINUE", "businessPotential", "HIGH",
        "handicapMigration", true, "commercialPurpose", true));

    String guarantors = claim("Task_RecordGuarantors");
    Map<String, Object> small = Map.of("guarantorDecision", "RECORDED",
        "guarantor1Name", "A. Bürge", "guarantor1Contact", "069 1", "guarantor1Amount", 150,
        "guarantor2Name", "B. Bürge", "guarantor2Contact", "069 2", "guarantor2Amount", 150);
    Map<String, Object> smallWithAmount = new HashMap<>(small);
    smallWithAmount.put("loanAmount", "600");
    assertThat(anna.post("/engine-rest/task/" + guarantors + "/complete",
        "{\"variables\": " + RestAs.variables(smallWithAmount) + "}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    complete(guarantors, small);
    runJobs();

    // 300 EUR do not cover half of the loan row's 10,000 EUR: back to the advisor with the reason
    Task again = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_RecordGuarantors").singleResult();
    assertThat(again).isNotNull();
    assertThat((String) taskService.getVariable(again.getId(), "guarantorCheckReason")).contains("5.000,00");

    complete(claim("Task_RecordGuarantors"), Map.of("guarantorDecision", "RECORDED",
        "guarantor1Name", "A. Bürge", "guarantor1Contact", "069 1", "guarantor1Amount", 2500,
        "guarantor2Name", "B. Bürge", "guarantor2Contact", "069 2", "guarantor2Amount", 2500));
    runJobs();
    complete(claim("Task_PrepareDecisionTemplate"), Map.of("templateImprovesSituation", "Ja",
        "templateCanRepay", "Ja", "templateRecommendation", "APPROVE"));

    Task decision = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("Task_DecideApplication").singleResult();
    assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("committee-offenbach");
    assertThat(anna.post("/engine-rest/task/" + decision.getId() + "/claim", "{\"userId\": \"anna\"}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String claim(String activityId) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activityId)
        .singleResult();
    assertThat(task).as(activityId).isNotNull();
    assertThat(anna.post("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"anna\"}").getStatusCode())
        .as("claim " + activityId).isEqualTo(HttpStatus.NO_CONTENT);
    return task.getId();
  }

  private void complete(String taskId, Map<String, Object> values) {
    ResponseEntity<String> done = anna.post("/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\": " + RestAs.variables(values) + "}");
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private String processOf(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  /** The job executor is off in tests: runs the asynchronous steps of this loan's processes. */
  private void runJobs() {
    boolean ran = true;
    while (ran) {
      ran = false;
      for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().messages()
            .list()) {
          managementService.executeJob(job.getId());
          ran = true;
        }
      }
    }
  }
}
