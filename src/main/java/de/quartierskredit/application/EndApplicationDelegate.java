package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends a case that does not lead to a loan (advice found other financing, referral, private
 * financing by a guarantor, withdrawal) in the loan table, where managers count these outcomes;
 * releases any fund capacity still held. The model passes {@code endState} and {@code endReason}.
 */
@Component("endApplicationDelegate")
class EndApplicationDelegate implements JavaDelegate {

  private final LoanRepository loans;

  EndApplicationDelegate(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LoanState state = LoanState.valueOf((String) execution.getVariableLocal(END_STATE));
    Object reason = execution.getVariableLocal(END_REASON);
    loans.endCase(CaseLoan.reference(execution), state, reason == null ? null : reason.toString());
  }
}
