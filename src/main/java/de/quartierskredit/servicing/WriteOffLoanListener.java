package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.shared.engine.CurrentUser;
import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import de.quartierskredit.shared.InputRefusedException;

/**
 * Step 12: the microfinancer asks for the write-off with a note (checked on the server); a second
 * person approves it before the loss is booked ({@link ApproveWriteOffListener}).
 */
@Component("writeOffLoanListener")
class WriteOffLoanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    InputRefusedException.refuseIfAny(
        ServicingInputPolicy.writeOff(task.getVariable(WRITE_OFF_CONFIRMED), FormValues.text(task, WRITE_OFF_NOTE)));
    task.setVariable(WRITE_OFF_REQUESTED_BY, CurrentUser.completing(task));
  }
}
