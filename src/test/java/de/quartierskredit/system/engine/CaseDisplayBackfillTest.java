package de.quartierskredit.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.tasklist.CaseDisplay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Tasks opened before the case display existed get their case's names on the next start, once. */
@QuartierskreditTest
class CaseDisplayBackfillTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired CaseDisplayBackfill backfill;

  @Test
  void shouldNameTheCaseOfATaskOpenedBeforeAndChangeNothingTheSecondTime() throws Exception {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Jonas", "applicantLastName", "Weiß", "sgb2Recipient", false,
        "businessName", "Fahrradwerkstatt Weiß", "businessStage", "EXISTING",
        "quarterCode", "kiel", "loanPurpose", "Werkzeug", "commercialPurpose", true, "loanAmount", 2500));
    ResponseEntity<String> created = RestAs.user(rest, "ole").post("/api/applications",
        new ObjectMapper().writeValueAsString(application));
    assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
    String taskId = taskService.createTaskQuery()
        .processInstanceId(RestAs.json(created).get("processInstanceId").asText()).singleResult().getId();
    Map<String, Object> copies = taskService.getVariablesLocal(taskId);
    // as a task of an earlier version is: without the copies
    taskService.removeVariablesLocal(taskId, List.of(CaseDisplay.REFERENCE, CaseDisplay.BORROWER,
        CaseDisplay.BUSINESS, CaseDisplay.QUARTER, CaseDisplay.AMOUNT));
    assertThat(taskService.getVariablesLocal(taskId)).isEmpty();

    assertThat(backfill.fillAll()).isGreaterThanOrEqualTo(1);

    assertThat(taskService.getVariablesLocal(taskId)).isEqualTo(copies)
        .containsEntry(CaseDisplay.BORROWER, "Jonas Weiß").containsEntry(CaseDisplay.QUARTER, "Kiel")
        .containsEntry(CaseDisplay.AMOUNT, "2.500,00 EUR");
    assertThat(backfill.fillAll()).isZero();
  }
}
