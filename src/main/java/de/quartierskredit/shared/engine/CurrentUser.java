package de.quartierskredit.shared.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a delegate or listener: the user logged in to Tasklist or the REST API. */
public final class CurrentUser {

  private CurrentUser() {}

  /** The authenticated user's id, or null (the job executor, a test without a login). */
  public static String of(ProcessEngineServicesAware scope) {
    Authentication user = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  /** The authenticated user completing the task, else the task's assignee. */
  public static String completing(DelegateTask task) {
    String user = of(task);
    return user != null ? user : task.getAssignee();
  }
}
