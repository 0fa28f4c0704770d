package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Step 9, escalation: the microfinancer's clarification of a month without contact, checked and recorded. */
@Component("clarifyOverdueContactListener")
class ClarifyOverdueContactListener implements TaskListener {

  private final ServicingRepository servicing;

  ClarifyOverdueContactListener(ServicingRepository servicing) {
    this.servicing = servicing;
  }

  @Override
  public void notify(DelegateTask task) {
    String reason = FormValues.text(task, OVERDUE_REASON);
    String action = FormValues.text(task, OVERDUE_ACTION);
    InputRefusedException.refuseIfAny(ServicingInputPolicy.overdue(reason, action));
    long loanId = servicing.standing(CaseLoan.reference(task)).id();
    servicing.clarifyOverdue(loanId, FormValues.text(task, CONTACT_MONTH), reason, action, CurrentUser.completing(task));
  }
}
