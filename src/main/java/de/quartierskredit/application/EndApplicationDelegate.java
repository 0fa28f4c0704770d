package de.quartierskredit.application;

import static de.quartierskredit.application.LoanApplicationProcess.Variables.*;

import de.quartierskredit.loan.CaseLoan;
import de.quartierskredit.loan.LoanRepository;
import de.quartierskredit.loan.LoanState;
import java.util.EnumSet;
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

  private static final EnumSet<LoanState> ENDABLE =
      EnumSet.of(LoanState.APPLIED, LoanState.APPROVED, LoanState.CONTRACTED);

  private final LoanRepository loans;

  EndApplicationDelegate(LoanRepository loans) {
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LoanState state = LoanState.valueOf((String) execution.getVariableLocal(END_STATE));
    Object reason = execution.getVariableLocal(END_REASON);
    loans.end(CaseLoan.reference(execution), ENDABLE, state,
        reason == null ? null : reason.toString());
  }
}
