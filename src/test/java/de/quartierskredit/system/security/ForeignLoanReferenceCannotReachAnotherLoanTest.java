package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attack of issue 14: a Leipzig advisor completes the advice of his own case with the
 * {@code loanReference} of an Offenbach loan and {@code committeeGroup=advisors-leipzig}, to write
 * guarantors to the Offenbach loan, read its borrower's dossier and approve it. The form takes neither
 * field; and even a reference variable that reached a process some other way moves nothing: every step
 * acts on the loan of its business key.
 */
@QuartierskreditTest
class ForeignLoanReferenceCannotReachAnotherLoanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  private String offenbach;
  private String leipzig;

  @BeforeEach
  void aLoanInEachQuarter() throws Exception {
    offenbach = apply("anna", "offenbach");
    leipzig = apply("lars", "leipzig");
  }

  @Test
  void shouldRefuseTheForeignReferenceAndShowLarsOnlyHisOwnCase() {
    RestAs lars = RestAs.user(rest, "lars");
    String advice = task(leipzig, "Task_AdviseApplicant").getId();
    lars.post("/engine-rest/task/" + advice + "/claim", "{\"userId\": \"lars\"}");

    ResponseEntity<String> refused = lars.post("/engine-rest/task/" + advice + "/complete", "{\"variables\": "
        + RestAs.variables(Map.of("adviceOutcome", "CONTINUE", "businessPotential", "HIGH", "commercialPurpose", true,
            "loanReference", offenbach, "committeeGroup", "advisors-leipzig")) + "}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("loanReference", "committeeGroup");
    ResponseEntity<String> form = lars.get("/engine-rest/task/" + advice + "/form-variables");
    assertThat(RestAs.json(form).get("loanReference").get("value").asText()).isEqualTo(leipzig);
    assertThat(form.getBody()).doesNotContain(offenbach, "Demir");
  }

  @Test
  void shouldActOnTheLoanOfTheBusinessKeyWhateverReferenceAVariableNames() {
    // a guarantor check of the Leipzig loan carrying the Offenbach reference and a group as variables
    Map<String, Object> forged = new HashMap<>(Map.of("loanReference", offenbach, "loanAmount", "600",
        "advisorGroup", "advisors-offenbach"));
    ProcessInstance check = runtimeService.startProcessInstanceByKey("guarantor-check", leipzig, forged);
    Task record = taskService.createTaskQuery().processInstanceId(check.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(record.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("advisors-leipzig");
    assertThat(runtimeService.getVariable(check.getId(), "loanReference")).isEqualTo(leipzig);

    taskService.complete(record.getId(), Map.of("guarantorDecision", "RECORDED",
        "guarantor1Name", "A. Bürge", "guarantor1Contact", "0341 1", "guarantor1Amount", 3000L,
        "guarantor2Name", "B. Bürge", "guarantor2Contact", "0341 2", "guarantor2Amount", 3000L));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(check.getId()).singleResult()
        .getId());

    assertThat(guarantors(leipzig)).isEqualTo(2);
    assertThat(guarantors(offenbach)).isZero();

    // the committee of a Leipzig loan is Leipzig's, whatever group a variable names
    ProcessInstance committee = runtimeService.startProcessInstanceByKey("committee-decision", leipzig,
        Map.of("loanReference", offenbach, "committeeGroup", "advisors-leipzig", "advisorGroup", "advisors-offenbach"));
    Task template = taskService.createTaskQuery().processInstanceId(committee.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(template.getId())).extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("advisors-leipzig", "microfinancer");
    taskService.complete(template.getId(), Map.of("templateImprovesSituation", "Ja", "templateCanRepay", "Ja",
        "templateRecommendation", "APPROVE"));
    Task decision = taskService.createTaskQuery().processInstanceId(committee.getId()).singleResult();
    assertThat(taskService.getIdentityLinksForTask(decision.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("committee-leipzig");
    assertThat((String) runtimeService.getVariable(committee.getId(), "dossierMarkdown")).contains(leipzig)
        .doesNotContain(offenbach);
    runtimeService.deleteProcessInstance(committee.getId(), "test over");
  }

  private String apply(String advisor, String quarter) throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", advisor.equals("anna") ? "Ayşe" : "Olena",
        "applicantLastName", advisor.equals("anna") ? "Demir" : "Koval", "sgb2Recipient", false,
        "businessName", "Betrieb " + quarter, "businessStage", "EXISTING", "quarterCode", quarter,
        "loanPurpose", "Ausstattung", "commercialPurpose", true, "loanAmount", 8000));
    return RestAs.json(RestAs.user(rest, advisor).post("/api/applications", JSON.writeValueAsString(application)))
        .get("reference").asText();
  }

  private Task task(String reference, String activityId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(activityId)
        .singleResult();
  }

  private long guarantors(String reference) {
    return jdbc.sql("SELECT count(*) FROM guarantor g JOIN loan l ON l.id = g.loan_id WHERE l.reference = :r")
        .param("r", reference).query(Long.class).single();
  }
}
