package de.quartierskredit.contract;

import static de.quartierskredit.contract.BankContractProcess.Variables.*;

import de.quartierskredit.shared.FieldError;
import de.quartierskredit.shared.InputRefusedException;
import de.quartierskredit.shared.engine.FormValues;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Checks the advisor's follow-up on a stalled signing on the server: a known result and a note. */
@Component("followUpContractListener")
class FollowUpContractListener implements TaskListener {

  private final BankConfirmationPolicy policy = new BankConfirmationPolicy();

  @Override
  public void notify(DelegateTask task) {
    var decision = policy.followedUp(
        FormValues.text(task, FOLLOW_UP_RESULT), FormValues.text(task, FOLLOW_UP_NOTE));
    if (!decision.ok()) {
      throw new InputRefusedException(List.of(new FieldError(decision.field(), decision.reason())));
    }
  }
}
