package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.WRITE_OFF_DECISION;
import static de.quartierskredit.servicing.LoanServicingProcess.Variables.WRITE_OFF_REJECTION_REASON;

import de.quartierskredit.duties.SeparationOfDuties;
import de.quartierskredit.duties.Step;
import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.servicing.LoanServicingProcess.WriteOffDecision;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Step 12, four eyes: the write-off is approved or rejected by a second person of the microfinancer.
 * Whoever asked for it can neither claim nor complete the approval (403, German reason); the answer
 * is checked on the server (a rejection says why) and recorded with the person who gave it.
 */
@Component("approveWriteOffListener")
class ApproveWriteOffListener implements TaskListener {

  private final SeparationOfDuties duties;
  private final WriteOffAudit audit;

  ApproveWriteOffListener(SeparationOfDuties duties, WriteOffAudit audit) {
    this.duties = duties;
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask task) {
    String loanReference = CaseLoan.reference(task);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      duties.requireSecondPersonForWriteOff(loanReference, task.getAssignee());
      return;
    }
    String user = CurrentUser.completing(task);
    duties.requireSecondPersonForWriteOff(loanReference, user);
    String decision = FormValues.text(task, WRITE_OFF_DECISION);
    String rejectionReason = FormValues.text(task, WRITE_OFF_REJECTION_REASON);
    InputRefusedException.refuseIfAny(ServicingInputPolicy.writeOffApproval(decision, rejectionReason));
    boolean approved = WriteOffDecision.APPROVE.name().equals(decision);
    duties.record(loanReference, approved ? Step.WRITE_OFF_APPROVED : Step.WRITE_OFF_REJECTED,
        user, task.getId(), task.getProcessInstanceId());
    if (!approved) {
      // an approval is audited once the loss is booked (CloseWrittenOffLoanDelegate)
      audit.rejected(loanReference, rejectionReason);
    }
  }
}
