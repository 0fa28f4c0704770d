package de.quartierskredit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.support.TasklistSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bank clerk confirms a signed contract in Tasklist as a German office writes it: the signing day
 * as TT.MM.JJJJ, the contract number with a space ("GLS 4711"). A day that does not exist is refused
 * with a German message naming the field's label, never a pattern, and nothing changes; so is what
 * the clerk may not send (another field) and what others may not do (an advisor completing it).
 */
@QuartierskreditTest
class ContractConfirmationThroughTasklistTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  private String reference;
  private String instanceId;
  private String taskId;

  @BeforeEach
  void contractToConfirm() {
    reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen", new BigDecimal("5000.00"))).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    jdbc.sql("UPDATE loan SET reserved_principal = amount WHERE reference = :reference")
        .param("reference", reference).update();
    instanceId = runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference,
        Map.of(BankContractProcess.Variables.LOAN_REFERENCE, reference,
            BankContractProcess.Variables.ADVISOR_GROUP, Roles.advisors("offenbach"))).getId();
    managementService.createJobQuery().processInstanceId(instanceId).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    Task task = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(BankContractProcess.Activities.CONFIRM_CONTRACT).singleResult();
    assertThat(task).as("contract confirmation waiting").isNotNull();
    taskId = task.getId();
  }

  @AfterEach
  void cleanUp() {
    if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
      runtimeService.deleteProcessInstance(instanceId, "test finished", true);
    }
  }

  @Test
  void shouldTakeTheSigningDayAsTTMMJJJJAndAContractNumberWithASpace() throws Exception {
    TasklistSession bernd = claimedBy("bernd");
    LocalDate yesterday = LocalDate.now(clock).minusDays(1);

    HttpResponse<String> confirmed = bernd.post("/task/" + taskId + "/submit-form",
        form("contractNumber", "GLS 4711", "contractSignedOn", GERMAN.format(yesterday)));

    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.CONTRACTED);
    assertThat(jdbc.sql("SELECT bank_contract_number FROM loan WHERE reference = :r").param("r", reference)
        .query(String.class).single()).isEqualTo("GLS 4711");
    assertThat(jdbc.sql("SELECT contracted_on FROM loan WHERE reference = :r").param("r", reference)
        .query(LocalDate.class).single()).isEqualTo(yesterday);
  }

  @Test
  void shouldRefuseADayThatDoesNotExistNamingTheLabelInGermanAndChangeNothing() throws Exception {
    TasklistSession bernd = claimedBy("bernd");

    HttpResponse<String> refused = bernd.post("/task/" + taskId + "/submit-form",
        form("contractNumber", "GLS 4711", "contractSignedOn", "32.12.2026"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    String message = JSON.readTree(refused.body()).path("message").asText();
    // the wrapper around the reason (engine text, field key) is the refusal's formatting, not the date check's
    assertThat(message).contains("„Unterschrieben am“ ist kein gültiges Datum (eingegeben: „32.12.2026“). Bitte als "
        + "TT.MM.JJJJ eingeben, z. B. 01.12.2026.").doesNotContain("\\d", "[0-9]", "^(", "JJJJ-MM-TT");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isOne();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  void shouldRefuseAFieldTheFormDoesNotHaveEvenWithAGoodDate() throws Exception {
    TasklistSession bernd = claimedBy("bernd");

    HttpResponse<String> refused = bernd.post("/task/" + taskId + "/submit-form", form("contractNumber", "GLS 4711",
        "contractSignedOn", GERMAN.format(LocalDate.now(clock)), "contractedOn", "2020-01-01"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("contractedOn");
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  @Test
  void shouldNotLetAnAdvisorConfirmTheContract() throws Exception {
    TasklistSession anna = TasklistSession.login("http://localhost:" + port, "anna");

    HttpResponse<String> refused = anna.post("/task/" + taskId + "/submit-form",
        form("contractNumber", "GLS 4711", "contractSignedOn", GERMAN.format(LocalDate.now(clock))));

    assertThat(refused.statusCode()).as(refused.body()).isIn(403, 404);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.APPROVED);
  }

  private TasklistSession claimedBy(String user) throws Exception {
    TasklistSession session = TasklistSession.login("http://localhost:" + port, user);
    HttpResponse<String> claim = session.post("/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    return session;
  }

  private static String form(String... nameValue) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      values.put(nameValue[i], nameValue[i + 1]);
    }
    return "{\"variables\":" + RestAs.variables(values) + "}";
  }
}
