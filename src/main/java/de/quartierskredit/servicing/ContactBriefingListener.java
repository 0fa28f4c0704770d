package de.quartierskredit.servicing;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link ContactBriefing} on a monthly or intensive contact task when it is created, as the
 * task-local display text {@code contactBriefing} that the contact form shows at its top. Read from the
 * loan's tables; nothing reads it back.
 */
@Component("contactBriefingListener")
class ContactBriefingListener implements TaskListener {

  static final String CONTACT_BRIEFING = "contactBriefing";

  private final ContactBriefingRepository briefings;

  ContactBriefingListener(ContactBriefingRepository briefings) {
    this.briefings = briefings;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = CaseLoan.reference(task);
    task.setVariableLocal(CONTACT_BRIEFING, briefings.find(reference).map(ContactBriefing::markdown)
        .orElse("Keine Kreditdaten zu " + reference + " gefunden."));
  }
}
