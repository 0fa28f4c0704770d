package de.quartierskredit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.support.TasklistSession;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tasklist's start of an application answers: the new process instance with the loan reference as
 * its business key, set by the registration in the start's own transaction. Tasklist's custom script
 * (quartierskredit/tasklist.js) shows it to the advisor from this answer, so it is a contract worth a
 * test. The reference is the system's: a start that names one is refused and starts nothing.
 */
@QuartierskreditTest
class StartFromTasklistAnswersWithTheReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUSINESS = "Änderungsschneiderei Antwort";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired LoanRepository loans;

  private String instanceId;

  @AfterEach
  void cleanUp() {
    if (instanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtimeService.deleteProcessInstance(instanceId, "test finished", true);
    }
  }

  @Test
  void shouldAnswerTheStartWithTheNewLoansReference() throws Exception {
    TasklistSession anna = TasklistSession.login("http://localhost:" + port, "anna");

    HttpResponse<String> started = anna.post("/process-definition/key/loan-application/submit-form",
        "{\"variables\":" + RestAs.variables(application()) + "}");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = JSON.readTree(started.body());
    instanceId = instance.path("id").asText();
    String reference = instance.path("businessKey").asText();
    assertThat(reference).matches("QK-\\d{4}-\\d{6}");
    assertThat(instance.path("definitionId").asText()).startsWith("loan-application:");
    Loan loan = loans.findByReference(reference).orElseThrow();
    assertThat(loan.amount()).isEqualByComparingTo("6000.00");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getBusinessKey()).isEqualTo(reference);
  }

  @Test
  void shouldRefuseAStartThatNamesItsOwnReference() throws Exception {
    TasklistSession anna = TasklistSession.login("http://localhost:" + port, "anna");
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-application").count();

    HttpResponse<String> refused = anna.post("/process-definition/key/loan-application/submit-form",
        "{\"businessKey\":\"QK-2026-999999\",\"variables\":" + RestAs.variables(application()) + "}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-application").count())
        .isEqualTo(before);
    assertThat(loans.findByReference("QK-2026-999999")).isEmpty();
  }

  private static Map<String, Object> application() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("applicantFirstName", "Ayşe");
    values.put("applicantLastName", "Demir");
    values.put("businessName", BUSINESS);
    values.put("businessStage", "NEW_FOUNDER");
    values.put("quarterCode", "offenbach");
    values.put("loanPurpose", "Nähmaschine");
    values.put("commercialPurpose", true);
    values.put("loanAmount", 6000L);
    return values;
  }
}
