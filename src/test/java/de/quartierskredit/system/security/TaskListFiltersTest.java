package de.quartierskredit.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.contract.BankContractProcess;
import de.quartierskredit.fund.FundTestLoans;
import de.quartierskredit.fund.LocalFundRepository;
import de.quartierskredit.loan.BusinessStage;
import de.quartierskredit.loan.LiableParty;
import de.quartierskredit.loan.Loan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import de.quartierskredit.loan.LoanTestStates;
import de.quartierskredit.loan.NewApplication;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.shared.Roles;
import de.quartierskredit.support.EngineDriver;
import de.quartierskredit.support.QuartierskreditTest;
import de.quartierskredit.support.RestAs;
import de.quartierskredit.tasklist.CaseDisplay;
import de.quartierskredit.tasklist.TaskListFilters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tasklist filters per role (issue 15): which filters each demo role lists over {@code GET /engine-rest/filter},
 * that running each returns only tasks the person may claim (Offenbach and Leipzig work, the microfinancer's,
 * the bank's, an overdue contact), that nobody reads or runs another group's filter or builds one that shows
 * more, and that the start-up keeps the filters as defined (idempotent, restores a changed query, removes the
 * old "Alle Aufgaben" filter, one after the other on several nodes).
 */
@QuartierskreditTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListFiltersTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static final String MY_TASKS = "Meine Aufgaben";
  private static final String QUARTER_WORK = "Offene Arbeit meines Quartiers";
  private static final String MICROFINANCER_WORK = "Offene Arbeit des Mikrofinanzierers";
  private static final String OVERDUE = "Überfällige Kontakte";
  private static final String DECISIONS = "Entscheidungen des Vergabeausschusses";
  private static final String BANK = "Bank: Verträge und Auszahlungen";
  private static final String QUALITY = "Qualitätssicherung und Aufsicht";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired LoanRepository loans;
  @Autowired LocalFundRepository funds;
  @Autowired JdbcClient jdbc;
  @Autowired FilterBootstrap filterBootstrap;
  @Autowired AccessBootstrap accessBootstrap;

  private FundTestLoans testLoans;
  /** The tasks this class made, by what they are. */
  private final Map<String, String> tasks = new LinkedHashMap<>();

  /** Once for the class, in the first test's coverage run (processes cannot run before it). */
  @BeforeEach
  void workInTwoQuartersForTheMicrofinancerAndTheBank() {
    if (!tasks.isEmpty()) {
      return;
    }
    testLoans = new FundTestLoans(loans, funds, jdbc);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 3, 10, 9, 0, 0, 0, BERLIN).toInstant()));
    tasks.put("offenbach-advice", firstTask(application("anna", "offenbach")));
    tasks.put("leipzig-advice", firstTask(application("lars", "leipzig")));
    tasks.put("offenbach-template", firstTask(committee("offenbach")));
    tasks.put("offenbach-decision", decisionOf(committee("offenbach")));
    tasks.put("leipzig-decision", decisionOf(committee("leipzig")));
    tasks.put("outside-template", firstTask(committee(null)));
    tasks.put("bank-contract", bankContract());
    ProcessInstance servicing = servicing("offenbach");
    driver().fireTimer(servicing, LoanServicingProcess.Activities.MONTHLY_CONTACT_DUE); // 1 April 2027, 06:00
    tasks.put("offenbach-contact", task(servicing, LoanServicingProcess.Activities.MONTHLY_CONTACT));
    driver().fireTimer(servicing, LoanServicingProcess.Activities.CONTACT_OVERDUE); // 30 April, 23:59:59
    tasks.put("overdue-clarification", task(servicing, LoanServicingProcess.Activities.CLARIFY_OVERDUE_CONTACT));
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 5, 2, 9, 0, 0, 0, BERLIN).toInstant()));
  }

  @AfterAll
  void resetClockAndLoans() {
    ClockUtil.reset();
    if (testLoans != null) {
      testLoans.cleanUp();
    }
  }

  @Nested
  class WhatEachRoleLists {

    @Test
    void shouldListExactlyTheFiltersOfEachDemoRole() {
      assertThat(filterNames("anna")).containsExactlyInAnyOrder(MY_TASKS, QUARTER_WORK, OVERDUE);
      assertThat(filterNames("lars")).containsExactlyInAnyOrder(MY_TASKS, QUARTER_WORK, OVERDUE);
      assertThat(filterNames("deniz")).containsExactlyInAnyOrder(MY_TASKS, QUARTER_WORK, OVERDUE);
      assertThat(filterNames("sven")).containsExactlyInAnyOrder(MY_TASKS, DECISIONS);
      assertThat(filterNames("katrin")).containsExactlyInAnyOrder(MY_TASKS, DECISIONS);
      assertThat(filterNames("mia")).containsExactlyInAnyOrder(MY_TASKS, MICROFINANCER_WORK, OVERDUE, DECISIONS, QUALITY);
      assertThat(filterNames("max")).containsExactlyInAnyOrder(MY_TASKS, MICROFINANCER_WORK, OVERDUE, DECISIONS, QUALITY);
      assertThat(filterNames("bernd")).containsExactlyInAnyOrder(MY_TASKS, BANK);
      assertThat(filterNames("monika")).isEmpty();
      assertThat(filterNames("prometheus")).isEmpty();
    }

    @Test
    void shouldShowTheFiltersInTheirOrderWithColourRefreshAndTheCaseVariables() {
      JsonNode filters = RestAs.json(RestAs.user(rest, "mia").get("/engine-rest/filter?resourceType=Task"));
      List<String> byPriority = new ArrayList<>();
      filters.forEach(f -> byPriority.add(f.get("properties").get("priority").asInt() + " " + f.get("name").asText()));
      byPriority.sort(java.util.Comparator.comparingInt(entry -> Integer.parseInt(entry.split(" ")[0])));
      // Tasklist shows them by priority and opens the first: the microfinancer's own open work
      assertThat(byPriority).containsExactly("0 " + MICROFINANCER_WORK, "5 " + DECISIONS, "10 " + MY_TASKS,
          "20 " + OVERDUE, "30 " + QUALITY);
      for (JsonNode filter : filters) {
        JsonNode properties = filter.get("properties");
        assertThat(properties.get("refresh").asBoolean()).isTrue();
        assertThat(properties.get("color").asText()).matches("#[0-9a-f]{6}");
        assertThat(properties.get("description").asText()).isNotBlank();
        List<String> labels = new ArrayList<>();
        properties.get("variables").forEach(v -> labels.add(v.get("label").asText()));
        assertThat(labels).containsExactly("Kreditnehmer/in", "Frühwarnung", "Unternehmen", "Aktenzeichen", "Betrag",
            "Quartier");
        // higher priority first (an early warning raises a contact task's), before Tasklist's own sorting
        assertThat(filter.get("query").get("sorting").get(0).get("sortBy").asText()).isEqualTo("priority");
        assertThat(filter.get("query").get("sorting").get(0).get("sortOrder").asText()).isEqualTo("desc");
      }
    }
  }

  @Nested
  class WhatEachFilterOffers {

    @Test
    void shouldOfferTheOffenbachAdvisorOnlyOffenbachWorkAndLetHerClaimAllOfIt() {
      Map<String, List<String>> offered = offered("anna");
      assertThat(offered.get(QUARTER_WORK)).contains(tasks.get("offenbach-advice"), tasks.get("offenbach-template"),
          tasks.get("offenbach-contact"));
      assertThat(offered.get(OVERDUE)).contains(tasks.get("offenbach-contact"))
          .doesNotContain(tasks.get("offenbach-advice"));
      assertThat(all(offered)).doesNotContain(tasks.get("leipzig-advice"), tasks.get("offenbach-decision"),
          tasks.get("outside-template"), tasks.get("bank-contract"), tasks.get("overdue-clarification"));
      claimEach("anna", offered);
    }

    @Test
    void shouldOfferTheLeipzigAdvisorOnlyLeipzigWork() {
      Map<String, List<String>> offered = offered("lars");
      assertThat(offered.get(QUARTER_WORK)).contains(tasks.get("leipzig-advice"));
      assertThat(all(offered)).doesNotContain(tasks.get("offenbach-advice"), tasks.get("offenbach-template"),
          tasks.get("offenbach-contact"), tasks.get("leipzig-decision"), tasks.get("outside-template"));
      claimEach("lars", offered);
    }

    @Test
    void shouldOfferTheCommitteeOnlyItsQuartersDecisions() {
      Map<String, List<String>> sven = offered("sven");
      assertThat(sven.get(DECISIONS)).contains(tasks.get("offenbach-decision")).doesNotContain(tasks.get("leipzig-decision"));
      assertThat(all(sven)).doesNotContain(tasks.get("offenbach-advice"), tasks.get("offenbach-template"));
      claimEach("sven", sven);

      Map<String, List<String>> katrin = offered("katrin");
      assertThat(katrin.get(DECISIONS)).contains(tasks.get("leipzig-decision")).doesNotContain(tasks.get("offenbach-decision"));
      claimEach("katrin", katrin);
    }

    @Test
    void shouldOfferTheMicrofinancerItsOwnWorkButNoAdvisorsOrCommitteesTaskAlthoughItReadsThemAll() {
      // mia reads every task (Cockpit) ...
      assertThat(ids(RestAs.user(rest, "mia").get("/engine-rest/task?maxResults=10000")))
          .contains(tasks.get("offenbach-advice"), tasks.get("leipzig-decision"));
      // ... but is offered only what she may claim
      Map<String, List<String>> offered = offered("mia");
      assertThat(offered.get(MICROFINANCER_WORK)).contains(tasks.get("outside-template"), tasks.get("offenbach-template"),
          tasks.get("overdue-clarification"));
      assertThat(offered.get(QUALITY)).contains(tasks.get("overdue-clarification"))
          .doesNotContain(tasks.get("outside-template"));
      assertThat(all(offered)).doesNotContain(tasks.get("offenbach-advice"), tasks.get("leipzig-advice"),
          tasks.get("offenbach-decision"), tasks.get("leipzig-decision"), tasks.get("offenbach-contact"),
          tasks.get("bank-contract"));
      claimEach("mia", offered);
    }

    @Test
    void shouldOfferTheBankClerkOnlyBankTasks() {
      Map<String, List<String>> offered = offered("bernd");
      assertThat(offered.get(BANK)).contains(tasks.get("bank-contract"));
      for (String id : all(offered)) {
        assertThat(groupsOf(id)).contains(Roles.BANK);
      }
      claimEach("bernd", offered);
    }

    @Test
    void shouldListAContactAsOverdueOnlyOnceItsMonthHasEnded() {
      Date afterMonthEnd = ClockUtil.getCurrentTime();
      try {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 4, 20, 9, 0, 0, 0, BERLIN).toInstant()));
        assertThat(offered("anna").get(OVERDUE)).doesNotContain(tasks.get("offenbach-contact"));
      } finally {
        ClockUtil.setCurrentTime(afterMonthEnd);
      }
      assertThat(offered("anna").get(OVERDUE)).contains(tasks.get("offenbach-contact"));
    }

    @Test
    void shouldListInMyTasksWhatIClaimedAndNothingElse() {
      String advice = tasks.get("offenbach-advice");
      assertThat(post("anna", "/engine-rest/task/" + advice + "/claim", "{\"userId\":\"anna\"}").getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      try {
        Map<String, List<String>> offered = offered("anna");
        assertThat(offered.get(MY_TASKS)).contains(advice);
        for (String id : offered.get(MY_TASKS)) {
          assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("anna");
        }
        assertThat(offered.get(QUARTER_WORK)).contains(advice); // the quarter sees who took it
        assertThat(offered("lars").get(MY_TASKS)).doesNotContain(advice);
      } finally {
        taskService.setAssignee(advice, null);
      }
    }
  }

  @Nested
  class DishonestUsers {

    @Test
    void shouldNeitherShowNorRunAnotherGroupsFilter() {
      for (String name : List.of(DECISIONS, BANK, QUALITY, MICROFINANCER_WORK)) {
        String id = filterId(name);
        assertThat(RestAs.user(rest, "lars").get("/engine-rest/filter/" + id).getStatusCode()).as(name)
            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(RestAs.user(rest, "lars").get("/engine-rest/filter/" + id + "/list").getStatusCode()).as(name)
            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(RestAs.user(rest, "lars").get("/engine-rest/filter/" + id + "/count").getStatusCode()).as(name)
            .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
      }
      assertThat(RestAs.user(rest, "monika").get("/engine-rest/filter/" + filterId(QUARTER_WORK) + "/list")
          .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldRefuseToCreateChangeOrDeleteAFilter() {
      String quarterWork = filterId(QUARTER_WORK);
      assertThat(post("lars", "/engine-rest/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"Alles\",\"query\":{}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(RestAs.user(rest, "lars").put("/engine-rest/filter/" + quarterWork,
          "{\"resourceType\":\"Task\",\"name\":\"Alles\",\"query\":{}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(RestAs.user(rest, "lars").exchange(HttpMethod.DELETE, "/engine-rest/filter/" + quarterWork, null)
          .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(post("mia", "/engine-rest/filter/create",
          "{\"resourceType\":\"Task\",\"name\":\"Alles\",\"query\":{}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(filterService.createFilterQuery().filterName("Alles").count()).isZero();
      assertThat(filterService.getFilter(quarterWork).getName()).isEqualTo(QUARTER_WORK);
    }

    @Test
    void shouldShowNoOtherQuartersTaskWhenTheQueryIsWidenedOnExecution() {
      JsonNode tasks = RestAs.json(post("lars", "/engine-rest/filter/" + filterId(QUARTER_WORK) + "/list?maxResults=1000",
          "{\"candidateGroups\":[\"advisors-offenbach\",\"advisors-leipzig\"],\"includeAssignedTasks\":true}"));
      List<String> ids = new ArrayList<>();
      tasks.forEach(t -> ids.add(t.get("id").asText()));
      assertThat(ids).contains(TaskListFiltersTest.this.tasks.get("leipzig-advice"))
          .doesNotContain(TaskListFiltersTest.this.tasks.get("offenbach-advice"));
    }

    @Test
    void shouldShowACaseworkerNoMoreThanHerTasksEvenThroughAFilterForEverything() {
      // what a caseworker with FILTER CREATE could build: no criteria at all. Task authorizations still decide.
      Filter everything = filterService.saveFilter(filterService.newTaskFilter("Alles (Test)")
          .setQuery(taskService.createTaskQuery()));
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setUserId("lars");
      read.setResource(Resources.FILTER);
      read.setResourceId(everything.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
      try {
        List<String> listed = ids(RestAs.user(rest, "lars").get("/engine-rest/filter/" + everything.getId()
            + "/list?maxResults=10000"));
        assertThat(listed).contains(tasks.get("leipzig-advice")).doesNotContain(tasks.get("offenbach-advice"),
            tasks.get("offenbach-template"), tasks.get("leipzig-decision"), tasks.get("outside-template"),
            tasks.get("bank-contract"));
        for (String id : listed) {
          assertThat(authorizationService.isUserAuthorized("lars", List.of(Roles.advisors("leipzig")),
              Permissions.READ, Resources.TASK, id)).as(id).isTrue();
        }
      } finally {
        filterService.deleteFilter(everything.getId());
      }
    }
  }

  @Nested
  class StartUp {

    @Test
    void shouldChangeNothingOnASecondStart() {
      Map<String, String> before = snapshot();
      assertThat(filterBootstrap.apply().none()).isTrue();
      assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldRestoreAChangedFilterAndItsGrants() {
      FilterEntity quarterWork = (FilterEntity) filterService.getFilter(filterId(QUARTER_WORK));
      String query = quarterWork.getQueryInternal();
      quarterWork.setName("Alle Aufgaben aller Quartiere");
      quarterWork.setQuery(taskService.createTaskQuery());
      Map<String, Object> properties = new HashMap<>(quarterWork.getProperties());
      properties.put("variables", List.of());
      quarterWork.setProperties(properties);
      filterService.saveFilter(quarterWork);
      grant(Roles.MANAGERS, quarterWork.getId());
      authorizationService.deleteAuthorization(grantOf(Roles.advisors("leipzig"), quarterWork.getId()).getId());
      assertThat(filterNames("monika")).containsExactly("Alle Aufgaben aller Quartiere");

      FilterBootstrap.Changes changes = filterBootstrap.apply();

      assertThat(changes.updated).isEqualTo(1);
      assertThat(changes.granted).isEqualTo(1);
      assertThat(changes.revoked).isEqualTo(1);
      FilterEntity restored = (FilterEntity) filterService.getFilter(quarterWork.getId());
      assertThat(restored.getName()).isEqualTo(QUARTER_WORK);
      assertThat(tree(restored.getQueryInternal())).isEqualTo(tree(query));
      assertThat((List<?>) restored.getProperties().get("variables")).hasSize(CaseDisplay.FIELDS.size());
      assertThat(filterNames("monika")).isEmpty();
      assertThat(filterNames("lars")).contains(QUARTER_WORK);
    }

    @Test
    void shouldRemoveTheOldFilterForEveryoneAndItsGrantOnAllFilters() {
      Filter legacy = filterService.saveFilter(filterService.newTaskFilter(FilterBootstrap.LEGACY_FILTER));
      grant(Roles.advisors("leipzig"), Authorization.ANY);
      grant(Roles.MANAGERS, Authorization.ANY);
      Filter duplicate = filterService.newTaskFilter(MY_TASKS);
      duplicate.setQuery(taskService.createTaskQuery());
      duplicate.setProperties(Map.of(TaskListFilters.MARKER, "my-tasks"));
      duplicate = filterService.saveFilter(duplicate);
      Filter personal = filterService.saveFilter(filterService.newTaskFilter(FilterBootstrap.LEGACY_FILTER)
          .setOwner("mia"));

      try {
        accessBootstrap.apply();
        FilterBootstrap.Changes changes = filterBootstrap.apply();

        assertThat(changes.deleted).isEqualTo(2);
        assertThat(filterService.getFilter(legacy.getId())).isNull();
        assertThat(filterService.createFilterQuery().list().stream().filter(f -> "my-tasks".equals(FilterBootstrap.key(f))))
            .as("one of the two 'Meine Aufgaben' is kept, as defined").singleElement()
            .satisfies(f -> assertThat(f.getProperties()).containsKey("variables"));
        assertThat(filterService.getFilter(personal.getId())).as("a person's own filter stays").isNotNull();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
            .resourceId(Authorization.ANY).groupIdIn(Roles.advisors("leipzig"), Roles.MANAGERS).count()).isZero();
        assertThat(filterNames("lars")).containsExactlyInAnyOrder(MY_TASKS, QUARTER_WORK, OVERDUE);
      } finally {
        filterService.deleteFilter(personal.getId());
      }
    }

    @Test
    void shouldCreateEachFilterOnceWhenTwoNodesStartAtTheSameMoment() throws Exception {
      for (Filter filter : filterService.createFilterQuery().list()) {
        if (FilterBootstrap.key(filter) != null) {
          filterService.deleteFilter(filter.getId());
        }
      }
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService nodesPool = Executors.newFixedThreadPool(2);
      List<CompletableFuture<FilterBootstrap.Changes>> nodes = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        nodes.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return filterBootstrap.synchronise();
        }, nodesPool));
      }
      go.countDown();
      List<FilterBootstrap.Changes> changes = new ArrayList<>();
      for (CompletableFuture<FilterBootstrap.Changes> node : nodes) {
        changes.add(node.get(2, TimeUnit.MINUTES));
      }
      nodesPool.shutdown();

      assertThat(changes).extracting(c -> c.created).containsExactlyInAnyOrder(7, 0);
      List<String> keys = filterService.createFilterQuery().list().stream().map(FilterBootstrap::key)
          .filter(k -> k != null).toList();
      assertThat(keys).hasSize(7).doesNotHaveDuplicates();
      assertThat(filterNames("anna")).containsExactlyInAnyOrder(MY_TASKS, QUARTER_WORK, OVERDUE);
    }

    @Test
    void shouldNameEveryGroupInGermanAndKeepANameAnAdministratorChose() {
      assertThat(groupName(Roles.advisors("leipzig"))).isEqualTo("Quartiersberatung Leipzig");
      assertThat(groupName(Roles.committee("nuernberg"))).isEqualTo("Vergabeausschuss Nürnberg");
      assertThat(groupName(Roles.MICROFINANCER)).isEqualTo("Mikrofinanzierer");
      assertThat(groupName(Roles.BANK)).isEqualTo("Kreditinstitut");
      assertThat(groupName(Roles.MANAGERS)).isEqualTo("Management");
      assertThat(groupName(Roles.PROCESS_OWNERS)).isEqualTo("Prozessverantwortliche");
      assertThat(groupName(Roles.METRICS)).isEqualTo("Betrieb: Metriken");
      assertThat(groupName("camunda-admin")).isEqualTo("Administration");
      for (Group group : identityService.createGroupQuery().list()) {
        assertThat(group.getName()).as(group.getId()).isNotEqualTo(group.getId());
      }

      rename(Roles.advisors("kiel"), Roles.advisors("kiel")); // as earlier versions named it
      rename(Roles.committee("kiel"), "Kreditausschuss Kiel-Gaarden");
      try {
        accessBootstrap.apply();
        assertThat(groupName(Roles.advisors("kiel"))).isEqualTo("Quartiersberatung Kiel");
        assertThat(groupName(Roles.committee("kiel"))).isEqualTo("Kreditausschuss Kiel-Gaarden");
      } finally {
        rename(Roles.committee("kiel"), "Vergabeausschuss Kiel");
      }
    }

    @Test
    void shouldGiveEveryQuarterAnAdvisorAndACommitteeOfThree() {
      for (String quarter : List.of("offenbach", "duisburg", "gelsenkirchen", "leipzig", "nuernberg", "kiel",
          "pforzheim")) {
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.advisors(quarter)).count()).as(quarter)
            .isGreaterThanOrEqualTo(1);
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.committee(quarter)).count()).as(quarter)
            .isGreaterThanOrEqualTo(3);
      }
    }
  }

  // --- the work ---

  private ProcessInstance application(String advisor, String quarter) {
    Map<String, Object> application = new HashMap<>(Map.of(
        "applicantFirstName", "Ayşe", "applicantLastName", "Demir", "sgb2Recipient", false,
        "businessName", "Änderungsschneiderei Demir", "businessStage", "NEW_FOUNDER",
        "quarterCode", quarter, "loanPurpose", "Nähmaschine", "commercialPurpose", true, "loanAmount", 4000));
    ResponseEntity<String> created = post(advisor, "/api/applications", json(application));
    assertThat(created.getStatusCode().is2xxSuccessful()).as(created.getBody()).isTrue();
    String id = RestAs.json(created).get("processInstanceId").asText();
    return runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private ProcessInstance committee(String quarter) {
    Loan loan = testLoans.apply(quarter, "3000.00");
    Map<String, Object> variables = new HashMap<>();
    variables.put(CommitteeDecisionProcess.Variables.LOAN_REFERENCE, loan.reference());
    return runtimeService.startProcessInstanceByKey(CommitteeDecisionProcess.KEY, loan.reference(), variables);
  }

  private String decisionOf(ProcessInstance committee) {
    taskService.complete(firstTask(committee), Map.of(
        CommitteeDecisionProcess.Variables.IMPROVES_SITUATION, "Ja: eigenes Einkommen.",
        CommitteeDecisionProcess.Variables.CAN_REPAY, "Ja: Rate 120 EUR.",
        CommitteeDecisionProcess.Variables.RECOMMENDATION, "APPROVE",
        CommitteeDecisionProcess.Variables.TEMPLATE_NOTES, "Begleitung zugesagt."));
    return task(committee, CommitteeDecisionProcess.Activities.DECIDE_APPLICATION);
  }

  private String bankContract() {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.NEW_FOUNDER, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach",
        "offenbach", "Nähmaschinen", new BigDecimal("2000.00"))).reference();
    loans.transition(reference, Set.of(LoanState.APPLIED), LoanState.APPROVED, null);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(BankContractProcess.KEY, reference,
        Map.of(BankContractProcess.Variables.LOAN_REFERENCE, reference));
    driver().runAsyncJobs(instance);
    return task(instance, BankContractProcess.Activities.CONFIRM_CONTRACT);
  }

  private ProcessInstance servicing(String quarter) {
    String reference = loans.register(new NewApplication("Ayla", "Demir", "ayla@example.org", "069 123", false,
        "Schneiderei Demir", BusinessStage.EXISTING, "Handwerk", "Bieberer Str. 1", "63065", "Offenbach", quarter,
        "Nähmaschinen", new BigDecimal("2500.00"))).reference();
    LoanTestStates.activate(loans, reference);
    jdbc.sql("""
            UPDATE loan SET liable_party = :liable, outstanding_principal = amount, disbursed_on = :today
            WHERE reference = :r""")
        .param("liable", LiableParty.LOCAL_FUND.name()).param("today", LocalDate.of(2027, 3, 10))
        .param("r", reference).update();
    return runtimeService.createProcessInstanceByKey(LoanServicingProcess.KEY).businessKey(reference)
        .setVariable("loanReference", reference).execute();
  }

  private String firstTask(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private String task(ProcessInstance instance, String activityId) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
        .singleResult().getId();
  }

  // --- what a person sees and may do ---

  /** Every filter the user lists, run as that user: filter name to task ids. */
  private Map<String, List<String>> offered(String user) {
    Map<String, List<String>> offered = new LinkedHashMap<>();
    for (JsonNode filter : RestAs.json(RestAs.user(rest, user).get("/engine-rest/filter?resourceType=Task"))) {
      offered.put(filter.get("name").asText(), ids(RestAs.user(rest, user)
          .get("/engine-rest/filter/" + filter.get("id").asText() + "/list?maxResults=10000")));
    }
    return offered;
  }

  /**
   * Every offered task is one the user may work on: offered to one of the user's groups or assigned to the
   * user. Those still open are claimed as the user (and released again); one a colleague took is shown so the
   * quarter sees who does what, and the user could claim it once it is released.
   */
  private void claimEach(String user, Map<String, List<String>> offered) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    Set<String> mine = new HashSet<>(tasks.values());
    for (String id : all(offered)) {
      Task task = taskService.createTaskQuery().taskId(id).singleResult();
      assertThat(task.getAssignee() == null || task.getAssignee().equals(user)
          || groupsOf(id).stream().anyMatch(groups::contains)).as(id).isTrue();
      assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.TASK_WORK, Resources.TASK, id))
          .as("%s may work on %s (%s)", user, id, task.getName()).isTrue();
      if (task.getAssignee() == null && mine.contains(id)) {
        ResponseEntity<String> claim = post(user, "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
        assertThat(claim.getStatusCode()).as("%s claims %s: %s", user, task.getName(), claim.getBody())
            .isEqualTo(HttpStatus.NO_CONTENT);
        taskService.setAssignee(id, null);
      }
    }
  }

  private List<String> groupsOf(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  private List<String> filterNames(String user) {
    List<String> names = new ArrayList<>();
    RestAs.json(RestAs.user(rest, user).get("/engine-rest/filter?resourceType=Task"))
        .forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private String filterId(String name) {
    return filterService.createFilterQuery().filterName(name).list().stream()
        .filter(f -> FilterBootstrap.key(f) != null).findFirst().orElseThrow().getId();
  }

  private static List<String> all(Map<String, List<String>> offered) {
    return offered.values().stream().flatMap(List::stream).distinct().toList();
  }

  private static List<String> ids(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    RestAs.json(response).forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }

  // --- stored state ---

  /** Each managed filter's id, name, query, properties and grants. */
  private Map<String, String> snapshot() {
    Map<String, String> state = new LinkedHashMap<>();
    for (Filter filter : filterService.createFilterQuery().orderByFilterId().asc().list()) {
      FilterEntity entity = (FilterEntity) filter;
      List<String> grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(filter.getId()).list().stream()
          .map(a -> a.getId() + ":" + a.getGroupId() + ":" + a.getUserId() + ":" + a.isPermissionGranted(Permissions.READ))
          .sorted().toList();
      state.put(filter.getId(), filter.getName() + entity.getQueryInternal() + entity.getPropertiesInternal() + grants);
    }
    return state;
  }

  private static JsonNode tree(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void grant(String group, String filterId) {
    Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(grant);
  }

  private Authorization grantOf(String group, String filterId) {
    return authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
        .groupIdIn(group).singleResult();
  }

  private String groupName(String groupId) {
    return identityService.createGroupQuery().groupId(groupId).singleResult().getName();
  }

  private void rename(String groupId, String name) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    group.setName(name);
    identityService.saveGroup(group);
  }

  private ResponseEntity<String> post(String user, String path, String json) {
    return RestAs.user(rest, user).post(path, json);
  }

  private static String json(Map<String, Object> values) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(values);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private EngineDriver driver() {
    return new EngineDriver(managementService, runtimeService);
  }
}
