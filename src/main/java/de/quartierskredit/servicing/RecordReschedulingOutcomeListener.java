package de.quartierskredit.servicing;

import static de.quartierskredit.servicing.LoanServicingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Step 11: notes on the intervention what repayment-rescheduling decided (APPROVED / REJECTED). */
@Component("recordReschedulingOutcomeListener")
class RecordReschedulingOutcomeListener implements ExecutionListener {

  private final ServicingRepository servicing;

  RecordReschedulingOutcomeListener(ServicingRepository servicing) {
    this.servicing = servicing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object outcome = execution.getVariable(RESCHEDULING_OUTCOME);
    if (outcome != null) { // null when the call was cancelled (arrears cleared, repaid, default)
      servicing.recordRescheduling(servicing.standing(CaseLoan.reference(execution)).id(),
          outcome.toString());
    }
  }
}
