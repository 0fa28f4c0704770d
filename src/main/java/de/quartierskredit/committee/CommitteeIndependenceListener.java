package de.quartierskredit.committee;

import de.quartierskredit.duties.SeparationOfDuties;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.engine.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Separation of duties at the committee decision: whoever recorded, advised, recorded the guarantors
 * of or prepared the template for this application can neither claim (be assigned) nor complete
 * the decision; the refusal names what they did and when (403 over REST, shown in Tasklist).
 */
@Component("committeeIndependenceListener")
class CommitteeIndependenceListener implements TaskListener {

  private final SeparationOfDuties duties;

  CommitteeIndependenceListener(SeparationOfDuties duties) {
    this.duties = duties;
  }

  @Override
  public void notify(DelegateTask task) {
    String user = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : CurrentUser.completing(task);
    duties.requireIndependentDecider(CaseLoan.reference(task), user);
  }
}
