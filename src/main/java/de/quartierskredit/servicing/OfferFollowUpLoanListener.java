package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.shared.engine.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import de.quartierskredit.shared.InputRefusedException;

/** Step 12: checks the follow-up offer on the server (a wanted loan needs 500-20,000 EUR and a purpose). */
@Component("offerFollowUpLoanListener")
class OfferFollowUpLoanListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    InputRefusedException.refuseIfAny(ServicingInputPolicy.followUp(FormValues.text(task, FOLLOW_UP_WANTED),
        task.getVariable(FOLLOW_UP_AMOUNT), FormValues.text(task, FOLLOW_UP_PURPOSE)));
  }
}
