package de.quartierskredit.rescheduling;

import static de.quartierskredit.rescheduling.RepaymentReschedulingProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Step 11, the bank must be told: writes the rescheduling notice for the bank. Runs as an async job;
 * a technical failure is retried (R5/PT10M) and then becomes an incident; a rerun writes nothing twice.
 */
@Component("notifyBankOfReschedulingDelegate")
class NotifyBankDelegate implements JavaDelegate {

  private final Rescheduling rescheduling;

  NotifyBankDelegate(Rescheduling rescheduling) {
    this.rescheduling = rescheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rescheduling.notifyBank((Long) execution.getVariable(REQUEST_ID), CaseLoan.reference(execution));
  }
}
