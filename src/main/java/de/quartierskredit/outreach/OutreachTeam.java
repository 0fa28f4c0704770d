package de.quartierskredit.outreach;

import de.quartierskredit.shared.Roles;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who captures the application of an outreach contact: the advisors of the quarter recorded with the
 * contact in {@code outreach_contact}, not of a variable. Models use it as {@code outreachTeam}. Also names
 * whom the contact is about, for the task list (there is no loan yet).
 */
@Component("outreachTeam")
public class OutreachTeam {

  private final OutreachContactRepository contacts;
  private final IdentityService identity;

  // lazy: the engine plugin that names each task's case needs this bean before the engine exists
  OutreachTeam(OutreachContactRepository contacts, @Lazy IdentityService identity) {
    this.contacts = contacts;
    this.identity = identity;
  }

  public String advisors(DelegateExecution execution) {
    return Roles.advisorsFor(contacts.quarterOf(execution.getProcessInstanceId()).orElse(null));
  }

  /**
   * The advisor who recorded the contact, so the application she just agreed on opens in her own task
   * list; {@code null} (the whole team) when she does not belong to the team that captures it.
   */
  public String recorder(DelegateExecution execution) {
    String group = advisors(execution);
    return contacts.recorderOf(execution.getProcessInstanceId())
        .filter(user -> identity.createUserQuery().userId(user).memberOfGroup(group).count() == 1)
        .orElse(null);
  }

  /** The recorded contact of an outreach process instance; empty for any other process instance. */
  public Optional<ContactSummary> summary(String processInstanceId) {
    return contacts.summaryOf(processInstanceId);
  }
}
