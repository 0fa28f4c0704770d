package de.quartierskredit.servicing;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Step 9, early warning: the month ended without the monthly contact (the overdue escalation opens the
 * microfinancer's clarification task): the loan is flagged with {@code CONTACT_MISSED} and its still open
 * contact task comes first in the advisor's list ({@link EarlyWarnings}).
 */
@Component("missedContactListener")
class MissedContactListener implements TaskListener {

  private final ServicingRepository servicing;
  private final EarlyWarnings warnings;

  MissedContactListener(ServicingRepository servicing, EarlyWarnings warnings) {
    this.servicing = servicing;
    this.warnings = warnings;
  }

  @Override
  public void notify(DelegateTask task) {
    ServicingRepository.Standing loan = servicing.standing(CaseLoan.reference(task));
    if (loan.active()) {
      warnings.contactMissed(loan.id(), loan.reference(), loan.disturbed());
    }
  }
}
