package de.quartierskredit.application;

import de.quartierskredit.shared.LoanVisibilityPolicy;
import de.quartierskredit.shared.LoanVisibilityPolicy.Visibility;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reads one application for {@code GET /api/applications/{reference}} under
 * {@link de.quartierskredit.shared.LoanVisibilityPolicy}: empty when it does not exist or the caller may not see it
 * (the caller cannot tell which), 403 when the caller may read no application at all.
 */
@Service
class ApplicationQueries {

  private final LoanVisibilityPolicy visibility = new LoanVisibilityPolicy();
  private final ApplicationReadRepository applications;
  private final TaskService tasks;
  private final IdentityService identity;

  ApplicationQueries(ApplicationReadRepository applications, TaskService tasks, IdentityService identity) {
    this.applications = applications;
    this.tasks = tasks;
    this.identity = identity;
  }

  Optional<ApplicationView> find(String reference) {
    Authentication caller = identity.getCurrentAuthentication();
    Visibility visible = visibility.of(caller == null ? List.of() : caller.getGroupIds());
    if (visible.none()) {
      throw new AuthorizationException("Anträge lesen der Mikrofinanzierer, das Management, die Prozessverantwortlichen "
          + "und die Quartiersberatung und der Vergabeausschuss ihres Quartiers.");
    }
    return applications.find(reference)
        .filter(application -> visible.sees(application.quarterCode()))
        .map(application -> application.withOpenSteps(openSteps(reference, caller)));
  }

  /**
   * The German names of the case's open tasks, whoever works on them: the visibility rule above has
   * decided what the caller reads, so the query runs without the caller's task authorizations (a
   * manager has none, yet may know that the committee has not decided).
   */
  private List<String> openSteps(String reference, Authentication caller) {
    identity.clearAuthentication();
    try {
      return tasks.createTaskQuery().processInstanceBusinessKey(reference).orderByTaskCreateTime().asc().list()
          .stream().map(Task::getName).distinct().toList();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
