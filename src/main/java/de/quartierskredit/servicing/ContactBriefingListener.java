package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.CASE_WARNING;

import de.quartierskredit.loan.CaseLoan;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link ContactBriefing} on a monthly or intensive contact task when it is created, as the
 * task-local display text {@code contactBriefing} that the contact form shows at its top. Read from the
 * loan's tables; nothing reads it back. A loan with an early warning gets the higher task priority
 * ({@link EarlyWarnings#WARNED_PRIORITY}) and the display copy {@code caseWarning} with the reasons.
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
    Optional<ContactBriefing> briefing = briefings.find(reference);
    task.setVariableLocal(CONTACT_BRIEFING, briefing.map(ContactBriefing::markdown)
        .orElse("Keine Kreditdaten zu " + reference + " gefunden."));
    briefing.filter(ContactBriefing::warned).ifPresent(warned -> {
      // a flagged loan's contact comes first in the advisor's list (filters sort by priority)
      task.setPriority(EarlyWarnings.WARNED_PRIORITY);
      task.setVariableLocal(CASE_WARNING, EarlyWarnings.display(warned.warning()));
    });
  }
}
