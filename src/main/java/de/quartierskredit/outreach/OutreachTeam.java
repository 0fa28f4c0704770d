package de.quartierskredit.outreach;

import de.quartierskredit.shared.Roles;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who captures the application of an outreach contact: the advisors of the quarter recorded with the
 * contact in {@code outreach_contact}, not of a variable. Models use it as {@code outreachTeam}. Also names
 * whom the contact is about, for the task list (there is no loan yet).
 */
@Component("outreachTeam")
public class OutreachTeam {

  private final OutreachContactRepository contacts;

  OutreachTeam(OutreachContactRepository contacts) {
    this.contacts = contacts;
  }

  public String advisors(DelegateExecution execution) {
    return Roles.advisorsFor(contacts.quarterOf(execution.getProcessInstanceId()).orElse(null));
  }

  /** The recorded contact of an outreach process instance; empty for any other process instance. */
  public Optional<ContactSummary> summary(String processInstanceId) {
    return contacts.summaryOf(processInstanceId);
  }
}
