package de.quartierskredit.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.fund.FundTestLoans;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.CapturedLog;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.support.TasklistSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a person reads when the server refuses a step, on Camunda's REST API and on the API Tasklist
 * calls: only the German reason, each field named by its form label, amounts and dates in German
 * format; a task someone else completed or claimed answers 409 with a German sentence naming that
 * person; a refused step is logged as one line, not as an ERROR with a stack trace. Nothing is stored.
 */
@QuartierskreditTest
class RefusalAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired LoanRepository loans;
  @Autowired LocalFundRepository funds;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  private LocalDate today;

  @BeforeEach
  void today() {
    today = LocalDate.now(clock);
  }

  @Nested
  class RefusedInput {

    private String reference;
    private String taskId;

    /** A loan of 8,000 EUR whose contract the bank signed five days ago: bernd confirms the disbursement. */
    @BeforeEach
    void disbursementToConfirm() {
      reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
          "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
          "offenbach", "Nähmaschinen und Ladeneinrichtung", new BigDecimal("8000.00"))).reference();
      loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
      jdbc.sql("UPDATE loan SET reserved_principal = amount WHERE reference = :reference")
          .param("reference", reference).update();
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference,
          Map.of(BankContractProcess.Variables.LOAN_REFERENCE, reference,
              BankContractProcess.Variables.ADVISOR_GROUP, Roles.advisors("offenbach")));
      managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
          .singleResult().getId());
      taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
          Map.of(BankContractProcess.Variables.CONTRACT_NUMBER, "GLS-2026/0815",
              BankContractProcess.Variables.CONTRACT_SIGNED_ON, today.minusDays(5).toString()));
      taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    @AfterEach
    void nothingWasStored() {
      if (taskId == null) {
        return; // the honest completion
      }
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
      assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.CONTRACTED);
    }

    @Test
    void shouldNameTheFieldByItsLabelWithGermanAmountsOnEngineRest() throws Exception {
      ResponseEntity<String> answer = RestAs.user(rest, "bernd").post("/engine-rest/task/" + taskId + "/complete",
          disbursement(today.toString(), 7500));

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertRefusal(answer.getBody(), "„Ausgezahlter Betrag (EUR)“: 7.500,00 EUR weicht vom bewilligten Betrag "
          + "von 8.000,00 EUR ab.");
    }

    @Test
    void shouldAnswerTasklistTheSameWhenItSubmitsTheForm() throws Exception {
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "bernd");
      assertThat(tasklist.post("/task/" + taskId + "/claim", "{\"userId\": \"bernd\"}").statusCode()).isEqualTo(204);

      HttpResponse<String> answer = tasklist.post("/task/" + taskId + "/submit-form",
          disbursement(today.toString(), 7500));

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      assertRefusal(answer.body(), "„Ausgezahlter Betrag (EUR)“: 7.500,00 EUR weicht vom bewilligten Betrag "
          + "von 8.000,00 EUR ab.");
      taskService.setAssignee(taskId, null);
    }

    @Test
    void shouldWriteDatesInGermanAndNameEveryMissingFieldInItsOwnSentence() throws Exception {
      RestAs bernd = RestAs.user(rest, "bernd");

      ResponseEntity<String> early = bernd.post("/engine-rest/task/" + taskId + "/submit-form",
          disbursement(today.minusDays(7).toString(), 8000));
      ResponseEntity<String> empty = bernd.post("/engine-rest/task/" + taskId + "/complete", "{\"variables\": {}}");
      ResponseEntity<String> resolved = bernd.post("/engine-rest/task/" + taskId + "/resolve", "{\"variables\": {}}");

      assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertRefusal(early.getBody(), "„Valutadatum“: " + GERMAN.format(today.minusDays(7))
          + " liegt vor der Vertragsunterzeichnung am " + GERMAN.format(today.minusDays(5)) + ".");
      assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertRefusal(empty.getBody(), "„Valutadatum“ fehlt. „Ausgezahlter Betrag (EUR)“ fehlt.");
      assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertRefusal(resolved.getBody(), "„Valutadatum“ fehlt. „Ausgezahlter Betrag (EUR)“ fehlt.");
    }

    @Test
    void shouldNameAFieldTheFormDoesNotHaveAsItWasSentWithoutAnyOtherVariableName() throws Exception {
      ResponseEntity<String> answer = RestAs.user(rest, "bernd").post("/engine-rest/task/" + taskId + "/complete",
          "{\"variables\": " + RestAs.variables(Map.of("disbursedOn", today.toString(), "disbursedAmount", 8000,
              "loanAmount", 9000)) + "}");

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(message(answer.getBody())).isEqualTo("Das Feld „loanAmount“ gibt es in diesem Formular nicht; "
          + "nur die Felder des Formulars werden angenommen.");
    }

    @Test
    void shouldLogARefusedCompletionAsOneLineWithoutAnyErrorOrStackTrace() throws Exception {
      try (CapturedLog log = CapturedLog.start()) {
        ResponseEntity<String> answer = RestAs.user(rest, "bernd").post("/engine-rest/task/" + taskId + "/complete",
            disbursement(today.toString(), 7500));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(log.atLeast(Level.ERROR)).as("no ERROR").isEmpty();
        assertThat(log.withStackTrace()).as("no stack trace at INFO or above").isEmpty();
        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(line -> {
          assertThat(line.getLevel()).isIn(Level.INFO, Level.WARN);
          assertThat(line.getLoggerName()).startsWith("de.quartierskredit.");
          assertThat(line.getFormattedMessage()).contains("complete task " + taskId, "bernd", "disbursedAmount");
        });
      }
    }

    @Test
    void shouldStillTakeTheRightAmount() throws Exception {
      ResponseEntity<String> answer = RestAs.user(rest, "bernd").post("/engine-rest/task/" + taskId + "/complete",
          disbursement(today.toString(), 8000));

      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(loans.findByReference(reference).orElseThrow().state()).isEqualTo(LoanState.ACTIVE);
      // undo for the check after each test: the task is gone, the loan active
      taskId = null;
    }

    private static String disbursement(String on, long amount) {
      return "{\"variables\": " + RestAs.variables(Map.of("disbursedOn", on, "disbursedAmount", amount)) + "}";
    }
  }

  @Nested
  class StartForUnknownLoan {

    @Test
    void shouldRefuseAReschedulingOfAnUnknownLoanWith400NamingTheFieldOnBothRoots() throws Exception {
      long instances = reschedulings();
      String body = "{\"variables\": " + RestAs.variables(Map.of("loanReference", "QK-2026-999999")) + "}";

      ResponseEntity<String> started = RestAs.user(rest, "mia")
          .post("/engine-rest/process-definition/key/" + RepaymentReschedulingProcess.KEY + "/start", body);
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "mia");
      HttpResponse<String> submitted = tasklist.post("/process-definition/" + definitionId() + "/submit-form", body);

      String expected = "„Aktenzeichen des Kredits“: Kein Kredit mit dem Aktenzeichen QK-2026-999999.";
      assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertRefusal(started.getBody(), expected);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
      assertRefusal(submitted.body(), expected);
      assertThat(reschedulings()).isEqualTo(instances);
    }

    @Test
    void shouldSayInGermanWhyALoanCannotBeRescheduled() throws Exception {
      FundTestLoans testLoans = new FundTestLoans(loans, funds, jdbc);
      Loan applied = testLoans.apply("offenbach", "3000.00");
      try {
        ResponseEntity<String> started = RestAs.user(rest, "mia").post("/engine-rest/process-definition/key/"
            + RepaymentReschedulingProcess.KEY + "/start",
            "{\"variables\": " + RestAs.variables(Map.of("loanReference", applied.reference())) + "}");

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertRefusal(started.getBody(), "„Aktenzeichen des Kredits“: Nur ein laufender Kredit (ausgezahlt, noch nicht "
            + "getilgt) kann umgeplant werden; " + applied.reference() + " ist beantragt.");
      } finally {
        testLoans.cleanUp();
      }
    }

    private long reschedulings() {
      return runtimeService.createProcessInstanceQuery().processDefinitionKey(RepaymentReschedulingProcess.KEY).count()
          + jdbc.sql("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = :key")
              .param("key", RepaymentReschedulingProcess.KEY).query(Long.class).single();
    }

    private String definitionId() {
      return repositoryService.createProcessDefinitionQuery().processDefinitionKey(RepaymentReschedulingProcess.KEY)
          .latestVersion().singleResult().getId();
    }
  }

  @Nested
  class ConcurrentAndStaleActions {

    private FundTestLoans testLoans;
    private String taskId;

    /** The decision template of an Offenbach application: anna, mia and max may each take it. */
    @BeforeEach
    void templateToPrepare() {
      testLoans = new FundTestLoans(loans, funds, jdbc);
      Loan loan = testLoans.apply("offenbach", "4000.00");
      Map<String, Object> variables = new HashMap<>();
      variables.put(CommitteeDecisionProcess.Variables.LOAN_REFERENCE, loan.reference());
      variables.put(CommitteeDecisionProcess.Variables.QUARTER_CODE, loan.quarterCode());
      variables.put(CommitteeDecisionProcess.Variables.ADVISOR_GROUP, Roles.advisors("offenbach"));
      variables.put(CommitteeDecisionProcess.Variables.COMMITTEE_GROUP, Roles.committee("offenbach"));
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(CommitteeDecisionProcess.KEY,
          loan.reference(), variables);
      taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    @AfterEach
    void cleanUp() {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(CommitteeDecisionProcess.KEY).list()
          .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true));
      testLoans.cleanUp();
    }

    @Test
    void shouldAnswerASecondClaimWith409NamingWhoHasTheTaskOnBothRoots() throws Exception {
      assertThat(RestAs.user(rest, "mia").post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"mia\"}")
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

      ResponseEntity<String> second = RestAs.user(rest, "max").post("/engine-rest/task/" + taskId + "/claim",
          "{\"userId\": \"max\"}");
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "anna");
      HttpResponse<String> inTasklist = tasklist.post("/task/" + taskId + "/claim", "{\"userId\": \"anna\"}");

      assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertConflict(second.getBody(), "Diese Aufgabe bearbeitet bereits Mia Yilmaz.");
      assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(409);
      assertConflict(inTasklist.body(), "Diese Aufgabe bearbeitet bereits Mia Yilmaz.");
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("mia");
    }

    @Test
    void shouldRefuseToCompleteATaskSomeoneElseHasClaimed() throws Exception {
      taskService.claim(taskId, "mia");

      ResponseEntity<String> completed = RestAs.user(rest, "anna").post("/engine-rest/task/" + taskId + "/complete",
          template());

      assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertConflict(completed.getBody(), "Diese Aufgabe bearbeitet bereits Mia Yilmaz.");
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    @Test
    void shouldAnswer409InGermanWhenATaskIsCompletedClaimedOrHandedBackAfterItWasDone() throws Exception {
      RestAs mia = RestAs.user(rest, "mia");
      assertThat(mia.post("/engine-rest/task/" + taskId + "/complete", template()).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "max");

      List<String> answers = List.of(
          expect409(mia.post("/engine-rest/task/" + taskId + "/complete", template())),
          expect409(mia.post("/engine-rest/task/" + taskId + "/submit-form", template())),
          expect409(RestAs.user(rest, "max").post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"max\"}")),
          expect409(mia.post("/engine-rest/task/" + taskId + "/unclaim", null)),
          expect409(mia.post("/engine-rest/task/" + taskId + "/assignee", "{\"userId\": \"max\"}")),
          expect409(tasklist.post("/task/" + taskId + "/unclaim", "")),
          expect409(tasklist.post("/task/" + taskId + "/assignee", "{\"userId\": \"max\"}")),
          expect409(tasklist.post("/task/" + taskId + "/claim", "{\"userId\": \"max\"}")),
          expect409(tasklist.post("/task/" + taskId + "/submit-form", template())));

      for (String body : answers) {
        assertThat(message(body)).isEqualTo("Diese Aufgabe ist bereits erledigt (von jemand anderem oder in einem "
            + "anderen Fenster). Bitte die Aufgabenliste neu laden.");
        assertThat(body).doesNotContain(taskId).doesNotContain("Cannot");
      }
    }

    @Test
    void shouldRefuseAClaimInGermanToWhoeverMayNotWorkOnTheTask() throws Exception {
      ResponseEntity<String> manager = RestAs.user(rest, "monika").post("/engine-rest/task/" + taskId + "/claim",
          "{\"userId\": \"monika\"}");
      TasklistSession tasklist = TasklistSession.login(rest.getRootUri(), "monika");
      HttpResponse<String> inTasklist = tasklist.post("/task/" + taskId + "/claim", "{\"userId\": \"monika\"}");

      assertThat(manager.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(message(manager.getBody()))
          .isEqualTo("Diese Aufgabe dürfen Sie nicht übernehmen oder bearbeiten; sie ist für andere bestimmt.");
      assertThat(inTasklist.statusCode()).isEqualTo(403);
      assertThat(message(inTasklist.body())).isEqualTo(message(manager.getBody()));
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    }

    @Test
    void shouldUnknownIdsStay404() {
      ResponseEntity<String> claim = RestAs.user(rest, "mia").post("/engine-rest/task/no-such-task/claim",
          "{\"userId\": \"mia\"}");

      assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldLogASecondClaimAsOneLineWithoutStackTrace() {
      taskService.claim(taskId, "mia");
      try (CapturedLog log = CapturedLog.start()) {
        assertThat(RestAs.user(rest, "max").post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"max\"}")
            .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        assertThat(log.withStackTrace()).isEmpty();
        assertThat(log.atLeast(Level.INFO)).singleElement().satisfies(line ->
            assertThat(line.getFormattedMessage()).contains("claim task " + taskId, "max", "mia"));
      }
    }

    private String template() {
      return "{\"variables\": " + RestAs.variables(Map.of(
          "templateImprovesSituation", "Ja: eigenes Einkommen statt Aufstockung.",
          "templateCanRepay", "Ja: Rate rund 180 EUR, aus dem Umsatz tragbar.",
          "templateRecommendation", "APPROVE")) + "}";
    }

    private String expect409(ResponseEntity<String> answer) {
      assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CONFLICT);
      return answer.getBody();
    }

    private String expect409(HttpResponse<String> answer) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
      return answer.body();
    }
  }

  @Nested
  class Logging {

    @Test
    void shouldKeepLoggingARealFailureAsErrorWithItsStackTrace() {
      try (CapturedLog log = CapturedLog.start()) {
        try {
          engineConfiguration.getCommandExecutorTxRequired().execute(context -> {
            throw new IllegalStateException("a real failure");
          });
        } catch (IllegalStateException expected) {
          // thrown to the caller as before
        }

        assertThat(log.atLeast(Level.ERROR)).singleElement().satisfies(line -> {
          assertThat(line.getFormattedMessage()).contains("ENGINE-16004", "a real failure");
          assertThat(line.getThrowableProxy()).isNotNull();
        });
      }
    }

    @Test
    void shouldPutTheBoundaryOutermostThenTheConflictsThenTheFormGuard() {
      List<String> interceptors = engineConfiguration.getCustomPreCommandInterceptorsTxRequired().stream()
          .map(i -> i.getClass().getName()).toList();

      assertThat(interceptors.subList(0, 3)).containsExactly(
          "de.quartierskredit.system.engine.EngineRefusals$Translating",
          "de.quartierskredit.system.engine.TaskConflicts$Checking",
          "de.quartierskredit.system.engine.FormFieldGuard$Guarding");
      assertThat(engineConfiguration.isEnableCmdExceptionLogging()).isFalse();
    }
  }

  private static void assertRefusal(String body, String expectedMessage) throws Exception {
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("message").asText()).isEqualTo(expectedMessage);
    assertThat(json.get("type").asText()).isEqualTo("InputRefused");
    assertThat(json.get("code").asInt()).isEqualTo(22400);
    assertThat(body).doesNotContain("Cannot").doesNotContain("Eingabe unvollständig");
  }

  private static void assertConflict(String body, String expectedMessage) throws Exception {
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("message").asText()).isEqualTo(expectedMessage);
    assertThat(json.get("code").asInt()).isBetween(20409, 20411);
  }

  private static String message(String body) throws Exception {
    return JSON.readTree(body).get("message").asText();
  }
}
