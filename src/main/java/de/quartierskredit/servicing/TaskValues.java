package de.quartierskredit.servicing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reads submitted form values and who submitted them. */
final class TaskValues {

  private TaskValues() {}

  static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? null : value.toString().strip();
  }

  /** The logged-in caseworker completing the task, else its assignee. */
  static String user(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null ? current.getUserId() : task.getAssignee();
  }
}
