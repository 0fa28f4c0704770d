package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Activities.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.servicing.LoanServicingProcess.Messages;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Four eyes on a write-off, tried over the REST API Tasklist uses: the microfinancer who asks for
 * the write-off can neither claim nor complete its approval (403, German message) and nothing of
 * the loss is booked; a second person of the microfinancer approves, and only then is the loss
 * allocated and the loan written off.
 */
@QuartierskreditTest
class WriteOffNeedsFourEyesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired LoanRepository loans;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 5, 10, 10, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant()));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void shouldRefuseTheRequesterAndBookTheLossOnlyAfterASecondPersonApproves() throws Exception {
    String reference = defaultedLoanOutsideTheQuarters("4000.00");
    long loanId = loans.findByReference(reference).orElseThrow().id();

    complete("mia", task(reference, CALL_ON_GUARANTORS), "{}");
    complete("mia", task(reference, WRITE_OFF), """
        {"variables": {"writeOffConfirmed": {"value": true}, "writeOffNote": {"value": "Geschäft aufgegeben."}}}""");
    assertThat(bookedLoss(loanId)).as("nothing booked before the approval").isZero();

    Task approval = task(reference, APPROVE_WRITE_OFF);
    ResponseEntity<String> claim = post("mia", "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\":\"mia\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(JSON.readTree(claim.getBody()).get("message").asText()).isEqualTo("Sie haben die Abschreibung am "
        + java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(LocalDate.now(clock))
        + " beantragt und dürfen sie nicht selbst freigeben (Vier-Augen-Prinzip). "
        + "Eine zweite Person des Mikrofinanzierers gibt sie frei.");
    assertThat(post("mia", "/engine-rest/task/" + approval.getId() + "/complete", approve()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("mia", "/engine-rest/task/" + approval.getId() + "/submit-form", approve()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
    assertThat(bookedLoss(loanId)).isZero();
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);

    assertThat(post("max", "/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\":\"max\"}").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("max", "/engine-rest/task/" + approval.getId() + "/complete", approve()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(bookedLoss(loanId)).isEqualByComparingTo("4000.00");
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.WRITTEN_OFF);
    assertThat(jdbc.sql("""
            SELECT step || ' ' || user_id FROM loan_participant WHERE loan_id = :id ORDER BY id""")
        .param("id", loanId).query(String.class).list())
        .containsExactly("WRITE_OFF_REQUESTED mia", "WRITE_OFF_APPROVED max");
  }

  private String defaultedLoanOutsideTheQuarters(String amount) {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.EXISTING, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach", null,
        "Nähmaschinen und Ladeneinrichtung", new BigDecimal(amount))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = :liable, outstanding_principal = amount, disbursed_on = :today,
                            disturbed = TRUE, disturbed_since = :today
            WHERE reference = :r""")
        .param("liable", LiableParty.MICROFINANCER.name()).param("today", LocalDate.now(clock))
        .param("r", reference).update();
    Map<String, Object> variables = new HashMap<>();
    variables.put("loanReference", reference);
    variables.put("quarterCode", null);
    variables.put("advisorGroup", "microfinancer");
    ProcessInstance servicing = runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(reference)
        .setVariables(variables).execute();
    EngineDriver engine = new EngineDriver(managementService, runtimeService);
    engine.correlate(reference, Messages.LOAN_DISTURBED, "arrears", "400.00",
        "disturbedSince", LocalDate.now(clock).toString());
    engine.runAsyncJobs(servicing);
    engine.fireTimer(servicing, DEFAULT_PERIOD_EXPIRED);
    assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.DEFAULTED);
    return reference;
  }

  private BigDecimal bookedLoss(long loanId) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM loss_allocation WHERE loan_id = :id").param("id", loanId)
        .query(BigDecimal.class).single();
  }

  private Task task(String reference, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private void complete(String user, Task task, String body) {
    ResponseEntity<String> answer = post(user, "/engine-rest/task/" + task.getId() + "/complete", body);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static String approve() {
    return "{\"variables\": {\"writeOffDecision\": {\"value\": \"APPROVE\"}}}";
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }
}
