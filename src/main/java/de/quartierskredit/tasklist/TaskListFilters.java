package de.quartierskredit.tasklist;

import de.quartierskredit.committee.CommitteeDecisionProcess;
import de.quartierskredit.portfolio.PortfolioStandardProcess;
import de.quartierskredit.rescheduling.RepaymentReschedulingProcess;
import de.quartierskredit.servicing.LoanServicingProcess;
import de.quartierskredit.shared.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters of each role, named in German and shown only to the groups they serve. Nobody is
 * offered a task they may not claim: every filter asks for tasks assigned to the person or offered to one of
 * the person's groups ({@code ${currentUser()}}, {@code ${currentUserGroups()}}), never for all tasks the
 * person may read. That matters for the microfinancer, who reads every task for Cockpit but works only on its
 * own; managers get no filter at all (they watch Cockpit and work on no task).
 *
 * <p>A role's own work comes first (Tasklist opens the first filter): the quarter's, the microfinancer's, the
 * committee's or the bank's open work, then the person's own tasks, then what is overdue and, for the
 * microfinancer, oversight. Within each list the higher task priority comes first (an advisor's flagged loans,
 * see servicing.EarlyWarnings). Each filter lists the case's display variables ({@link CaseDisplay}) with their German labels. The
 * filters are created and kept as defined here on every start ({@code system.security.FilterBootstrap}),
 * found again by their {@link #MARKER} property.
 */
public final class TaskListFilters {

  /** Filter property holding the stable key of a filter this application manages. */
  public static final String MARKER = "quartierskreditFilter";

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";

  private TaskListFilters() {}

  /** Every filter, for the given quarters (each has its advisors and its committee). */
  public static List<TaskListFilter> all(TaskService tasks, List<String> quarterCodes) {
    List<String> advisors = quarterCodes.stream().map(Roles::advisors).toList();
    List<String> committees = quarterCodes.stream().map(Roles::committee).toList();
    List<String> caseworkers = new ArrayList<>();
    caseworkers.addAll(advisors);
    caseworkers.addAll(committees);
    caseworkers.add(Roles.MICROFINANCER);
    caseworkers.add(Roles.BANK);
    List<String> advisorsAndMicrofinancer = new ArrayList<>(advisors);
    advisorsAndMicrofinancer.add(Roles.MICROFINANCER);
    List<String> committeesAndMicrofinancer = new ArrayList<>(committees);
    committeesAndMicrofinancer.add(Roles.MICROFINANCER);

    return Stream.of(
        new TaskListFilter("my-tasks", "Meine Aufgaben",
            "Aufgaben, die Sie übernommen haben.", 10, "#1f5f9e",
            tasks.createTaskQuery().taskAssigneeExpression(ME), caseworkers),
        new TaskListFilter("quarter-work", "Offene Arbeit meines Quartiers",
            "Alle Aufgaben der Quartiersberatung, offene und übernommene.", 0, "#2e7d4f",
            offeredToMyGroups(tasks), advisors),
        new TaskListFilter("microfinancer-work", "Offene Arbeit des Mikrofinanzierers",
            "Alle Aufgaben des Mikrofinanzierers, offene und übernommene.", 0, "#2e7d4f",
            offeredToMyGroups(tasks), List.of(Roles.MICROFINANCER)),
        new TaskListFilter("overdue-contacts", "Überfällige Kontakte",
            "Monats- und Intensivkontakte, deren Frist abgelaufen ist.", 20, "#b3261e",
            offeredToMyGroups(tasks)
                .taskDefinitionKeyIn(LoanServicingProcess.Activities.MONTHLY_CONTACT,
                    LoanServicingProcess.Activities.INTENSIVE_CONTACT)
                .dueBeforeExpression(NOW), advisorsAndMicrofinancer),
        new TaskListFilter("committee-decisions", "Entscheidungen des Vergabeausschusses",
            "Kreditanträge, über die Ihr Ausschuss entscheidet (außerhalb der Quartiere: der Mikrofinanzierer).",
            5, "#6a3d9a",
            offeredToMyGroups(tasks)
                .taskDefinitionKey(CommitteeDecisionProcess.Activities.DECIDE_APPLICATION),
            committeesAndMicrofinancer),
        new TaskListFilter("bank", "Bank: Verträge und Auszahlungen",
            "Kreditverträge und Auszahlungen, die das Kreditinstitut bestätigt.", 0, "#9a6700",
            tasks.createTaskQuery().taskCandidateGroup(Roles.BANK).includeAssignedTasks(),
            List.of(Roles.BANK)),
        new TaskListFilter("quality-assurance", "Qualitätssicherung und Aufsicht",
            "Qualitätssicherung zum Stichtag, überfällige Kontakte, Mahnungen an den Ausschuss, "
                + "Bürgen, Abschreibungen und Tilgungsplanänderungen.", 30, "#4a5568",
            tasks.createTaskQuery().taskCandidateGroup(Roles.MICROFINANCER).includeAssignedTasks()
                .taskDefinitionKeyIn(
                    PortfolioStandardProcess.Activities.RECORD_MEASURES,
                    LoanServicingProcess.Activities.CLARIFY_OVERDUE_CONTACT,
                    CommitteeDecisionProcess.Activities.REMIND_COMMITTEE,
                    LoanServicingProcess.Activities.CALL_ON_GUARANTORS,
                    LoanServicingProcess.Activities.WRITE_OFF,
                    LoanServicingProcess.Activities.APPROVE_WRITE_OFF,
                    RepaymentReschedulingProcess.Activities.APPROVE_RESCHEDULING),
            List.of(Roles.MICROFINANCER)))
        .map(TaskListFilters::higherPriorityFirst)
        .toList();
  }

  /**
   * Every list shows the higher task priority first (a loan with an early warning raises its contact task's
   * priority, servicing.EarlyWarnings), then in the order Tasklist's own sorting asks for: Camunda puts a
   * filter's ordering before the one of the query that extends it.
   */
  private static TaskListFilter higherPriorityFirst(TaskListFilter filter) {
    filter.query().orderByTaskPriority().desc();
    return filter;
  }

  /** Tasks offered to one of the person's groups, whether still open or already taken by someone. */
  private static TaskQuery offeredToMyGroups(TaskService tasks) {
    return tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }

  /**
   * One managed filter: its stable key, German name and description, position ({@code priority}: lower
   * first) and colour in Tasklist, its task query and the groups that may see it.
   */
  public record TaskListFilter(String key, String name, String description, int priority, String color,
      TaskQuery query, List<String> groups) {

    /** The filter's Tasklist properties: marker, description, position, colour, refresh, display variables. */
    public Map<String, Object> properties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put(MARKER, key);
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      List<Map<String, Object>> variables = new ArrayList<>();
      for (CaseDisplay.Field field : CaseDisplay.FIELDS) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("name", field.variable());
        variable.put("label", field.label());
        variables.add(variable);
      }
      properties.put("variables", variables);
      return properties;
    }
  }
}
