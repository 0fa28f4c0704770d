package de.quartierskredit.rescheduling;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the authenticated Tasklist or REST user, or null (a test or the job executor). */
final class CurrentUser {

  private CurrentUser() {}

  static String of(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
